import { describe, expect, it } from 'vitest';
import { canSpeak, parentheticalAfter, parentheticalEndingAt, phraseEndingAt, phraseStartingAt } from '../../src/claims/phrases.ts';
import { contextOf } from './helpers.ts';

/** The index of the first token whose text is `word`. */
function indexOf(text: string, word: string): number {
  const index = contextOf(text).tokens.findIndex((token) => token.text === word);
  if (index < 0) throw new Error(`no token ${word}`);
  return index;
}

/** The phrase read from the token `word` rightwards: kind, text, head, honorific. */
function startingAt(text: string, word: string): [string, string, string, string | null] | null {
  const { tokens } = contextOf(text);
  const phrase = phraseStartingAt(tokens, indexOf(text, word), tokens.length - 1, text);
  return phrase === null ? null : [phrase.kind, phrase.text, phrase.head, phrase.honorific];
}

describe('phraseStartingAt', () => {
  it.each<[string, string, string, [string, string, string, string | null] | null]>([
    ['a name without its honorific', 'said Ms. Li Dayong yesterday', 'Ms', ['name', 'Li Dayong', 'dayong', 'ms']],
    ['a title before a name is left out', 'said Mayor Anne Hidalgo on Monday', 'Mayor', ['name', 'Anne Hidalgo', 'hidalgo', null]],
    [
      'a description with its prepositional modifier',
      'said an official in Beijing on Monday',
      'an',
      ['description', 'an official in Beijing', 'official', null],
    ],
    ['a pronoun', 'he said', 'he', ['pronoun', 'he', 'he', null]],
    ['no phrase at a verb', 'they went home', 'went', null],
  ])('%s', (_name, text, word, expected) => {
    expect(startingAt(text, word)).toEqual(expected);
  });
});

describe('phraseEndingAt', () => {
  it('reads a description back to its determiner', () => {
    const text = 'Yesterday the senior official said so.';
    const { tokens } = contextOf(text);
    expect(phraseEndingAt(tokens, indexOf(text, 'official'), 0, text)?.text).toBe('the senior official');
  });
});

describe('party labels in parentheses', () => {
  const text = 'Rep. Jason Chaffetz (R-Utah) said it.';
  it('finds the label after a name', () => {
    const { tokens } = contextOf(text);
    expect(tokens[parentheticalAfter(tokens, indexOf(text, 'Chaffetz'))]?.text).toBe('R-Utah');
  });
  it('finds where a label that ends at a token starts', () => {
    const { tokens } = contextOf(text);
    expect(parentheticalEndingAt(tokens, indexOf(text, 'R-Utah'))).toBe(indexOf(text, 'R-Utah'));
  });
  it('finds no label where there is none', () => {
    const { tokens } = contextOf(text);
    expect(parentheticalAfter(tokens, indexOf(text, 'said'))).toBe(-1);
    expect(parentheticalEndingAt(tokens, indexOf(text, 'said'))).toBe(-1);
  });
});

describe('canSpeak', () => {
  it.each<[string, string, string, boolean]>([
    ['a name', 'said Ms. Li Dayong', 'Ms', true],
    ['a description of people', 'said an official in Beijing', 'an', true],
    ['a country standing for its government', 'Japan said so', 'Japan', true],
    ['a number', 'Of those polled, 56 said so', '56', false],
  ])('%s: %s', (_name, text, word, expected) => {
    const { tokens } = contextOf(text);
    const phrase = phraseStartingAt(tokens, indexOf(text, word), tokens.length - 1, text);
    if (phrase === null) throw new Error('no phrase');
    expect(canSpeak(tokens, phrase)).toBe(expected);
  });

  it('a phrase opening with a preposition or a gerund is a fragment of a clause', () => {
    const text = 'for the self-described Islamic State said so';
    const { tokens } = contextOf(text);
    const fragment = {
      start: 0,
      end: 35,
      first: 0,
      last: 4,
      kind: 'description' as const,
      text: text.slice(0, 35),
      head: 'state',
      plural: false,
      definite: false,
      honorific: null,
    };
    expect(canSpeak(tokens, fragment)).toBe(false);
  });
});
