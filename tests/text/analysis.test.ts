import { describe, expect, it } from 'vitest';
import { analyzePassage, analyzeText } from '../../src/text/analysis.ts';
import { loadCompromise } from '../../src/text/compromise.ts';

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
    expect(analysis.tokens.map((token) => token.text)).toEqual([
      'Ms',
      'Li',
      'Dayong',
      'said',
      'that',
      '16',
      'million',
      'people',
      'quit',
      'It',
      'is',
      'true',
      'she',
      'added',
      '😀',
      'Falun',
      'Gong',
      'grew',
    ]);
  });

  it('numbers the sentence of each token', () => {
    expect(analysis.tokens.map((token) => token.sentence)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('gives sentences as document spans with their punctuation', () => {
    expect(analysis.sentences.map(({ start, end }) => DOCUMENT.slice(start, end))).toEqual([
      'Ms. Li Dayong said that 16 million people quit.',
      '"It is true," she added!',
      '😀 Falun Gong grew.',
    ]);
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

describe('analyzeText', () => {
  const text = 'Talking Fearlessly to Officers\n\nShe talked. They listened.\n\nLi Dayong said so.';
  const passages = [
    { start: 0, end: 30 },
    { start: 32, end: 58 },
    { start: 60, end: 78 },
  ];
  const analyses = analyzeText(text, 0, passages);

  it('gives each passage its own tokens', () => {
    expect(analyses.map((analysis) => analysis.tokens.map((token) => token.text))).toEqual([
      ['Talking', 'Fearlessly', 'to', 'Officers'],
      ['She', 'talked', 'They', 'listened'],
      ['Li', 'Dayong', 'said', 'so'],
    ]);
  });

  it('numbers sentences from 0 in each passage and cuts a sentence at a passage edge', () => {
    expect(analyses.map((analysis) => analysis.tokens.map((token) => token.sentence))).toEqual([
      [0, 0, 0, 0],
      [0, 0, 1, 1],
      [0, 0, 0, 0],
    ]);
    expect(analyses.map((analysis) => analysis.sentences.map(({ start, end }) => text.slice(start, end)))).toEqual([
      ['Talking Fearlessly to Officers'],
      ['She talked.', 'They listened.'],
      ['Li Dayong said so.'],
    ]);
  });

  it('gives each passage its offset and text', () => {
    expect(analyses.map((analysis) => [analysis.offset, analysis.text])).toEqual([
      [0, 'Talking Fearlessly to Officers'],
      [32, 'She talked. They listened.'],
      [60, 'Li Dayong said so.'],
    ]);
  });

  it('tags a batch as it tags its passages one by one', () => {
    const single = passages.map((passage) => analyzePassage(text.slice(passage.start, passage.end), passage.start));
    expect(analyses.map((analysis) => analysis.tokens.map((token) => [token.start, [...token.tags].sort().join(' ')]))).toEqual(
      single.map((analysis) => analysis.tokens.map((token) => [token.start, [...token.tags].sort().join(' ')])),
    );
  });
});

describe('compromise defaults', () => {
  // The compromise every module of ours tags with (loadCompromise), which another user in the process shares.
  const nlp = loadCompromise();

  it('are left as they were for other users of compromise in the process', () => {
    const hooks = (): string[] => [...(nlp.world() as unknown as { hooks: string[] }).hooks];
    const before = hooks();
    analyzePassage('Li Dayong spoke in Beijing.', 0);
    expect(hooks()).toEqual(before);
    expect(before).toContain('chunks');
  });

  it('keep compromise’s own sentence splitting for other users: a stop inside closing marks ends no sentence there', () => {
    const text = 'Trump said Clinton "caused death." Sanders called Trump a "liar."';
    analyzePassage(text, 0);
    expect(nlp(text).sentences().out('array')).toEqual([text]);
    expect(analyzePassage(text, 0).sentences).toHaveLength(2);
  });
});
