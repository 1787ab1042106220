import { LRUCache } from 'lru-cache';

/**
 * Distinct words a word cache keeps: the ones used last (lru-cache evicts the least recently used).
 *
 * News repeats its words, so the name rules' token keys (names.ts) and the entity features' word views are each
 * computed once per distinct word and looked up after (the model's word scores live as long as their word's view).
 * A long run meets ever new names and numbers, so the caches are bounded: 400 bench articles have about 19,000 distinct words and 1,600 about 37,500, and with 50,000 a
 * cache (about 2 KB a word in the entity caches) kept growing over the whole run: a worker's heap kept 61 MB after
 * 400 articles and 115 MB after 1,600, against 62 and 71 MB at 16,384. At 16,384 a run's caches are full after a few
 * hundred articles and stay so; in a simulation over the 1,600 articles' words, a word is missed on 5.0% of tokens,
 * against 3.9% for a cache that never forgets (the first sight of each word).
 * The cost, in the entity stage's time against the tagger's (6 runs each, 400 articles, main thread): 0.414 with
 * the 50,000-word maps, 0.450 with lru-cache, about 1.5% of a run. Two generations of plain maps (8,192 words each)
 * measured 0.433, and a map emptied at 16,384 words 0.427, for more misses and code of our own.
 */
export const WORDS_KEPT = 16_384;

/** A cache of what is computed from a word, bounded by WORDS_KEPT. */
export function wordCache<V extends object | string>(): LRUCache<string, V> {
  return new LRUCache<string, V>({ max: WORDS_KEPT });
}
