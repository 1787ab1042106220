import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, temporaryDirectory } from '../helpers/run.ts';
import { sampleTables, writeJsonlTables } from './fixtures.ts';

describe('quarry report', () => {
  it('prints help and exits 0', async () => {
    const { code, stdout } = await runMain(['report', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: quarry report [options] <OUT_DIR>');
    expect(stdout).toContain('Exit codes: 0 written, 2 the folder lacks tables or a row is invalid.');
  });

  it('rebuilds the report from the tables of an output folder', async () => {
    const output = await temporaryDirectory();
    await writeJsonlTables(sampleTables(), output);
    const { code, stderr } = await runMain(['report', output]);
    expect(code).toBe(0);
    expect(stderr).toBe(`quarry: report in ${path.join(output, 'report', 'index.html')}\n`);
    expect(await readFile(path.join(output, 'report', 'documents', 'news-2016-1--d0b505cbed44.html'), 'utf8')).toContain(
      '<h1>Quitting <span class="status status-ok">ok</span></h1>',
    );
  });

  it.each([
    ['a folder without tables', async (folder: string) => writeFile(path.join(folder, 'notes.txt'), 'nothing here'), 'no tables to report on in'],
    [
      'an invalid row',
      async (folder: string) =>
        writeJsonlTables({ ...sampleTables(), entities: [] }, folder).then(() => writeFile(path.join(folder, 'dates.jsonl'), '{"date_id":""}\n')),
      'invalid rows in',
    ],
    [
      'a missing table',
      async (folder: string) => writeJsonlTables(sampleTables(), folder).then(() => rm(path.join(folder, 'figures.jsonl'))),
      'missing figures.jsonl',
    ],
  ])('exits 2 with a clear message on %s and writes nothing', async (_, prepare, expected) => {
    const folder = await temporaryDirectory();
    await prepare(folder);
    const { code, stderr } = await runMain(['report', folder]);
    expect(code).toBe(2);
    expect(stderr.startsWith('quarry: ')).toBe(true);
    expect(stderr).toContain(expected);
    expect(existsSync(path.join(folder, 'report'))).toBe(false);
  });
});
