import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeAtomically } from '../output/write-atomically.ts';
import { EntityCluster } from '../schemas/index.ts';
import { DocumentResult } from './document-result.ts';

/** The first line of a cache file: the result's clusters (what the first pass needs) and the SHA-256 of the result's line. */
const CacheHead = z.object({ clusters: z.array(EntityCluster), sha256: z.string() });

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A cache file's two lines, the head parsed and the result's line checked against the head's hash; null when either is not as written. */
function splitEntry(text: string): { head: z.infer<typeof CacheHead>; body: string } | null {
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.endsWith('\n')) return null;
  let head: unknown;
  try {
    head = JSON.parse(text.slice(0, newline));
  } catch {
    return null;
  }
  const parsed = CacheHead.safeParse(head);
  const body = text.slice(newline + 1, -1);
  return parsed.success && sha256(body) === parsed.data.sha256 ? { head: parsed.data, body } : null;
}

/**
 * Extraction results of single documents on disk, keyed by a hash of the
 * document's content and identity, the extraction config and the pipeline
 * fingerprint. A run writes every result here and reads them back in input
 * order to write the tables; an unchanged document is not extracted again.
 *
 * A file holds two lines of JSON: the result's entity clusters with the
 * SHA-256 of the second line, and the whole result. The first pass reads
 * the clusters and checks the hash (a re-run of an unchanged corpus parses
 * no result): a file that is cut, garbled or altered is no entry, so its
 * document is extracted again and the file replaced. The second pass reads
 * the whole result back and checks it against the DocumentResult schema,
 * unless the run made it (see IndexedResult.madeInThisRun).
 */
export class ResultCache {
  /** Bucket folders known to exist, so a run makes each at most once. */
  private readonly buckets = new Set<string>();

  constructor(readonly directory: string) {}

  /** A result as the cache stores it (done by the worker that made it, so the main thread only writes bytes). */
  static serialize(result: DocumentResult): string {
    const body = JSON.stringify(result);
    return `${JSON.stringify({ clusters: result.clusters, sha256: sha256(body) })}\n${body}\n`;
  }

  /** A result from what `serialize` made of it, in memory (a worker's answer, never read from disk). */
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

  /**
   * A whole cached result, as written and passing its schema, or null when there is no such entry. With `checkSchema:
   * false` (a result made and validated in this run) the file's hash alone vouches for it.
   */
  async get(key: string, { checkSchema = true }: { checkSchema?: boolean } = {}): Promise<DocumentResult | null> {
    const entry = splitEntry(await this.read(key));
    if (entry === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(entry.body);
    } catch {
      return null;
    }
    // The parsed value itself, not zod's copy of it: its keys stay in the order they were written, and so do the tables' columns.
    return !checkSchema || DocumentResult.safeParse(value).success ? (value as DocumentResult) : null;
  }

  /** The entity clusters of a cached result whose file is as written (its result's line matches the hash), or null when there is no such entry. */
  async clusters(key: string): Promise<DocumentResult['clusters'] | null> {
    return splitEntry(await this.read(key))?.head.clusters ?? null;
  }

  private read(key: string): Promise<string> {
    return readFile(this.file(key), 'utf8').catch(() => '');
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
