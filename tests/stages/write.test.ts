import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import type { DocumentRows } from '../../src/run/document-result.ts';
import { TABLE_NAMES } from '../../src/schemas/index.ts';
import { write } from '../../src/stages/write.ts';
import { temporaryDirectory } from '../helpers/run.ts';
import { sampleTables } from '../report/fixtures.ts';

/** The sample corpus as the write stage gets it: one document's rows at a time (an ok one with rows, a failed and a skipped one). */
function sampleResults(): DocumentRows[] {
  const tables = sampleTables();
  const rowsOf = <Row extends { doc_id: string }>(rows: Row[], docId: string): Row[] => rows.filter((row) => row.doc_id === docId);
  return tables.documents.map((document) => ({
    document,
    passages: rowsOf(tables.passages, document.doc_id),
    mentions: rowsOf(tables.mentions, document.doc_id),
    dates: rowsOf(tables.dates, document.doc_id),
    figures: rowsOf(tables.figures, document.doc_id),
    claims: rowsOf(tables.claims, document.doc_id),
  }));
}

/** Runs the write stage over the sample results into `output`, closing it with the sample entities and `manifest`. */
async function writeSample(output: string, manifest: Record<string, unknown>, csvBom = false): Promise<void> {
  const sink = await write.open(resolveConfig({ output, write: { csvBom } }), new Map());
  for (const result of sampleResults()) await sink.add(result);
  await sink.close(sampleTables().entities, manifest);
}

const readText = (output: string, file: string): Promise<string> => readFile(path.join(output, file), 'utf8');

const jsonLines = async (output: string, table: string): Promise<Record<string, unknown>[]> =>
  (await readText(output, `${table}.jsonl`))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('write', () => {
  it('writes the rows of every document in the order they come, in JSONL and CSV', async () => {
    const output = await temporaryDirectory();
    await writeSample(output, { run: 'sample' });
    expect((await jsonLines(output, 'documents')).map((row) => [row.doc_id, row.status])).toEqual([
      ['news/2016:1', 'ok'],
      ['broken', 'failed'],
      ['picture', 'skipped'],
    ]);
    expect((await jsonLines(output, 'passages')).map((row) => row.passage_id)).toEqual(['news/2016:1#p0', 'news/2016:1#p1', 'news/2016:1#p2']);
    expect((await jsonLines(output, 'mentions')).map((row) => [row.text, row.entity_id])).toEqual([
      ['Li Dayong', 'person:li-dayong'],
      ['Gao', 'person:gao'],
    ]);
    expect((await jsonLines(output, 'dates')).map((row) => row.value)).toEqual(['2016-01-07']);
    expect((await jsonLines(output, 'figures')).map((row) => [row.value, row.item])).toEqual([[47, 'practitioners']]);
    expect((await jsonLines(output, 'claims')).map((row) => [row.kind, row.text])).toEqual([
      ['reported', '47 practitioners were released on January 7, 2016'],
      ['quote', 'Tom & Jerry'],
    ]);
    expect(await readText(output, 'mentions.csv')).toBe(
      'mention_id,doc_id,passage_id,text,start,end,entity_id,type\r\n' +
        'news/2016:1#m0,news/2016:1,news/2016:1#p1,Li Dayong,28,37,person:li-dayong,person\r\n' +
        'news/2016:1#m1,news/2016:1,news/2016:1#p2,Gao,100,103,person:gao,person\r\n',
    );
  });

  it("writes the claim_links of each document's claims: the speaker, then entities, figures and dates", async () => {
    const output = await temporaryDirectory();
    await writeSample(output, { run: 'sample' });
    expect(await jsonLines(output, 'claim_links')).toEqual([
      { claim_id: 'news/2016:1#c0', role: 'speaker', target_id: 'person:li-dayong' },
      { claim_id: 'news/2016:1#c0', role: 'figure', target_id: 'news/2016:1#f0' },
      { claim_id: 'news/2016:1#c0', role: 'date', target_id: 'news/2016:1#d0' },
      { claim_id: 'news/2016:1#c1', role: 'speaker', target_id: 'person:gao' },
    ]);
  });

  it('writes the entities given at close, the JSON Schema of every table and the manifest', async () => {
    const output = await temporaryDirectory();
    await writeSample(output, { run: 'sample', counts: { documents: 3 } });
    expect((await jsonLines(output, 'entities')).map((row) => [row.entity_id, row.name])).toEqual([
      ['person:li-dayong', 'Li Dayong'],
      ['person:gao', 'Gao <Zhisheng>'],
    ]);
    expect((await readdir(path.join(output, 'schema'))).sort()).toEqual(TABLE_NAMES.map((table) => `${table}.schema.json`).sort());
    expect(await readText(output, 'manifest.json')).toBe('{\n  "run": "sample",\n  "counts": {\n    "documents": 3\n  }\n}\n');
  });

  it('puts nothing in the output folder before close: the rows wait in a staging folder', async () => {
    const output = await temporaryDirectory();
    const sink = await write.open(resolveConfig({ output }), new Map());
    for (const result of sampleResults()) await sink.add(result);
    expect(await readdir(output)).toEqual([`.staging-${process.pid}`]);
    await sink.abort();
  });

  it('starts every CSV, and no JSONL, with a UTF-8 byte-order mark with write.csvBom', async () => {
    const output = await temporaryDirectory();
    await writeSample(output, { run: 'sample' }, true);
    for (const table of TABLE_NAMES) {
      expect((await readText(output, `${table}.csv`)).startsWith('\ufeff'), `${table}.csv`).toBe(true);
      expect((await readText(output, `${table}.jsonl`)).startsWith('\ufeff'), `${table}.jsonl`).toBe(false);
    }
    expect((await readText(output, 'documents.csv')).slice(0, 22)).toBe('\ufeffdoc_id,source,origin,');
  });

  it('leaves the previous tables as they were and no staging folder when the run is aborted', async () => {
    const output = await temporaryDirectory();
    await writeSample(output, { run: 'previous' });
    const before = await Promise.all(['documents.jsonl', 'claims.csv', 'manifest.json'].map((file) => readText(output, file)));
    const sink = await write.open(resolveConfig({ output }), new Map());
    await sink.add({ ...(sampleResults()[0] as DocumentRows), passages: [] });
    await sink.abort();
    expect(await Promise.all(['documents.jsonl', 'claims.csv', 'manifest.json'].map((file) => readText(output, file)))).toEqual(before);
    expect((await readdir(output)).filter((entry) => entry.startsWith('.staging-'))).toEqual([]);
  });
});
