import { describe, expect, it } from 'vitest';
import { CUE_WORDS, cueAt, wordForm } from '../../src/claims/cues.ts';
import { contextOf } from './helpers.ts';

describe('cue lexicon', () => {
  it.each([
    ['said', { reports: true, addressee: false }],
    ['told', { reports: true, addressee: true }],
    ['warned', { reports: true, addressee: false }],
    ['denies', { reports: true, addressee: false }],
    ['wondered', { reports: false, addressee: false }],
    ['asked', { reports: false, addressee: false }],
    ['cautioned', { reports: true, addressee: false }],
    ['signalled', { reports: true, addressee: false }],
    ['signaled', { reports: true, addressee: false }],
    ['countered', { reports: true, addressee: false }],
    ['posted', { reports: false, addressee: false }],
    ['walked', undefined],
    ['pointed', undefined],
  ])('%s', (word, expected) => {
    expect(CUE_WORDS.get(word)).toEqual(expected);
  });

  it.each([
    ["he'd", 'he'],
    ['It’s', 'it'],
    ['Said', 'said'],
  ])('word form of %s', (text, expected) => {
    expect(wordForm(text)).toBe(expected);
  });
});

describe('cueAt', () => {
  const cueIn = (text: string, word: string): string | null => {
    const context = contextOf(text);
    const index = context.tokens.findIndex((token) => token.text === word);
    return cueAt(context.tokens, index, text)?.text ?? null;
  };

  it.each([
    ['a verb', 'The minister said the plan would work.', 'said', 'said'],
    ['a verb with its particle', 'The minister pointed out that costs rose.', 'pointed', 'pointed out'],
    ['the particle is required', 'The minister pointed at the map.', 'pointed', null],
    ['let someone know', 'She lets them know that help is coming.', 'lets', 'lets them know'],
    ['a noun is no cue', 'Several reports said prices rose.', 'reports', null],
    ['a participle after a comma, whatever its tag', 'He accused the union of bad faith, telling Sky News he was tired.', 'telling', 'telling'],
  ])('%s', (_name, text, word, expected) => {
    expect(cueIn(text, word)).toBe(expected);
  });
});
