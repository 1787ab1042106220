import { stringify } from 'csv-stringify/sync';
import { TABLE_SCHEMAS, type TableName } from '../schemas/index.ts';

/** The spreadsheet cell limit: a CSV cell may not be longer. */
export const SPREADSHEET_CELL_LIMIT = 32_767;

/** Columns kept out of a table's CSV (documents.jsonl carries the text; the passages hold it in cell-sized pieces). */
const CSV_EXCLUDED: Partial<Record<TableName, string[]>> = { documents: ['text'] };
const TRUNCATION_MARK = '…[truncated]';

/** Columns of a table, in schema order. */
export function tableColumns(table: TableName): string[] {
  return Object.keys(TABLE_SCHEMAS[table].shape);
}

/** Columns of a table's CSV. */
export function csvColumns(table: TableName): string[] {
  return tableColumns(table).filter((column) => !CSV_EXCLUDED[table]?.includes(column));
}

/**
 * One CSV cell: lists joined with "; ", null as empty; text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (OWASP); cells are cut to the spreadsheet cell limit.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return csvCell(value.join('; '));
  if (typeof value !== 'string') return String(value);
  let cell = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (cell.length > SPREADSHEET_CELL_LIMIT) {
    let cut = SPREADSHEET_CELL_LIMIT - TRUNCATION_MARK.length;
    if (/[\ud800-\udbff]/.test(cell[cut - 1] ?? '')) cut--;
    cell = cell.slice(0, cut) + TRUNCATION_MARK;
  }
  return cell;
}

/** CSV lines (RFC 4180, CRLF) for rows of a table; with `header`, the header line first. */
export function csvLines(table: TableName, rows: readonly Record<string, unknown>[], header = false): string {
  const columns = csvColumns(table);
  const records = rows.map((row) => columns.map((column) => csvCell(row[column])));
  // A bare CR or LF inside a cell must be quoted too, or readers split the row (csv-stringify only quotes the record delimiter).
  return stringify(header ? [columns, ...records] : records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** A whole table as CSV text with its header. */
export function toCsv(table: TableName, rows: readonly Record<string, unknown>[]): string {
  return csvLines(table, rows, true);
}

/** Rows as JSON Lines, one row per line. */
export function toJsonl(rows: readonly unknown[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}
