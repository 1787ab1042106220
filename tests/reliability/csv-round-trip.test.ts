import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvColumns } from '../../src/output/csv.ts';
import { TABLE_NAMES, type TableName } from '../../src/schemas/index.ts';
import { readTable, ROOT, runOn, temporaryDirectory } from '../helpers/run.ts';

/**
 * A strict RFC 4180 reader, independent of csv-stringify: CRLF between
 * records, fields quoted when they hold a comma, quote, CR or LF, quotes
 * doubled inside. Anything else (a bare quote, text after a closing quote,
 * a missing final CRLF) throws, so a writer bug cannot hide.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  while (index < text.length) {
    let field = '';
    if (text[index] === '"') {
      index++;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote === -1) throw new Error(`unterminated quoted field at ${index}`);
        field += text.slice(index, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(index).search(/[,\r\n]/);
      field = end === -1 ? text.slice(index) : text.slice(index, index + end);
      if (field.includes('"')) throw new Error(`bare quote in an unquoted field at ${index}`);
      index += field.length;
    }
    record.push(field);
    if (text[index] === ',') index++;
    else if (text.startsWith('\r\n', index)) {
      records.push(record);
      record = [];
      index += 2;
    } else throw new Error(`expected a comma or CRLF at ${index}, found ${JSON.stringify(text.slice(index, index + 10))}`);
  }
  if (record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

const CELL_LIMIT = 32_767;
const TRUNCATION_MARK = '…[truncated]';

/** What a JSONL value must look like in the CSV, by the contract: lists joined with "; ", null empty, formula-like text with a leading apostrophe, cut at the cell limit with a mark. */
function expectedCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return expectedCell(value.join('; '));
  if (typeof value !== 'string') return String(value);
  const cell = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (cell.length <= CELL_LIMIT) return cell;
  const kept = cell.slice(0, CELL_LIMIT - TRUNCATION_MARK.length);
  // A cut between the halves of a surrogate pair drops the lone high half.
  return (/[\ud800-\udbff]$/.test(kept) ? kept.slice(0, -1) : kept) + TRUNCATION_MARK;
}

describe('parseCsv (the test reader)', () => {
  it.each<[string, string[][]]>([
    ['a,b\r\n', [['a', 'b']]],
    ['"a,1","say ""hi"""\r\n', [['a,1', 'say "hi"']]],
    ['"two\r\nlines","lone\rCR",\r\n', [['two\r\nlines', 'lone\rCR', '']]],
    ['', []],
  ])('%j -> %j', (text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it.each([['a"b\r\n'], ['"a"b\r\n'], ['a,b'], ['"open\r\n']])('rejects the malformed %j', (text) => {
    expect(() => parseCsv(text)).toThrow();
  });
});

/** JSONL records whose cells are hostile: formula starts, a tab and a CR first, lists, and a title longer than a spreadsheet cell. */
const HOSTILE_RECORDS = [
  { id: 'formula-equals', text: '=HYPERLINK("http://evil.example","click") Ms. Li Dayong said so.', title: '=1+1', source: '=cmd|/c calc!A1' },
  { id: 'formula-plus', text: '+1 more, said Gao.', title: '+SUM(A1)', source: '+source' },
  { id: 'formula-minus', text: '-5 degrees in Jiaozuo City on January 7, 2016.', title: '-2+3', source: '-source' },
  { id: 'formula-at', text: '@SUM(A1) is not a figure, Li said.', title: '@title', source: '@source' },
  { id: 'tab-first', text: 'Tab in the source column.', title: 'Tab', source: '\tsource' },
  { id: 'cr-first', text: 'CR in the source column.', title: 'CR', source: '\rsource' },
  { id: 'long-title', text: 'A record with a very long title.', title: `${'T'.repeat(CELL_LIMIT)} and 😀 more`, source: 'long' },
  {
    id: 'astral-cut',
    text: 'The cut falls inside an emoji.',
    title: `${'x'.repeat(CELL_LIMIT - TRUNCATION_MARK.length - 1)}😀${' tail'.repeat(10)}`,
    source: 'astral',
  },
  { id: 'quotes, commas', text: '"We quit," Li said, "all of us."\n\nSecond, "quoted" paragraph.', title: 'Quote " and , comma', source: 'line\nbreak' },
];

describe('the CSVs of a run, parsed back', () => {
  let output: string;
  beforeAll(async () => {
    const input = await temporaryDirectory();
    await cp(path.join(ROOT, 'data', 'raw'), path.join(input, 'raw'), { recursive: true });
    await writeFile(path.join(input, 'hostile.jsonl'), HOSTILE_RECORDS.map((record) => JSON.stringify(record)).join('\n'));
    ({ output } = await runOn([input], { workers: 0, report: false }));
  });

  it.each(TABLE_NAMES.map((table) => [table]))('%s.csv holds exactly the JSONL rows, cell by cell', async (table: TableName) => {
    const rows = await readTable(output, table);
    const [header, ...records] = parseCsv(await readFile(path.join(output, `${table}.csv`), 'utf8'));
    expect(header).toEqual(csvColumns(table));
    expect(records).toHaveLength(rows.length);
    records.forEach((record, index) => {
      const row = rows[index] as Record<string, unknown>;
      expect(record, `${table} row ${index + 1}`).toEqual((header as string[]).map((column) => expectedCell(row[column])));
    });
  });

  it('neutralises every hostile cell and keeps the true text in the JSONL', async () => {
    const documents = await readTable<{ doc_id: string; title: string; origin: string }>(output, 'documents');
    const [, ...records] = parseCsv(await readFile(path.join(output, 'documents.csv'), 'utf8'));
    const columns = csvColumns('documents');
    const cell = (docId: string, column: string): string =>
      (records[documents.findIndex((row) => row.doc_id === docId)] as string[])[columns.indexOf(column)] as string;
    expect(
      ['formula-equals', 'formula-plus', 'formula-minus', 'formula-at', 'tab-first', 'cr-first'].map((docId) => [
        docId,
        cell(docId, 'title'),
        cell(docId, 'origin'),
        documents.find((row) => row.doc_id === docId)?.origin,
      ]),
    ).toEqual([
      ['formula-equals', "'=1+1", "'=cmd|/c calc!A1", '=cmd|/c calc!A1'],
      ['formula-plus', "'+SUM(A1)", "'+source", '+source'],
      ['formula-minus', "'-2+3", "'-source", '-source'],
      ['formula-at', "'@title", "'@source", '@source'],
      ['tab-first', 'Tab', "'\tsource", '\tsource'],
      ['cr-first', 'CR', "'\rsource", '\rsource'],
    ]);
    expect(cell('long-title', 'title')).toHaveLength(CELL_LIMIT);
    expect(cell('long-title', 'title').endsWith(`TTT${TRUNCATION_MARK}`)).toBe(true);
    expect(cell('astral-cut', 'title')).toBe(`${'x'.repeat(CELL_LIMIT - TRUNCATION_MARK.length - 1)}${TRUNCATION_MARK}`);
    const passages = parseCsv(await readFile(path.join(output, 'passages.csv'), 'utf8'));
    expect(passages.flat().filter((value) => /^[=+@\t\r]/.test(value))).toEqual([]);
  });
});
