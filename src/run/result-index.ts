import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config.ts';
import { InputError } from '../input/discover.ts';
import { writeAtomically } from '../output/write-atomically.ts';
import { TABLE_NAMES } from '../schemas/index.ts';
import { ResultCache } from './result-cache.ts';
import type { WrittenSummary } from './run-result.ts';

/**
 * The result index of an output folder: a JSONL file whose first line says where the run's results are cached and
 * what it wrote, and whose other lines list the results in input order. `quarry merge` reads it to take a shard's
 * results; the next run over the same folder reads it to decide whether the tables are up to date.
 */
export const RESULT_INDEX_FILE = '.quarry-results.jsonl';

/** A result's cache key with its place in the input order (file, then record in the file). */
export interface IndexedResult {
  key: string;
  order: readonly [number, number];
  /**
   * Made in this run (from rows the validate stage passed, or with none for a document that failed): its cache file's
   * hash is enough to trust it when it is read back; the schema is checked only for a result of an earlier run. Not
   * written to the index.
   */
  madeInThisRun?: boolean;
}

/** A document's result in a cache folder, with its place in the input order. */
export interface ResultEntry extends IndexedResult {
  cache: ResultCache;
}

/** The first line of a result index: where the results are cached, and what the run wrote. */
interface ResultIndexHeader {
  cacheDirectory: string;
  /** How the tables were written (a run with other write options writes them again). */
  write: ResolvedConfig['write'];
  written: WrittenSummary;
}

/** The lines of a result index after its header: each result's cache key and place in the input order. */
function resultIndexLines(entries: readonly IndexedResult[]): string[] {
  return entries.map((entry) => JSON.stringify([entry.key, ...entry.order]));
}

/** Lists a run's results in input order, with where they are cached (relative to the output folder) and what the run wrote. */
export async function writeResultIndex(
  config: ResolvedConfig,
  cacheDirectory: string,
  entries: readonly IndexedResult[],
  written: WrittenSummary,
): Promise<void> {
  const header: ResultIndexHeader = { cacheDirectory: path.relative(config.output, cacheDirectory), write: config.write, written };
  const lines = [JSON.stringify(header), ...resultIndexLines(entries)];
  await writeAtomically(path.join(config.output, RESULT_INDEX_FILE), `${lines.join('\n')}\n`);
}

/**
 * Removes the result index of an output folder before its tables are written again: the index names a run's results
 * only once its tables are in place, so a run killed in between leaves no index pointing at the wrong results.
 */
export async function removeResultIndex(output: string): Promise<void> {
  await rm(path.join(output, RESULT_INDEX_FILE), { force: true });
}

/** The header and the result lines of an output folder's result index; rejects when there is none or its header is not JSON. */
async function resultIndexFile(output: string): Promise<{ header: Partial<ResultIndexHeader>; lines: string[] }> {
  const text = await readFile(path.join(output, RESULT_INDEX_FILE), 'utf8');
  const [headerLine, ...lines] = text.split('\n').filter((line) => line !== '');
  return { header: JSON.parse(headerLine ?? '') as Partial<ResultIndexHeader>, lines };
}

/** Reads the result index of an output folder (a shard's); an InputError when the folder has none. */
export async function readResultIndex(output: string): Promise<ResultEntry[]> {
  const index = await resultIndexFile(output).catch(() => null);
  if (index === null || index.header.cacheDirectory === undefined)
    throw new InputError(`${output} has no ${RESULT_INDEX_FILE}: it is not the output folder of a quarry extract run`);
  const cache = new ResultCache(path.resolve(output, index.header.cacheDirectory));
  return index.lines.map((line) => {
    const [key, file, record] = JSON.parse(line) as [string, number, number];
    return { key, order: [file, record] as const, cache };
  });
}

/** The files a complete run leaves in its output folder: the manifest, every table with its schema, and the report when asked for. */
function outputFiles(config: ResolvedConfig): string[] {
  const tables = TABLE_NAMES.flatMap((table) => [`${table}.jsonl`, `${table}.csv`, path.join('schema', `${table}.schema.json`)]);
  return ['manifest.json', ...tables, ...(config.report ? [path.join('report', 'index.html')] : [])];
}

/**
 * When the output folder holds the complete output of a run over exactly
 * these results (its result index lists the same cache keys in the same
 * order, from the same cache folder, and its manifest, tables, schemas and,
 * when asked for, report are all there), what that run wrote; else null.
 * (With the report off, a run leaves any earlier report as it is, so a
 * report there or not changes nothing.)
 * The keys cover the documents, the extraction config and the code, so the
 * tables would come out byte for byte the same: the run writes nothing. A
 * table edited by hand is not noticed; --fresh writes everything again.
 */
export async function upToDateSummary(config: ResolvedConfig, cacheDirectory: string, entries: readonly IndexedResult[]): Promise<WrittenSummary | null> {
  const index = await resultIndexFile(config.output).catch(() => null);
  if (index === null) return null;
  const { header, lines } = index;
  if (header.written === undefined || header.cacheDirectory !== path.relative(config.output, cacheDirectory)) return null;
  if (JSON.stringify(header.write) !== JSON.stringify(config.write)) return null;
  const expected = resultIndexLines(entries);
  if (lines.length !== expected.length || lines.some((line, index) => line !== expected[index])) return null;
  const present = await Promise.all(
    outputFiles(config).map((file) =>
      access(path.join(config.output, file)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return present.every(Boolean) ? header.written : null;
}
