import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/schemas/index.ts';
import { CHECKER, ROOT, runCli, runMain, temporaryDirectory } from '../helpers/run.ts';

const RAW = path.join(ROOT, 'data', 'raw');
/** Copies of data/raw in the corpus: enough for a run of a few seconds, so kills land in every phase. One thread (--workers 0) keeps it quick in CI; the switch does not depend on the worker pool. */
const COPIES = 3;
const TABLE_FILES = [...TABLE_NAMES.flatMap((table) => [`${table}.jsonl`, `${table}.csv`]), ...TABLE_NAMES.map((table) => `schema/${table}.schema.json`)];
const MANIFEST = 'manifest.json';

type Snapshot = Map<string, Buffer>;

async function snapshot(folder: string): Promise<Snapshot> {
  const files: Snapshot = new Map();
  for (const file of [...TABLE_FILES, MANIFEST]) if (existsSync(path.join(folder, file))) files.set(file, await readFile(path.join(folder, file)));
  return files;
}

/** The counts of a manifest: its timings differ between runs, its counts must not. */
const manifestCounts = (bytes: Buffer | undefined): unknown =>
  bytes === undefined ? undefined : (JSON.parse(bytes.toString('utf8')) as { counts: unknown }).counts;

const extractArguments = (input: string, output: string): string[] => [
  path.join(ROOT, 'bin', 'quarry.mjs'),
  'extract',
  input,
  '--out',
  output,
  '--no-progress',
  '--fresh',
  '--workers',
  '0',
];

/** Starts a run and SIGKILLs it when `killWhen` resolves (or lets it finish first); resolves when the process is gone. */
async function runAndKill(input: string, output: string, killWhen: Promise<void>): Promise<{ killed: boolean }> {
  const child = spawn(process.execPath, extractArguments(input, output), { cwd: ROOT, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let finished = false;
  void exited.then(() => {
    finished = true;
  });
  await Promise.race([killWhen, exited]);
  const killed = !finished && child.kill('SIGKILL');
  await exited;
  return { killed };
}

/** Resolves as soon as a staging folder appears in the output folder: the run has started writing its tables. */
async function stagingAppears(output: string, afterMilliseconds = 0): Promise<void> {
  for (;;) {
    if ((await readdir(output).catch(() => [] as string[])).some((entry) => entry.startsWith('.staging-'))) break;
    await sleep(5);
  }
  await sleep(afterMilliseconds);
}

describe('a run killed with SIGKILL', () => {
  let corpus: string;
  let output: string;
  let previous: Snapshot;
  let next: Snapshot;
  let runMilliseconds: number;

  beforeAll(async () => {
    const root = await temporaryDirectory('quarry-kill-');
    corpus = path.join(root, 'corpus');
    for (let copy = 0; copy < COPIES; copy++) await cp(RAW, path.join(corpus, `copy-${copy}`), { recursive: true });
    await mkdir(path.join(root, 'small'));
    await cp(path.join(RAW, (await readdir(RAW))[0] as string), path.join(root, 'small', 'only.txt'));

    // The tables a complete run over the corpus gives, to recognise the new set.
    const reference = path.join(root, 'reference');
    const started = performance.now();
    expect((await runCli(extractArguments(corpus, reference).slice(1))).code).toBe(0);
    runMilliseconds = performance.now() - started;
    next = await snapshot(reference);

    // The previous complete run in the output folder: a different corpus, so every table differs from the new set.
    // Only the runs that are killed, and the one that times them, need a process of their own.
    output = path.join(root, 'out');
    expect((await runMain(extractArguments(path.join(root, 'small'), output).slice(1))).code).toBe(0);
    previous = await snapshot(output);
  }, 120_000);

  /** The output folder holds one run's files, each complete: the previous set, the new one, or part of one of them without manifest.json. */
  async function expectConsistent(moment: string): Promise<void> {
    const now = await snapshot(output);
    const sources = new Set<string>();
    for (const [file, bytes] of now) {
      const fromPrevious = bytes.equals(previous.get(file) as Buffer);
      const fromNext =
        file === MANIFEST ? JSON.stringify(manifestCounts(bytes)) === JSON.stringify(manifestCounts(next.get(file))) : bytes.equals(next.get(file) as Buffer);
      expect(fromPrevious || fromNext, `${moment}: ${file} is neither the previous nor the new version (truncated?)`).toBe(true);
      if (fromPrevious !== fromNext) sources.add(fromPrevious ? 'previous' : 'next');
    }
    expect([...sources].length, `${moment}: a mix of two runs`).toBeLessThanOrEqual(1);
    if (now.has(MANIFEST)) expect([...now.keys()].sort(), `${moment}: manifest.json without the whole set`).toEqual([...TABLE_FILES, MANIFEST].sort());
  }

  it('leaves the previous complete tables, or the new ones, or part of one set without a manifest: never a truncated file or a mix', async () => {
    // Kills spread over the run (start-up, extraction, writing), then kills timed by the staging folder appearing.
    const fractions = [0.25, 0.6, 0.9];
    for (const fraction of fractions) {
      await runAndKill(corpus, output, sleep(runMilliseconds * fraction));
      await expectConsistent(`killed at ${Math.round(fraction * 100)}% of a run`);
    }
    for (const delay of [50, 0]) {
      const { killed } = await runAndKill(corpus, output, stagingAppears(output, delay));
      if (delay === 0) expect(killed, 'the run finished before the kill timed by its staging folder').toBe(true);
      await expectConsistent(`killed ${delay} ms after the staging folder appeared`);
    }
  }, 120_000);

  it('is followed by a normal run that takes over the stale lock, replaces every table and passes the contract checker', async () => {
    const { code, stderr } = await runMain(extractArguments(corpus, output).slice(1));
    expect(code).toBe(0);
    // The last kill (timed by the staging folder, asserted to land) left the lock behind.
    expect(stderr).toMatch(/quarry: warning: took over the lock .*\.quarry\.lock left by process \d+, which is no longer running/);
    const now = await snapshot(output);
    for (const file of TABLE_FILES) expect(now.get(file)?.equals(next.get(file) as Buffer), file).toBe(true);
    expect((await readdir(output)).filter((entry) => entry.startsWith('.staging-') || entry.startsWith('.report-') || entry === '.quarry.lock')).toEqual([]);
    if (existsSync(CHECKER))
      expect(execFileSync(process.execPath, [CHECKER, output], { encoding: 'utf8' }).trim().split('\n').at(-1)).toMatch(/^ok: 0 problems/);
  }, 120_000);
});
