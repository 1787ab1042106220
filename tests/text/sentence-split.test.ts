import { describe, expect, it } from 'vitest';
import { analyzePassage } from '../../src/text/analysis.ts';
import { splitAfterQuotedStops } from '../../src/text/sentence-split.ts';

describe('splitAfterQuotedStops', () => {
  it.each([
    [
      'Trump said Clinton "caused death." Sanders called Trump a "pathological liar." Fiorina agreed.',
      ['Trump said Clinton "caused death." ', 'Sanders called Trump a "pathological liar." ', 'Fiorina agreed.'],
    ],
    ['He called it “unacceptable.” “We will fight,” she said.', ['He called it “unacceptable.” ', '“We will fight,” she said.']],
    ['He asked, ‘why?’ Nobody knew.', ['He asked, ‘why?’ ', 'Nobody knew.']],
    ['She said it was "over!") Then she left.', ['She said it was "over!") ', 'Then she left.']],
  ])('ends a sentence at a stop inside closing quotation marks before a capital: %s', (text, pieces) => {
    expect(splitAfterQuotedStops(text)).toEqual(pieces);
  });

  it.each([
    ['"Stop!" he shouted at them.'],
    ['"It is bad. We lose," he said.'],
    ['He wrote "the end." and nothing more.'],
    ['It ends in a quote: "the end."'],
    ['"Yes, sir," said Tom.'],
  ])('leaves a sentence whole when nothing after the closing mark opens a sentence: %s', (text) => {
    expect(splitAfterQuotedStops(text)).toEqual([text]);
  });

  it('keeps every character: the pieces join to the sentence', () => {
    const text = 'A "b." C “d?” E ‘f!’ G.';
    expect(splitAfterQuotedStops(text).join('')).toBe(text);
    expect(splitAfterQuotedStops(text)).toHaveLength(4);
  });
});

describe('sentences of an analysed passage', () => {
  it('end at a stop inside a closing quotation mark, as compromise alone does not', () => {
    const text = 'Trump said Clinton "caused death." Sanders called Trump a "liar." He left.';
    const analysis = analyzePassage(text, 0);
    expect(analysis.sentences.map(({ start, end }) => text.slice(start, end))).toEqual([
      'Trump said Clinton "caused death."',
      'Sanders called Trump a "liar."',
      'He left.',
    ]);
  });

  it('keep a quotation of several sentences in one sentence with its attribution', () => {
    const text = '“It is bad. We lose,” he said. Then he left.';
    const analysis = analyzePassage(text, 0);
    expect(analysis.sentences.map(({ start, end }) => text.slice(start, end))).toEqual(['“It is bad. We lose,” he said.', 'Then he left.']);
  });
});
