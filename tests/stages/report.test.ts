import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import type { Corpus, RunInfo } from '../../src/stage.ts';
import { report } from '../../src/stages/report.ts';
import { temporaryDirectory } from '../helpers/run.ts';
import { sampleTables } from '../report/fixtures.ts';

const run: RunInfo = { startedAt: new Date(0), stageMilliseconds: {} };

describe('the report stage', () => {
  it('is a sink that needs the validated tables', () => {
    expect([report.kind, report.name, report.requires]).toEqual(['sink', 'report', ['corpus.tables']]);
  });

  it.each([
    [true, true],
    [false, false],
  ])('with report: %s writes the report: %s', async (enabled, written) => {
    const output = await temporaryDirectory();
    const corpus: Corpus = { documents: [], entities: [], tables: sampleTables() };
    await report.run(corpus, resolveConfig({ output, report: enabled }), run);
    expect(existsSync(path.join(output, 'report', 'index.html'))).toBe(written);
    expect(existsSync(path.join(output, 'report', 'documents', 'broken.html'))).toBe(written);
  });

  it('is on by default', () => {
    expect(resolveConfig({}).report).toBe(true);
  });

  it('fails fast when validate has not run', async () => {
    const corpus: Corpus = { documents: [], entities: [], tables: null };
    await expect(report.run(corpus, resolveConfig({ output: await temporaryDirectory() }), run)).rejects.toThrow('report needs the validated tables: run validate first');
  });
});
