/** Reads the tables of an existing output folder back, validated by their zod schemas (for `quarry report`). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName, type TableRows } from '../schemas/index.ts';

/** The folder does not hold valid tables: a usage error (CLI exit code 2). */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}

/** Problems listed before the rest are summed up, so a broken file gives a readable message. */
const PROBLEMS_SHOWN = 5;

async function readTable<Name extends TableName>(directory: string, table: Name): Promise<TableRows[Name]> {
  const file = path.join(directory, `${table}.jsonl`);
  const text = await readFile(file, 'utf8');
  const rows: TableRows[Name] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`line ${index + 1}: not JSON (${(error as Error).message})`);
      return;
    }
    const result = TABLE_SCHEMAS[table].safeParse(value);
    if (result.success) rows.push(result.data as TableRows[Name][number]);
    else problems.push(`line ${index + 1}: ${result.error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ')}`);
  });
  if (problems.length > 0) {
    const more = problems.length > PROBLEMS_SHOWN ? `\n  and ${problems.length - PROBLEMS_SHOWN} more` : '';
    throw new ReportInputError(`invalid rows in ${file}:\n  ${problems.slice(0, PROBLEMS_SHOWN).join('\n  ')}${more}`);
  }
  return rows;
}

/** The tables the report shows: all but claim_links, which repeats the links of the claims. */
export type ReportTables = Omit<TableRows, 'claim_links'>;
const REPORT_TABLES = TABLE_NAMES.filter((table): table is keyof ReportTables => table !== 'claim_links');

/**
 * Reads every table the report shows from an output folder. Throws ReportInputError when a
 * table file is missing or a row fails its schema, naming the file and line.
 */
export async function readTables(directory: string): Promise<ReportTables> {
  const missing = REPORT_TABLES.map((table) => `${table}.jsonl`).filter((file) => !existsSync(path.join(directory, file)));
  if (missing.length > 0) throw new ReportInputError(`no tables to report on in ${directory}: missing ${missing.join(', ')} (run quarry extract first)`);
  const entries = await Promise.all(REPORT_TABLES.map(async (table) => [table, await readTable(directory, table)] as const));
  return Object.fromEntries(entries) as ReportTables;
}
