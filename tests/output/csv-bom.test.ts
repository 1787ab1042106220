import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/schemas/index.ts';
import { runOn, temporaryDirectory } from '../helpers/run.ts';

const BOM = '\ufeff';

/** The first character of every CSV and JSONL table of an output folder. */
async function firstCharacters(output: string, extension: 'csv' | 'jsonl'): Promise<string[]> {
  return Promise.all(TABLE_NAMES.map(async (table) => (await readFile(path.join(output, `${table}.${extension}`), 'utf8')).slice(0, 1)));
}

describe('write.csvBom', () => {
  it('starts every CSV, and no JSONL, with a UTF-8 byte-order mark; a run without it writes the CSVs again without', async () => {
    const input = await temporaryDirectory();
    await writeFile(path.join(input, 'price.txt'), '“It costs £40,” said Li Dayong on January 7, 2016.');
    const output = await temporaryDirectory();
    await runOn([input], { output, workers: 0, report: false, write: { csvBom: true } });
    expect(await firstCharacters(output, 'csv')).toEqual(TABLE_NAMES.map(() => BOM));
    expect((await firstCharacters(output, 'jsonl')).filter((character) => character === BOM)).toEqual([]);
    expect((await readFile(path.join(output, 'documents.csv'), 'utf8')).startsWith(`${BOM}doc_id,source,`)).toBe(true);

    // Same inputs and extraction config: only the write options differ, so the tables are written again.
    const again = await runOn([input], { output, workers: 0, report: false });
    expect(again.upToDate).toBe(false);
    expect(again.cached).toBe(1);
    expect((await firstCharacters(output, 'csv')).filter((character) => character === BOM)).toEqual([]);
  });
});
