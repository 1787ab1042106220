/**
 * Features are 32-bit hashes, not strings: a feature is a template and a
 * value ("the lower-case word before this one" and "said"), and its hash is
 * made from the template's number and the value's characters without
 * building a string. Building and looking up some seventy strings per token
 * cost more than the tagger; hashes cost a few multiplications each.
 *
 * Two features that happen to share a hash share a weight (the "hashing
 * trick"); with a few hundred thousand features among 2^32 hashes that is
 * rare, and training and prediction see the same collisions.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hash of the characters (UTF-16 code units) text[start..end), continuing from `seed`. */
export function hashRange(text: string, start: number, end: number, seed = FNV_OFFSET): number {
  let hash = seed;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash >>> 0;
}

/** Hash of a whole string. */
export function hashText(text: string, seed = FNV_OFFSET): number {
  return hashRange(text, 0, text.length, seed);
}

/** Combines two hashes into one (murmur3's finaliser over the pair), order-sensitive. */
export function mix(first: number, second: number): number {
  let hash = Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) ^ second;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * Feature hash -> feature id: an open-addressing table over typed arrays, so
 * a model file's features load without building a Map of strings and a
 * lookup is a multiplication and a probe or two.
 */
export class FeatureTable {
  /** Slot i holds a hash at 2i and its feature id at 2i + 1 (-1: empty), side by side so a probe reads one cache line. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  /** `hashes[id]` is the hash of feature `id`; hashes must be distinct. */
  constructor(readonly hashes: Uint32Array) {
    let bits = 4;
    // At most two thirds full: a probe reads one or two cache lines, and the table stays small (8 bytes a slot) for the caches.
    while (1 << bits < hashes.length * 1.5) bits++;
    const capacity = 1 << bits;
    this.mask = capacity - 1;
    this.shift = 32 - bits;
    this.slots = new Int32Array(capacity * 2);
    for (let slot = 0; slot < capacity; slot++) this.slots[2 * slot + 1] = -1;
    hashes.forEach((hash, id) => {
      let slot = this.slotOf(hash);
      while (this.slots[2 * slot + 1] !== -1) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = hash | 0;
      this.slots[2 * slot + 1] = id;
    });
  }

  get size(): number {
    return this.hashes.length;
  }

  /** The id of a feature hash, or -1 when the model does not know it. */
  get(hash: number): number {
    const key = hash | 0;
    let slot = this.slotOf(hash);
    for (;;) {
      const id = this.slots[2 * slot + 1] as number;
      if (id === -1 || this.slots[2 * slot] === key) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Fibonacci hashing: the top bits of the hash times the golden ratio. */
  private slotOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }
}
