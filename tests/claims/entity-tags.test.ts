import { describe, expect, it } from 'vitest';
import { withEntityTags } from '../../src/claims/entity-tags.ts';
import type { EntityMention } from '../../src/document.ts';
import { analyzePassage } from '../../src/text/analysis.ts';

const mention = (text: string, whole: string, type: EntityMention['type']): EntityMention => {
  const start = whole.indexOf(text);
  return { start, end: start + text.length, passageIndex: 0, type, text };
};

describe('withEntityTags', () => {
  const text = "Keating said Trump's office in Hastings is closed.";
  const analysis = analyzePassage(text, 0);
  const tagged = withEntityTags(analysis, [mention('Keating', text, 'person'), mention('Trump', text, 'person'), mention('Hastings', text, 'place')]);
  /** A word's tags, but TitleCase (compromise sets it on some capitalised words, not others). */
  const tagsOf = (word: string): string[] =>
    [...(tagged.tokens.find((token) => token.text.startsWith(word))?.tags ?? [])].filter((tag) => tag !== 'TitleCase').sort();

  it('tags a word inside a mention as a proper noun of the mention’s type, dropping what the tagger read', () => {
    expect([...(analysis.tokens[0]?.tags ?? [])]).toContain('Gerund');
    expect(tagsOf('Keating')).toEqual(['Noun', 'Person', 'ProperNoun']);
    expect(tagsOf('Hastings')).toEqual(['Noun', 'Place', 'ProperNoun']);
  });

  it('keeps the tags of a word’s form (a possessive) and leaves words outside mentions as they were', () => {
    expect(tagsOf('Trump')).toEqual(['Noun', 'Person', 'Possessive', 'ProperNoun']);
    expect(tagged.tokens.find((token) => token.text === 'said')).toBe(analysis.tokens.find((token) => token.text === 'said'));
    expect(tagsOf('office')).toEqual([...(analysis.tokens.find((token) => token.text === 'office')?.tags ?? [])].sort());
  });

  it('gives back the analysis itself when the passage has no mentions', () => {
    expect(withEntityTags(analysis, [])).toBe(analysis);
  });
});
