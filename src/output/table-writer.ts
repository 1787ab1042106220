import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { z } from 'zod';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName, type TableRows } from '../schemas/index.ts';
import { csvLines, toJsonl } from './csv.ts';

/** The JSON Schema of a table, generated from its zod schema. */
export function tableJsonSchema(table: TableName): string {
  return `${JSON.stringify(z.toJSONSchema(TABLE_SCHEMAS[table], { unrepresentable: 'any' }), null, 2)}\n`;
}

async function writeChunk(stream: WriteStream, chunk: string): Promise<void> {
  if (chunk !== '' && !stream.write(chunk)) await once(stream, 'drain');
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/**
 * Streams rows of every table into `.jsonl` and `.csv` files in a staging
 * folder inside the output folder; `commit` renames the complete files into
 * place, so a reader never sees a half-written table and a crashed run
 * leaves the previous tables as they were.
 */
export class TableWriter {
  private readonly streams = new Map<string, WriteStream>();
  readonly counts: Record<TableName, number> = Object.fromEntries(TABLE_NAMES.map((table) => [table, 0])) as Record<TableName, number>;

  private constructor(
    readonly outputDirectory: string,
    readonly stagingDirectory: string,
  ) {}

  /** Opens the staging files and writes the CSV headers. */
  static async open(outputDirectory: string): Promise<TableWriter> {
    const staging = path.join(outputDirectory, `.staging-${process.pid}`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(path.join(staging, 'schema'), { recursive: true });
    const writer = new TableWriter(outputDirectory, staging);
    for (const table of TABLE_NAMES) {
      writer.streams.set(`${table}.jsonl`, createWriteStream(path.join(staging, `${table}.jsonl`)));
      const csv = createWriteStream(path.join(staging, `${table}.csv`));
      writer.streams.set(`${table}.csv`, csv);
      await writeChunk(csv, csvLines(table, [], true));
    }
    return writer;
  }

  /** Appends rows to a table (both formats). */
  async append<Name extends TableName>(table: Name, rows: TableRows[Name]): Promise<void> {
    if (rows.length === 0) return;
    const records = rows as unknown as Record<string, unknown>[];
    await writeChunk(this.streams.get(`${table}.jsonl`) as WriteStream, toJsonl(records));
    await writeChunk(this.streams.get(`${table}.csv`) as WriteStream, csvLines(table, records));
    this.counts[table] += rows.length;
  }

  /** Closes the files, writes the schemas and the manifest, and renames everything into the output folder. */
  async commit(manifest: Record<string, unknown>): Promise<void> {
    for (const stream of this.streams.values()) await closeStream(stream);
    const files = [...this.streams.keys()];
    for (const table of TABLE_NAMES) {
      const file = path.join('schema', `${table}.schema.json`);
      await writeFile(path.join(this.stagingDirectory, file), tableJsonSchema(table));
      files.push(file);
    }
    await writeFile(path.join(this.stagingDirectory, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    files.push('manifest.json');
    await mkdir(path.join(this.outputDirectory, 'schema'), { recursive: true });
    for (const file of files) await rename(path.join(this.stagingDirectory, file), path.join(this.outputDirectory, file));
    await rm(this.stagingDirectory, { recursive: true, force: true });
  }

  /** Drops the staging files (after a failed run). */
  async abort(): Promise<void> {
    for (const stream of this.streams.values()) stream.destroy();
    await rm(this.stagingDirectory, { recursive: true, force: true });
  }
}
