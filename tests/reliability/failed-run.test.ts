import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { STAGES } from '../../src/stages/index.ts';
import type { SinkStage } from '../../src/stage.ts';
import { ROOT, runOn, temporaryDirectory } from '../helpers/run.ts';

const RAW = path.join(ROOT, 'data', 'raw');

/** A sink after write that fails at the given step, as a full disk or a crash in a later sink would. */
function failingSink(step: 'open' | 'add' | 'close'): SinkStage {
  const fail = async (at: typeof step): Promise<void> => {
    if (at === step) throw new Error(`sink failed at ${step}`);
  };
  return {
    kind: 'sink',
    name: 'failing',
    requires: ['files in config.output'],
    assigns: [],
    async open() {
      await fail('open');
      return { add: () => fail('add'), close: () => fail('close'), abort: async () => {} };
    },
  };
}

/** The bytes of every JSONL table of an output folder (not the run's own hidden files), by table name. */
async function tables(output: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(output)).filter((name) => name.endsWith('.jsonl') && !name.startsWith('.')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(output, name))] as const)));
}

const same = (a: Map<string, Buffer>, b: Map<string, Buffer>): boolean =>
  a.size === b.size && [...a].every(([name, bytes]) => b.get(name)?.equals(bytes) === true);

describe('a run that fails while writing', () => {
  it.each([['open'], ['add'], ['close']] as const)('at %s of a later sink leaves no staging folder, no lock, and either the previous tables or the new complete ones, never a mix', async (step) => {
    // The previous run read one document, the failing one reads all five: the two sets of tables differ in every table.
    const one = await temporaryDirectory();
    await copyFile(path.join(RAW, '000_0796cd7eea2f6637.txt'), path.join(one, '000_0796cd7eea2f6637.txt'));
    const { output } = await runOn([one], { workers: 0, report: false });
    const previous = await tables(output);
    const complete = await tables((await runOn([RAW], { workers: 0, report: false })).output);
    expect(same(previous, complete)).toBe(false);

    const stages = [...STAGES.filter((stage) => stage.name !== 'report'), failingSink(step)];
    await expect(runPipeline(resolveConfig({ input: [RAW], output, workers: 0, progress: 'never', report: false }), { stages })).rejects.toThrow(`sink failed at ${step}`);
    expect((await readdir(output)).filter((entry) => entry.startsWith('.staging-') || entry === '.quarry.lock')).toEqual([]);
    const after = await tables(output);
    expect(same(after, previous) || same(after, complete)).toBe(true);
  });
});
