import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { report } from '../../src/stages/report.ts';
import { temporaryDirectory } from '../helpers/run.ts';
import { sampleTables, writeJsonlTables } from '../report/fixtures.ts';

describe('the report stage', () => {
  it('is a sink that reads the tables the write stage committed', () => {
    expect([report.kind, report.name, report.requires]).toEqual(['sink', 'report', ['files in config.output']]);
  });

  it.each([
    [true, true],
    [false, false],
  ])('with report: %s writes the report: %s', async (enabled, written) => {
    const output = await temporaryDirectory();
    await writeJsonlTables(sampleTables(), output);
    const sink = await report.open(resolveConfig({ output, report: enabled }));
    await sink.close([], {});
    expect(existsSync(path.join(output, 'report', 'index.html'))).toBe(written);
    expect(existsSync(path.join(output, 'report', 'documents', 'broken.html'))).toBe(written);
  });

  it('is on by default', () => {
    expect(resolveConfig({}).report).toBe(true);
  });

  it('fails with the reason when the output folder has no tables', async () => {
    const sink = await report.open(resolveConfig({ output: await temporaryDirectory() }));
    await expect(sink.close([], {})).rejects.toThrow('no tables to report on in');
  });
});
