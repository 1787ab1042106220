import { rmSync } from 'node:fs';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/** The lock file a run keeps in its output folder while it writes there. */
export const LOCK_FILE = '.quarry.lock';

/** Another live run holds the output folder: a usage error (CLI exit code 2), raised before anything is written. */
export class LockError extends Error {
  override readonly name = 'LockError';
}

/** A held lock on an output folder. */
export interface OutputLock {
  /** Set when a lock left by a run that no longer exists was taken over. */
  warning: string | null;
  /** Removes the lock file; calling it again does nothing. */
  release(): Promise<void>;
}

/** What a lock file records about its holder. */
interface LockHolder {
  pid: number;
  hostname: string;
  started: string;
}

/** Lock files this process holds: a lock file naming our own pid that is not among them was left by an earlier process that had the same pid (a container restarted). */
const heldByThisProcess = new Set<string>();

function readHolder(text: string): LockHolder | null {
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && Number.isInteger(holder.pid)
      ? { pid: holder.pid, hostname: String(holder.hostname ?? ''), started: String(holder.started ?? '') }
      : null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote a lock file still runs. A lock from another machine (a shared disk) cannot be checked, so it counts as live. */
function holderIsAlive(holder: LockHolder, file: string): boolean {
  if (holder.hostname !== hostname()) return true;
  if (holder.pid === process.pid) return heldByThisProcess.has(file);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Seconds a lock file without a readable holder counts as being written by its creator rather than left behind. */
const LOCK_WRITE_GRACE_SECONDS = 10;

/** Whether a lock file without a readable holder is new enough that its creator may still be writing it. */
async function beingWritten(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs < LOCK_WRITE_GRACE_SECONDS * 1000;
}

/**
 * Takes the lock of an output folder: `<folder>/.quarry.lock`, created with
 * the exclusive flag so only one process can create it, holding the pid,
 * host name and start time. When the file exists and its process still
 * runs, it throws a LockError at once; when that process is gone (killed,
 * crashed), the stale lock is taken over and the lock reports a warning.
 */
export async function acquireOutputLock(folder: string): Promise<OutputLock> {
  await mkdir(folder, { recursive: true });
  const file = path.resolve(folder, LOCK_FILE);
  const content = `${JSON.stringify({ pid: process.pid, hostname: hostname(), started: new Date().toISOString() })}\n`;
  let warning: string | null = null;
  // A few attempts: another run may create or remove the file between our steps.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      // Held from the moment the file exists: a Ctrl-C while its content is written must remove it too.
      heldByThisProcess.add(file);
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      let released = false;
      return {
        warning,
        async release() {
          if (released) return;
          released = true;
          heldByThisProcess.delete(file);
          await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = await readFile(file, 'utf8').catch(() => null);
    // Gone between our attempt and the read: the other run just finished.
    if (text === null) continue;
    const holder = readHolder(text);
    if (holder === null ? await beingWritten(file) : holderIsAlive(holder, file)) {
      const where =
        holder === null
          ? 'a process that is creating the lock'
          : holder.hostname === hostname()
            ? `process ${holder.pid}`
            : `process ${holder.pid} on ${holder.hostname}`;
      throw new LockError(
        `the output folder ${folder} is in use by another quarry run (${where}, started ${holder?.started ?? 'just now'}); wait for it to finish or write to another folder with --out. If no quarry run is using it, delete ${file}.`,
      );
    }
    warning = `took over the lock ${file} left by ${holder === null ? 'a run whose lock file is unreadable' : `process ${holder.pid}, which is no longer running`} (a killed or crashed run); its unfinished files are removed`;
    // Remove it only if it is still the stale file we judged: another run may have taken it over meanwhile.
    if ((await readFile(file, 'utf8').catch(() => null)) === text) await rm(file, { force: true });
  }
  throw new LockError(`could not take the lock ${file}: other runs keep creating it; make sure only one quarry run writes to ${folder}`);
}

/**
 * Removes every lock file this process holds, at once: for a process that is about to exit without unwinding
 * (interrupted with Ctrl-C), so that the next run finds its output folder free without a takeover warning.
 */
export function releaseHeldLocksSync(): void {
  for (const file of heldByThisProcess) rmSync(file, { force: true });
  heldByThisProcess.clear();
}

/** Runs `work` while holding the lock of an output folder, and releases the lock whether it succeeds or fails. */
export async function withOutputLock<Result>(folder: string, work: (lock: OutputLock) => Promise<Result>): Promise<Result> {
  const lock = await acquireOutputLock(folder);
  try {
    return await work(lock);
  } finally {
    await lock.release();
  }
}
