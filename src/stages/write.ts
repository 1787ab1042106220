import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config.ts';
import { toCsv, toJsonl } from '../output/csv.ts';
import { tableJsonSchema } from '../output/table-writer.ts';
import { TABLE_NAMES, type TableRows } from '../schemas/index.ts';
import type { RunInfo, SinkStage } from '../stage.ts';

const packageVersion = async (name: string): Promise<string | null> => {
  try {
    const file = path.join(import.meta.dirname, '..', '..', 'node_modules', name, 'package.json');
    return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
};

/** Versions of the packages that shape the output, for the manifest. */
async function packageVersions(): Promise<Record<string, string | null>> {
  const names = ['compromise', 'chrono-node', 'zod', 'csv-stringify', 'htmlparser2', 'yaml'];
  const own = JSON.parse(await readFile(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return { quarry: own.version, ...Object.fromEntries(await Promise.all(names.map(async (name) => [name, await packageVersion(name)]))) };
}

/** The manifest: inputs with hashes, config, package versions, counts per table and timings. */
export async function buildManifest(tables: TableRows, config: ResolvedConfig, run: RunInfo): Promise<Record<string, unknown>> {
  const statuses = { ok: 0, failed: 0, skipped: 0 };
  for (const document of tables.documents) statuses[document.status]++;
  return {
    tool: 'quarry',
    packages: await packageVersions(),
    config,
    inputs: tables.documents.map(({ doc_id, source, sha256, status }) => ({ doc_id, source, sha256, status })),
    documents: statuses,
    counts: Object.fromEntries(TABLE_NAMES.map((table) => [table, tables[table].length])),
    timings: {
      started_at: run.startedAt.toISOString(),
      total_ms: Date.now() - run.startedAt.getTime(),
      stage_ms: Object.fromEntries(Object.entries(run.stageMilliseconds).map(([stage, milliseconds]) => [stage, Math.round(milliseconds)])),
    },
  };
}

/**
 * Writes every table as JSONL and CSV, the JSON Schemas and the manifest.
 * Files are written to a temporary folder beside the output and renamed into
 * place, so a reader never sees a half-written file.
 */
export async function writeTables(tables: TableRows, outputDirectory: string, manifest: Record<string, unknown>): Promise<void> {
  const staging = path.join(outputDirectory, `.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.join(staging, 'schema'), { recursive: true });
  const files: string[] = [];
  for (const table of TABLE_NAMES) {
    const rows = tables[table] as Record<string, unknown>[];
    await writeFile(path.join(staging, `${table}.jsonl`), toJsonl(rows));
    await writeFile(path.join(staging, `${table}.csv`), toCsv(table, rows));
    await writeFile(path.join(staging, 'schema', `${table}.schema.json`), tableJsonSchema(table));
    files.push(`${table}.jsonl`, `${table}.csv`, path.join('schema', `${table}.schema.json`));
  }
  await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  files.push('manifest.json');
  await mkdir(path.join(outputDirectory, 'schema'), { recursive: true });
  for (const file of files) await rename(path.join(staging, file), path.join(outputDirectory, file));
  await rm(staging, { recursive: true, force: true });
}

/** Writes the validated tables, their schemas and the manifest to the output folder. */
export const write: SinkStage = {
  kind: 'sink',
  name: 'write',
  requires: ['corpus.tables'],
  assigns: ['files in config.output'],
  async run(corpus, config, run) {
    if (corpus.tables === null) throw new Error('write needs the validated tables: run validate first');
    await writeTables(corpus.tables, config.output, await buildManifest(corpus.tables, config, run));
  },
};
