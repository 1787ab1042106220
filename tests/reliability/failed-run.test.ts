import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { STAGES } from '../../src/stages/index.ts';
import type { SinkStage, Stage } from '../../src/stage.ts';
import { ROOT, runOn, temporaryDirectory } from '../helpers/run.ts';

const RAW = path.join(ROOT, 'data', 'raw');

/** A sink that fails at the given step, as a full disk or a crash in another sink would. */
function failingSink(step: 'open' | 'add' | 'close'): SinkStage {
  const fail = async (at: typeof step): Promise<void> => {
    if (at === step) throw new Error(`sink failed at ${step}`);
  };
  return {
    kind: 'sink',
    name: 'failing',
    // What the write stage reads, so that the sink may come before it or after it.
    requires: ['document.rows', 'corpus.entities'],
    assigns: [],
    async open() {
      await fail('open');
      return { add: () => fail('add'), close: () => fail('close'), abort: async () => {} };
    },
  };
}

/** The run's stages without the report, with the failing sink just before or just after the write stage. */
function stagesWith(sink: SinkStage, where: 'before' | 'after'): Stage[] {
  return STAGES.filter((stage) => stage.name !== 'report').flatMap((stage) => {
    if (stage.name !== 'write') return [stage];
    return where === 'before' ? [sink, stage] : [stage, sink];
  });
}

/** Every file of an output folder but the run's hidden ones (the cache, staging, the lock), by path; all are UTF-8 text. */
async function outputFiles(output: string): Promise<Map<string, string>> {
  const names = (await readdir(output, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(output, path.join(entry.parentPath, entry.name)))
    .filter((name) => !name.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(output, name), 'utf8')] as const)));
}

/** The table files (JSONL and CSV) of a snapshot: manifest.json holds timings, which differ between two runs. */
const tablesOf = (files: Map<string, string>): Map<string, string> => new Map([...files].filter(([name]) => /\.(jsonl|csv)$/.test(name)));

/** Leftovers of the failed run in its output folder: a staging folder or the lock. */
async function leftovers(output: string): Promise<string[]> {
  return (await readdir(output)).filter((entry) => entry.startsWith('.staging-') || entry === '.quarry.lock');
}

/** An output folder holding the tables of a complete run over one document of data/raw. */
async function previousRun(): Promise<string> {
  const one = await temporaryDirectory();
  await copyFile(path.join(RAW, '000_0796cd7eea2f6637.txt'), path.join(one, '000_0796cd7eea2f6637.txt'));
  return (await runOn([one], { workers: 0, report: false })).output;
}

/** Runs over all of data/raw into `output` with `stages`; resolves once the run has failed as the sink makes it. */
async function failingRun(output: string, stages: Stage[], step: string): Promise<void> {
  const config = resolveConfig({ input: [RAW], output, workers: 0, progress: 'never', report: false });
  await expect(runPipeline(config, { stages })).rejects.toThrow(`sink failed at ${step}`);
}

describe('a run that fails', () => {
  // What the failing run would have written: the tables of a complete run over data/raw (five documents).
  let complete: Map<string, string>;
  beforeAll(async () => {
    complete = tablesOf(await outputFiles((await runOn([RAW], { workers: 0, report: false })).output));
  });

  it('would write other bytes than the previous run in every table (so that the tests below can tell them apart)', async () => {
    const previous = tablesOf(await outputFiles(await previousRun()));
    expect([...previous.keys()]).toEqual([...complete.keys()]);
    expect([...previous].filter(([name, text]) => text === complete.get(name)).map(([name]) => name)).toEqual([]);
  });

  it.each([
    ['open', 'after', 'the write stage has opened its staging folder'],
    ['add', 'after', 'the write stage has staged the first document'],
    ['close', 'before', 'the write stage has staged every document'],
  ] as const)('at %s of a sink %s write (%s) keeps the previous output byte for byte, with no staging folder and no lock', async (step, where, _when) => {
    const output = await previousRun();
    const previous = await outputFiles(output);
    expect(previous.has('manifest.json')).toBe(true);
    await failingRun(output, stagesWith(failingSink(step), where), step);
    expect(await outputFiles(output)).toEqual(previous);
    expect(await leftovers(output)).toEqual([]);
  });

  it('at close of a sink after write (the tables are switched in by then) leaves the new complete tables, with no staging folder and no lock', async () => {
    const output = await previousRun();
    await failingRun(output, stagesWith(failingSink('close'), 'after'), 'close');
    expect(tablesOf(await outputFiles(output))).toEqual(complete);
    expect(await leftovers(output)).toEqual([]);
  });
});
