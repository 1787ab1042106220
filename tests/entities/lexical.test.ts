import { describe, expect, it } from 'vitest';
import { isClosedClass, isCommonWord, taggedType } from '../../src/entities/lexical.ts';
import { analyzePassage, type Token } from '../../src/text/analysis.ts';

/** The token whose text is `word` in the analysis of `text`. */
function token(text: string, word: string): Token {
  const found = analyzePassage(text, 0).tokens.find((candidate) => candidate.text === word);
  if (found === undefined) throw new Error(`no token ${word}`);
  return found;
}

describe('taggedType', () => {
  it.each<[string, string, string | null]>([
    ['Barack Obama spoke in Paris.', 'Obama', 'person'],
    ['Barack Obama spoke in Paris.', 'Paris', 'place'],
    ['Barack Obama spoke in Paris.', 'spoke', null],
  ])('%s: %s is %s', (text, word, expected) => {
    expect(taggedType(token(text, word))).toBe(expected);
  });
});

describe('isCommonWord', () => {
  it.each<[string, string, boolean]>([
    ['The official said several things today.', 'official', true],
    ['The official said several things today.', 'several', true],
    ['Several officials met Mr. Kowalczyk.', 'Kowalczyk', false],
    ['Barack Obama spoke in Paris.', 'Paris', false],
  ])('%s: %s %s', (text, word, expected) => {
    expect(isCommonWord(token(text, word))).toBe(expected);
  });
});

describe('isClosedClass', () => {
  it.each<[string, string, boolean]>([
    ['However, the plan failed.', 'However', true],
    ['The plan is new.', 'is', true],
    ['The plan is new.', 'plan', false],
  ])('%s: %s %s', (text, word, expected) => {
    expect(isClosedClass(token(text, word))).toBe(expected);
  });
});
