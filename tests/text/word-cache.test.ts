import { describe, expect, it } from 'vitest';
import { WORDS_KEPT, wordCache } from '../../src/text/word-cache.ts';

describe('wordCache', () => {
  it('keeps at most WORDS_KEPT words, letting go of the least recently used first', () => {
    const cache = wordCache<string>();
    for (let word = 0; word < WORDS_KEPT; word++) cache.set(`w${word}`, `key ${word}`);
    // "w0" read again is the most recently used; "w1" is now the least.
    expect(cache.get('w0')).toBe('key 0');
    cache.set('new', 'key new');
    expect(cache.size).toBe(WORDS_KEPT);
    expect(cache.get('w0')).toBe('key 0');
    expect(cache.get('w1')).toBeUndefined();
    expect(cache.get('w2')).toBe('key 2');
    expect(cache.get('new')).toBe('key new');
  });
});
