import { describe, expect, it } from 'vitest';
import { HEADLINE_SMALL_WORDS, MONTHS, NAME_CONNECTORS, SEASONS, TITLE_SMALL_WORDS } from '../../src/text/vocabulary.ts';

const sorted = (words: Iterable<string>): string[] => [...words].sort();

describe('vocabulary', () => {
  it('names the months January first and the seasons', () => {
    expect(MONTHS).toHaveLength(12);
    expect([MONTHS[0], MONTHS[4], MONTHS[11]]).toEqual(['january', 'may', 'december']);
    expect(SEASONS).toEqual(['spring', 'summer', 'autumn', 'fall', 'winter']);
  });

  // The entity model was trained on these words exactly: its Title Case training copies and its case features.
  it('keeps the title small words the training copies write in lower case', () => {
    expect(sorted(TITLE_SMALL_WORDS)).toEqual([
      'a',
      'about',
      'after',
      'an',
      'and',
      'are',
      'as',
      'at',
      'but',
      'by',
      'for',
      'from',
      'in',
      'into',
      'is',
      'of',
      'on',
      'or',
      'over',
      'the',
      'to',
      'up',
      'via',
      'vs',
      'with',
    ]);
  });

  it('keeps the headline small words the model reads: the title small words but "vs", the name connectors, and six more', () => {
    expect(sorted(HEADLINE_SMALL_WORDS)).toEqual([
      '&',
      'a',
      'about',
      'after',
      'against',
      'an',
      'and',
      'are',
      'as',
      'at',
      'be',
      'but',
      'by',
      'for',
      'from',
      'in',
      'into',
      'is',
      'nor',
      'of',
      'off',
      'on',
      'or',
      'out',
      'over',
      'per',
      'than',
      'the',
      'to',
      'up',
      'via',
      'with',
    ]);
    expect(sorted(NAME_CONNECTORS)).toEqual(['&', 'against', 'and', 'for', 'in', 'of', 'on', 'the', 'to']);
  });
});
