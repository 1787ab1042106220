import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_MAX_FILE_BYTES, makeHostileCorpus, type ExpectedRow } from '../fixtures/make-hostile.ts';
import { CHECKER, readTable, runOn, temporaryDirectory } from '../helpers/run.ts';

const SPAN_TABLES = ['passages', 'mentions', 'dates', 'figures', 'claims'] as const;
/** A run over the whole corpus takes a few seconds; a stall (a pipe read, a quadratic pass over a huge token) would take far longer. */
const BOUNDED_MILLISECONDS = 60_000;

interface DocumentRow {
  doc_id: string;
  source: string;
  status: string;
  error: string | null;
  warnings: string[];
  text: string;
}

const codeOf = (message: string | null): string | null => (message === null ? null : (message.split(':')[0] as string));

describe.each([
  ['in the main thread', 0],
  ['in two worker threads', 2],
])('the hostile corpus, %s', (_, workers) => {
  let expected: ExpectedRow[];
  let kinds: number;
  let output: string;
  let milliseconds: number;
  let documents: DocumentRow[];

  beforeAll(async () => {
    const corpus = path.join(await temporaryDirectory('quarry-hostile-'), 'corpus');
    ({ kinds, rows: expected } = await makeHostileCorpus(corpus));
    const result = await runOn([corpus], { workers, load: { maxFileBytes: HOSTILE_MAX_FILE_BYTES }, report: workers > 0 });
    ({ output, milliseconds } = result);
    documents = await readTable<DocumentRow>(output, 'documents');
  }, 180_000);

  it('has at least 30 kinds of bad input', () => {
    expect(kinds).toBeGreaterThanOrEqual(30);
  });

  it('runs to completion in bounded time', () => {
    expect(milliseconds).toBeLessThan(BOUNDED_MILLISECONDS);
  });

  it('accounts for every input with the expected status and code, in input order', () => {
    expect(documents.map((row) => ({ source: row.source, status: row.status, code: codeOf(row.error) }))).toEqual(
      expected.map(({ source, status, code }) => ({ source, status, code })),
    );
  });

  it('records the expected warnings', () => {
    const warningCodes = new Map(documents.map((row) => [row.source, row.warnings.map(codeOf)]));
    for (const row of expected)
      if (row.warnings !== undefined && row.warnings.length > 0) expect(warningCodes.get(row.source), row.source).toEqual(row.warnings);
  });

  it('names the file (and line for JSONL) in every failure and skip reason', () => {
    for (const row of documents.filter((document) => document.status !== 'ok')) {
      const where = row.source.includes(':') ? row.source : row.source.split('/').at(-1);
      expect(row.error, row.source).toContain(where);
    }
  });

  it('keeps CRLF, NUL, zero-width, bidi and astral characters exactly in text', () => {
    const text = (source: string): string => documents.find((row) => row.source === source)?.text as string;
    expect(text('crlf.txt')).toBe(
      'Title Line\r\n\r\nMs. Li Dayong said that 47 practitioners were released in Jiaozuo City on January 7, 2016.\r\nSecond line.\r\n\r\n"We quit," Gao said.\r\n',
    );
    expect(text('nul-in-text.txt')).toContain('NUL\u0000 sits');
    expect(text('zero-width-bidi.txt')).toContain('Li\u200bDayong said\u200d that \u202eevil\u202c text \u2066isolated\u2069 and \ufeffmid BOM.');
    expect(text('astral.txt').startsWith('😀👩‍👩‍👧 𠀀𠀁𪜀 ')).toBe(true);
    expect(text('utf8-bom.txt').startsWith('Ms. Li')).toBe(true);
    expect(text('utf16be.txt')).toBe(text('utf16le.txt'));
    expect(text('latin1.txt').startsWith('Le café de M. François coûte 5 £.')).toBe(true);
    expect(text('cp1252.txt')).toBe('“We will quit,” Gao said – twice.');
    expect(text('scraped.html')).toBe('Li Dayong said “we quit” & left.\n\nCafé 😀 😀 \u00a0boldunclosed\n\nLast');
  });

  it('keeps the offset invariant on every row: the code point slice of the text equals the row text', async () => {
    const codePoints = new Map(documents.map((row) => [row.doc_id, [...row.text]]));
    let checked = 0;
    for (const table of SPAN_TABLES) {
      for (const row of await readTable<{ doc_id: string; start: number; end: number; text: string }>(output, table)) {
        expect((codePoints.get(row.doc_id) as string[]).slice(row.start, row.end).join(''), `${table} ${row.doc_id} ${row.start}`).toBe(row.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('segments the 2 MB text without a space into passages of at most segment.maxPassageChars', async () => {
    const passages = (await readTable<{ doc_id: string; text: string }>(output, 'passages')).filter((passage) => passage.doc_id === 'no-newline-2mb');
    expect(passages).toHaveLength(1000);
    expect(passages.every((passage) => passage.text.length === 2000)).toBe(true);
  });

  it('leaves no staging folder and no lock behind', async () => {
    expect((await readdir(output)).filter((entry) => entry.startsWith('.staging-') || entry === '.quarry.lock' || entry.startsWith('.report-'))).toEqual([]);
  });

  it.skipIf(!existsSync(CHECKER))('passes the contract checker', () => {
    const report = execFileSync(process.execPath, [CHECKER, output], { encoding: 'utf8' });
    expect(report.trim().split('\n').at(-1)).toMatch(/^ok: 0 problems/);
  });

  it('writes a manifest whose counts match the tables', async () => {
    const manifest = JSON.parse(await readFile(path.join(output, 'manifest.json'), 'utf8')) as { counts: Record<string, number> };
    expect(manifest.counts.documents).toBe(expected.length);
  });
});
