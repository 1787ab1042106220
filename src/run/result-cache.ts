import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../output/write-atomically.ts';
import { DocumentResult } from './document-result.ts';

/**
 * Extraction results of single documents on disk, keyed by a hash of the
 * document's content and identity, the extraction config and the pipeline
 * fingerprint. A run writes every result here and reads them back in input
 * order to write the tables; an unchanged document is not extracted again.
 *
 * A file holds the result as one line of JSON. Reading one back checks it
 * against the DocumentResult schema: a file that is cut, garbled or altered
 * is no entry, so its document is extracted again and the file replaced.
 */
export class ResultCache {
  /** Bucket folders known to exist, so a run makes each at most once. */
  private readonly buckets = new Set<string>();

  constructor(readonly directory: string) {}

  /** A result as the cache stores it (done by the worker that made it, so the main thread only writes bytes). */
  static serialize(result: DocumentResult): string {
    return `${JSON.stringify(result)}\n`;
  }

  /** A result from what `serialize` made of it, in memory (a worker's answer, never read from disk). */
  static deserialize(serialized: string): DocumentResult {
    return JSON.parse(serialized) as DocumentResult;
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

  /** A whole cached result that passes its schema, or null when there is no such entry. */
  async get(key: string): Promise<DocumentResult | null> {
    const text = await readFile(this.file(key), 'utf8').catch(() => null);
    if (text === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    // The parsed value itself, not zod's copy of it: its keys stay in the order they were written, and so do the tables' columns.
    return DocumentResult.safeParse(value).success ? (value as DocumentResult) : null;
  }

  /**
   * The entity clusters of a cached result, or null when there is no valid
   * entry. The whole result is checked, not only its clusters: a run decides
   * here, in its first pass, whether to extract a document again.
   */
  async clusters(key: string): Promise<DocumentResult['clusters'] | null> {
    return (await this.get(key))?.clusters ?? null;
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
