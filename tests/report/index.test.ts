import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFiles, rowsByDocument, writeReport } from '../../src/report/index.ts';
import { temporaryDirectory } from '../helpers/run.ts';
import { sampleTables } from './fixtures.ts';

describe('rowsByDocument', () => {
  it('groups the rows of every table under their document, in table order', () => {
    const grouped = rowsByDocument(sampleTables());
    expect([...grouped.keys()]).toEqual(['news/2016:1', 'broken', 'picture']);
    const rows = grouped.get('news/2016:1');
    expect([rows?.passages.length, rows?.mentions.length, rows?.dates.length, rows?.figures.length, rows?.claims.length]).toEqual([3, 2, 1, 1, 2]);
    expect(grouped.get('broken')?.passages).toEqual([]);
  });
});

describe('reportFiles', () => {
  it('gives the corpus view, then one page per document under a safe name', () => {
    expect([...reportFiles(sampleTables())].map((file) => file.path)).toEqual([
      'index.html',
      'documents/news-2016-1--d0b505cbed44.html',
      'documents/broken.html',
      'documents/picture.html',
    ]);
  });

  it('adds the full document list when the corpus view cannot list every document', () => {
    const tables = sampleTables();
    const documents = Array.from({ length: 501 }, (_, index) => ({ ...(tables.documents[2] as (typeof tables.documents)[number]), doc_id: `d${index}` }));
    expect([...reportFiles({ ...tables, documents })].map((file) => file.path).slice(0, 3)).toEqual(['index.html', 'documents.html', 'documents/d0.html']);
  });

  it('gives the same bytes for the same rows', () => {
    const first = [...reportFiles(sampleTables())];
    const second = [...reportFiles(sampleTables())];
    expect(second).toEqual(first);
  });
});

describe('writeReport', () => {
  it('writes the pages into <output>/report and replaces an earlier report whole', async () => {
    const output = await temporaryDirectory();
    await mkdir(path.join(output, 'report', 'documents'), { recursive: true });
    await writeFile(path.join(output, 'report', 'documents', 'gone.html'), 'a page of a document no longer in the corpus');
    const index = await writeReport(sampleTables(), output);
    expect(index).toBe(path.join(output, 'report', 'index.html'));
    expect((await readdir(path.join(output, 'report', 'documents'))).sort()).toEqual(['broken.html', 'news-2016-1--d0b505cbed44.html', 'picture.html']);
    expect(await readdir(output)).toEqual(['report']);
    expect(await readFile(index, 'utf8')).toContain('<h1>quarry review report</h1>');
  });

  it('leaves no staging folder behind and writes the same bytes twice', async () => {
    const output = await temporaryDirectory();
    await writeReport(sampleTables(), output);
    const first = await readFile(path.join(output, 'report', 'documents', 'broken.html'));
    await writeReport(sampleTables(), output);
    expect((await readFile(path.join(output, 'report', 'documents', 'broken.html'))).equals(first)).toBe(true);
    expect(existsSync(path.join(output, `.report-staging-${process.pid}`))).toBe(false);
    expect(existsSync(path.join(output, `.report-previous-${process.pid}`))).toBe(false);
  });
});
