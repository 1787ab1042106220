import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { STAGES } from '../../src/stages/index.ts';
import type { SinkStage } from '../../src/stage.ts';
import { ROOT, runOn } from '../helpers/run.ts';

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

describe('a run that fails while writing', () => {
  it.each([['open'], ['add'], ['close']] as const)('at %s of a later sink leaves no staging folder, no lock, and the previous tables as they were (or the new complete ones)', async (step) => {
    const { output } = await runOn([RAW], { workers: 0, report: false });
    const before = await readFile(path.join(output, 'documents.jsonl'));
    const stages = [...STAGES.filter((stage) => stage.name !== 'report'), failingSink(step)];
    await expect(runPipeline(resolveConfig({ input: [RAW], output, workers: 0, progress: 'never', report: false }), { stages })).rejects.toThrow(`sink failed at ${step}`);
    expect((await readdir(output)).filter((entry) => entry.startsWith('.staging-') || entry === '.quarry.lock')).toEqual([]);
    // The same input gives the same bytes, so the documents table is the previous one whether or not write committed before the failure.
    expect((await readFile(path.join(output, 'documents.jsonl'))).equals(before)).toBe(true);
  });
});
