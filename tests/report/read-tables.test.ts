import { appendFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTables, ReportInputError } from '../../src/report/read-tables.ts';
import { temporaryDirectory } from '../helpers/run.ts';
import { sampleTables, writeJsonlTables } from './fixtures.ts';

describe('readTables', () => {
  it('reads back every table the report shows, row for row: all but claim_links, which an older output lacks', async () => {
    const folder = await temporaryDirectory();
    const { claim_links: _links, ...shown } = sampleTables();
    await writeJsonlTables(shown, folder);
    expect(await readTables(folder)).toEqual(shown);
  });

  it.each([
    [
      'a folder with no tables',
      [] as string[],
      'missing documents.jsonl, passages.jsonl, mentions.jsonl, entities.jsonl, dates.jsonl, figures.jsonl, claims.jsonl (run quarry extract first)',
    ],
    ['a folder missing one table', ['claims'], 'missing claims.jsonl (run quarry extract first)'],
  ])('rejects %s, naming what is missing', async (_, removed, expected) => {
    const folder = await temporaryDirectory();
    if (removed.length > 0) {
      await writeJsonlTables(sampleTables(), folder);
      for (const table of removed) await rm(path.join(folder, `${table}.jsonl`));
    }
    const error = await readTables(folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as Error).message).toBe(`no tables to report on in ${folder}: ${expected}`);
  });

  it('rejects rows that fail their schema or are not JSON, naming the file, line and field', async () => {
    const folder = await temporaryDirectory();
    await writeJsonlTables(sampleTables(), folder);
    await appendFile(path.join(folder, 'mentions.jsonl'), '{"mention_id":"x"}\n{broken\n');
    const error = await readTables(folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportInputError);
    const message = (error as Error).message;
    expect(message.split('\n')[0]).toBe(`invalid rows in ${path.join(folder, 'mentions.jsonl')}:`);
    expect(message).toContain('  line 3: doc_id: Invalid input: expected string, received undefined;');
    expect(message).toMatch(/\n {2}line 4: not JSON \(/);
  });
});
