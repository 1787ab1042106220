import { existsSync } from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireOutputLock, LOCK_FILE, LockError, withOutputLock } from '../../src/output/lock.ts';
import { lockContent, NOT_RUNNING_PID } from '../helpers/lock-files.ts';
import { ROOT, runMain, temporaryDirectory } from '../helpers/run.ts';

describe('acquireOutputLock', () => {
  it('creates the lock file with its pid and removes it on release', async () => {
    const folder = await temporaryDirectory();
    const lock = await acquireOutputLock(folder);
    expect(lock.warning).toBeNull();
    expect(JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
    await lock.release();
    await lock.release();
    expect(existsSync(path.join(folder, LOCK_FILE))).toBe(false);
  });

  it('creates a missing output folder', async () => {
    const folder = path.join(await temporaryDirectory(), 'new', 'out');
    const lock = await acquireOutputLock(folder);
    expect(existsSync(path.join(folder, LOCK_FILE))).toBe(true);
    await lock.release();
  });

  it('lets exactly one of two simultaneous runs take it', async () => {
    const folder = await temporaryDirectory();
    const attempts = await Promise.allSettled([acquireOutputLock(folder), acquireOutputLock(folder)]);
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual(['fulfilled', 'rejected']);
    for (const attempt of attempts) {
      if (attempt.status === 'fulfilled') await attempt.value.release();
      else expect(attempt.reason).toBeInstanceOf(LockError);
    }
  });

  it.each<[string, () => string]>([
    ['a live process on this machine', () => lockContent(process.ppid)],
    ['a process on another machine (a shared disk: it cannot be checked)', () => lockContent(NOT_RUNNING_PID, 'another-host')],
    ['a lock being written right now (empty)', () => ''],
  ])('fails fast with a LockError when the holder is %s', async (_, content) => {
    const folder = await temporaryDirectory();
    await writeFile(path.join(folder, LOCK_FILE), content());
    await expect(acquireOutputLock(folder)).rejects.toThrow(/is in use by another quarry run .*wait for it to finish or write to another folder with --out/);
  });

  it.each<[string, () => string, number, RegExp]>([
    ['a process that is no longer running', () => lockContent(NOT_RUNNING_PID), 0, /left by process \d+, which is no longer running/],
    [
      'an earlier process with our pid (a restarted container)',
      () => lockContent(process.pid),
      0,
      new RegExp(`left by process ${process.pid}, which is no longer running`),
    ],
    ['a writer that died before writing it (empty, a minute old)', () => '', 60, /left by a run whose lock file is unreadable/],
    ['garbage (a minute old)', () => 'not json', 60, /left by a run whose lock file is unreadable/],
  ])('takes over a stale lock left by %s, with a warning', async (_, content, ageSeconds, warning) => {
    const folder = await temporaryDirectory();
    await writeFile(path.join(folder, LOCK_FILE), content());
    if (ageSeconds > 0) await utimes(path.join(folder, LOCK_FILE), new Date(), new Date(Date.now() - ageSeconds * 1000));
    const lock = await acquireOutputLock(folder);
    expect(lock.warning).toMatch(warning);
    expect(JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('is not taken twice by the same process', async () => {
    const folder = await temporaryDirectory();
    await withOutputLock(folder, async () => {
      await expect(acquireOutputLock(folder)).rejects.toBeInstanceOf(LockError);
    });
  });
});

describe('withOutputLock', () => {
  it('releases the lock when the work fails', async () => {
    const folder = await temporaryDirectory();
    await expect(withOutputLock(folder, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('quarry extract and the lock', () => {
  it('exits 2 with a clear message and writes nothing while another live run holds the output folder', async () => {
    const output = await temporaryDirectory();
    // The parent process (vitest's) is alive: this process's own pid would read as a lock left by an earlier process.
    await writeFile(path.join(output, LOCK_FILE), lockContent(process.ppid));
    const { code, stderr } = await runMain(['extract', path.join(ROOT, 'data', 'raw'), '--out', output, '--no-progress', '--workers', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain(`quarry: the output folder ${output} is in use by another quarry run (process ${process.ppid}`);
    expect(await readdir(output)).toEqual([LOCK_FILE]);
  });
});
