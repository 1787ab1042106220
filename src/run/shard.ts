import { createHash } from 'node:crypto';

/** One share of the documents: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "I/N" (1 ≤ I ≤ N); null when the text is not of that form. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : null;
}

/** Whether a document belongs to a shard: a stable hash of its input path decides, the same on every machine. */
export function inShard(key: string, shard: Shard | null): boolean {
  if (shard === null || shard.count === 1) return true;
  const hash = createHash('sha256').update(key).digest();
  return (hash.readUInt32BE(0) % shard.count) + 1 === shard.index;
}
