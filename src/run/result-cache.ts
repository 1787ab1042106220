import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../output/write-atomically.ts';
import type { DocumentResult } from './document-result.ts';

/**
 * Extraction results of single documents on disk, keyed by a hash of the
 * document's content and identity, the extraction config and the pipeline
 * fingerprint. A run writes every result here and reads them back in input
 * order to write the tables; an unchanged document is not extracted again.
 *
 * A file holds two lines: the entity clusters (read when linking entities
 * corpus-wide) and the whole result (read when writing the tables).
 */
export class ResultCache {
  /** Bucket folders known to exist, so a run makes each at most once. */
  private readonly buckets = new Set<string>();

  constructor(readonly directory: string) {}

  /** A result as the cache stores it (done by the worker that made it, so the main thread only writes bytes). */
  static serialize(result: DocumentResult): string {
    return `${JSON.stringify(result.clusters)}\n${JSON.stringify(result)}\n`;
  }

  /** A result from what `serialize` made of it. */
  static deserialize(serialized: string): DocumentResult {
    return JSON.parse(serialized.slice(serialized.indexOf('\n') + 1)) as DocumentResult;
  }

  /** The cache key of a document under a config and pipeline fingerprint. */
  static key(parts: Record<string, unknown>): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  private file(key: string): string {
    return path.join(this.directory, key.slice(0, 2), `${key}.json`);
  }

  /** Stores a serialized result; written to a temporary name and renamed, so a reader never sees half a file. */
  async write(key: string, serialized: string): Promise<void> {
    const file = this.file(key);
    const bucket = path.dirname(file);
    if (!this.buckets.has(bucket)) {
      await mkdir(bucket, { recursive: true });
      this.buckets.add(bucket);
    }
    await writeAtomically(file, serialized);
  }

  private async lines(key: string): Promise<[string, string] | null> {
    const text = await readFile(this.file(key), 'utf8').catch(() => null);
    if (text === null) return null;
    const newline = text.indexOf('\n');
    if (newline === -1 || !text.endsWith('\n')) return null;
    return [text.slice(0, newline), text.slice(newline + 1, -1)];
  }

  /** The entity clusters of a cached result, or null when there is no valid entry. */
  async clusters(key: string): Promise<DocumentResult['clusters'] | null> {
    const lines = await this.lines(key);
    if (lines === null) return null;
    try {
      return JSON.parse(lines[0]) as DocumentResult['clusters'];
    } catch {
      return null;
    }
  }

  /** A whole cached result, or null when there is no valid entry. */
  async get(key: string): Promise<DocumentResult | null> {
    const lines = await this.lines(key);
    if (lines === null) return null;
    try {
      return JSON.parse(lines[1]) as DocumentResult;
    } catch {
      return null;
    }
  }

  /** Removes every entry whose key is not in `keep` (results of documents no longer in the inputs, or of an older pipeline). */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    const buckets = await readdir(this.directory).catch(() => [] as string[]);
    for (const bucket of buckets) {
      const folder = path.join(this.directory, bucket);
      const files = await readdir(folder).catch(() => [] as string[]);
      for (const file of files) {
        if (keep.has(file.replace(/\.json$/, ''))) continue;
        await rm(path.join(folder, file), { force: true });
        removed++;
      }
    }
    return removed;
  }
}
