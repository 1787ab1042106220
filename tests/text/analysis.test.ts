import { describe, expect, it } from 'vitest';
import { analyzePassage, matchSpans } from '../../src/text/analysis.ts';

const DOCUMENT = 'Intro.\n\nMs. Li Dayong said that 16 million people quit. "It is true," she added! 😀 Falun Gong grew.';
const PASSAGE_START = 8;

describe('analyzePassage', () => {
  const analysis = analyzePassage(DOCUMENT.slice(PASSAGE_START), PASSAGE_START);

  it('records its offset and text', () => {
    expect(analysis.offset).toBe(8);
    expect(analysis.text).toBe(DOCUMENT.slice(8));
  });

  it('gives tokens whose document spans slice back to their text', () => {
    expect(analysis.tokens.map((token) => DOCUMENT.slice(token.start, token.end))).toEqual(analysis.tokens.map((token) => token.text));
    expect(analysis.tokens.map((token) => token.text)).toEqual(['Ms', 'Li', 'Dayong', 'said', 'that', '16', 'million', 'people', 'quit', 'It', 'is', 'true', 'she', 'added', '😀', 'Falun', 'Gong', 'grew']);
  });

  it('numbers the sentence of each token', () => {
    expect(analysis.tokens.map((token) => token.sentence)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('gives sentences as document spans with their punctuation', () => {
    expect(analysis.sentences.map(({ start, end }) => DOCUMENT.slice(start, end))).toEqual(['Ms. Li Dayong said that 16 million people quit.', '"It is true," she added!', '😀 Falun Gong grew.']);
  });

  it('keeps sentence spans inside the passage', () => {
    for (const sentence of analysis.sentences) {
      expect(sentence.start).toBeGreaterThanOrEqual(PASSAGE_START);
      expect(sentence.end).toBeLessThanOrEqual(DOCUMENT.length);
    }
  });

  it.each([
    ['𠀀𠀀 Li Dayong said 😀 hi. 北京 is big.', ['𠀀𠀀', 'Li', 'Dayong', 'said', '😀', 'hi', '北京', 'is', 'big']],
    ['One two.', ['One', 'two']],
  ])('tokens of %j slice back to %j', (text, expected) => {
    const result = analyzePassage(text, 0);
    expect(result.tokens.map((token) => text.slice(token.start, token.end))).toEqual(expected);
  });

  it('gives no tokens or sentences for an empty passage', () => {
    const result = analyzePassage('', 0);
    expect([result.tokens, result.sentences]).toEqual([[], []]);
  });
});

describe('matchSpans', () => {
  it.each([
    ['(falun|gong)+', ['Falun Gong']],
    ['million', ['million']],
    ['(li|dayong)+', ['Li Dayong']],
    ['nonexistent', []],
  ])('the match %j gives document spans of %j', (pattern, expected) => {
    const analysis = analyzePassage(DOCUMENT.slice(PASSAGE_START), PASSAGE_START);
    expect(matchSpans(analysis, analysis.view.match(pattern)).map(({ start, end }) => DOCUMENT.slice(start, end))).toEqual(expected);
  });
});
