import { describe, expect, it } from 'vitest';
import { FeatureTable, hashRange, hashText, mix } from '../../../src/entities/model/feature-hash.ts';

describe('feature hashes', () => {
  it('hash a range of a string as the string itself', () => {
    expect(hashRange('the word', 4, 8)).toBe(hashText('word'));
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('a')).toBe(0xe40c292c);
  });

  it('mix pairs in order', () => {
    expect(mix(1, 2)).not.toBe(mix(2, 1));
    expect(mix(hashText('a'), hashText('b'))).toBe(mix(hashText('a'), hashText('b')));
  });
});

describe('FeatureTable', () => {
  it('finds the id of every hash it holds and -1 for any other', () => {
    const hashes = Uint32Array.from({ length: 5000 }, (_, index) => mix(index, 7));
    const table = new FeatureTable(hashes);
    expect(table.size).toBe(5000);
    hashes.forEach((hash, id) => {
      expect(table.get(hash)).toBe(id);
    });
    expect(table.get(mix(5000, 7))).toBe(-1);
    expect(new FeatureTable(new Uint32Array(0)).get(123)).toBe(-1);
  });
});
