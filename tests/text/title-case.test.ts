import { describe, expect, it } from 'vitest';
import { analyzePassage } from '../../src/text/analysis.ts';
import { isTitleCase, sentenceCase, titleWords } from '../../src/text/title-case.ts';

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
    // "vs" is a title's small word; "out" and "against" are words of the title.
    ['Smith vs Jones Trial Opens in London Today', 0.8, 2, true],
    ['Man Bites Dog out of Spite against All Odds', 0.8, 2, false],
  ])('%s (share %d, at least %d): %s', (text, share, minimum, expected) => {
    expect(isTitleCase(titleWords(text), share, minimum)).toBe(expected);
  });
});

describe('sentenceCase', () => {
  it.each([
    ['JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT', 'upper'],
    ['Detention Centers Refuse to Detain Practitioners', 'title'],
    ['The police drove her home from the station.', 'normal'],
    ['Ms. Li said that Benita had called.', 'normal'],
    // The entity model's reading: "out" and "against" may stay in lower case in a headline, "vs" may not.
    ['Man Bites Dog out of Spite against All Odds', 'title'],
    ['Smith vs Jones Trial Opens in London Today', 'normal'],
  ])('%s -> %s', (text, expected) => {
    expect(sentenceCase(analyzePassage(text, 0).tokens)).toBe(expected);
  });
});
