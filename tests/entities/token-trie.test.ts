import { describe, expect, it } from 'vitest';
import { TokenTrie } from '../../src/entities/token-trie.ts';

describe('TokenTrie', () => {
  const trie = new TokenTrie<string>();
  trie.insert(['new', 'york'], 'state');
  trie.insert(['new', 'york', 'times'], 'paper');
  trie.insert(['york'], 'city');
  trie.insert(['york'], 'second value is ignored');

  it.each([
    [['the', 'new', 'york', 'times', 'said'], 1, { length: 3, value: 'paper' }],
    [['new', 'york', 'city'], 0, { length: 2, value: 'state' }],
    [['york', 'minster'], 0, { length: 1, value: 'city' }],
    [['new', 'jersey'], 0, null],
    [['old', 'york'], 0, null],
  ] as [string[], number, { length: number; value: string } | null][])('longest match in %j from %i', (keys, start, expected) => {
    expect(trie.longestMatch(keys, start)).toEqual(expected);
  });

  it('stops where accept refuses a token', () => {
    expect(trie.longestMatch(['new', 'york', 'times'], 0, (index) => index < 2)).toEqual({ length: 2, value: 'state' });
  });

  it('knows its longest phrase', () => {
    expect(trie.maxLength).toBe(3);
  });
});
