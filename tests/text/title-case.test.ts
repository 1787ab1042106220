import { describe, expect, it } from 'vitest';
import { isTitleCase, titleWords } from '../../src/text/title-case.ts';

describe('titleWords', () => {
  it('keeps runs that start with a letter, with apostrophes and hyphens', () => {
    expect(titleWords('“American Skin (41 Shots)” – Rock’n’Roll, self-made')).toEqual(['American', 'Skin', 'Shots', 'Rock’n’Roll', 'self-made']);
  });
});

describe('isTitleCase', () => {
  it.each<[string, number, number, boolean]>([
    ['Returning Home After Clarifying the Truth in A Police Station', 0.8, 1, true],
    ['Policemen Refuse to Imprison Falun Gong Practitioners', 0.75, 1, true],
    ['one of the great miscarriages of justice', 0.8, 1, false],
    ['Face the Nation', 0.8, 2, true],
    ['Miss Piggy is here', 0.8, 2, false],
    ['Sanity', 0.8, 2, false],
    ['Sanity', 0.8, 1, true],
  ])('%s (share %d, at least %d): %s', (text, share, minimum, expected) => {
    expect(isTitleCase(titleWords(text), share, minimum)).toBe(expected);
  });
});
