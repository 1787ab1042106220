import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document.ts';
import { resolveConfig } from '../../src/config.ts';
import { findParagraphs, isHeading, segment, segmentText, splitLongSpan, trimSpan } from '../../src/stages/segment.ts';

const OPTIONS = { maxPassageChars: 2000, maxHeadingChars: 150 };

/** The passages of a text as their own text, heading flag and heading. */
const passagesOf = (text: string, options = OPTIONS): [string, boolean, string | null][] =>
  segmentText(text, options).map((passage) => [text.slice(passage.start, passage.end), passage.isHeading, passage.heading]);

const piecesOf = (text: string, maxChars: number): string[] =>
  splitLongSpan(text, { start: 0, end: text.length }, maxChars).map(({ start, end }) => text.slice(start, end));

const withoutWhitespace = (text: string): string => text.replace(/\s+/g, '');

describe('findParagraphs', () => {
  it.each([
    ['First para.\n\nSecond para.', ['First para.', 'Second para.']],
    ['One.\n\n\n\nTwo.\n \t\nThree.', ['One.', 'Two.', 'Three.']],
    ['Block one line one.\nBlock one line two.\n\nBlock two.', ['Block one line one.\nBlock one line two.', 'Block two.']],
    ['Line one.\nLine two.\nLine three.', ['Line one.', 'Line two.', 'Line three.']],
    ['Line one.\nLine two.\n', ['Line one.', 'Line two.']],
    ['A.\r\n\r\nB.\r\nC.', ['A.', 'B.\r\nC.']],
    ['A.\r\nB.\r\nC.', ['A.', 'B.', 'C.']],
    ['  \n\n  Hello  \n\n\n\n  world  \n', ['Hello', 'world']],
    ['Only one paragraph.', ['Only one paragraph.']],
    ['', []],
    [' \n \n ', []],
  ])('%j -> %j', (text, expected) => {
    expect(findParagraphs(text).map(({ start, end }) => text.slice(start, end))).toEqual(expected);
  });

  it.each([
    [
      'First para.\n\nSecond para.',
      [
        { start: 0, end: 11 },
        { start: 13, end: 25 },
      ],
    ],
    [
      '  x\r\n\r\ny  ',
      [
        { start: 2, end: 3 },
        { start: 7, end: 8 },
      ],
    ],
  ])('spans of %j are %j', (text, expected) => {
    expect(findParagraphs(text)).toEqual(expected);
  });
});

describe('trimSpan', () => {
  it.each([
    ['  abc  ', { start: 0, end: 7 }, { start: 2, end: 5 }],
    ['abc', { start: 0, end: 3 }, { start: 0, end: 3 }],
    ['\n\tab\r\n', { start: 0, end: 6 }, { start: 2, end: 4 }],
    ['   ', { start: 0, end: 3 }, { start: 3, end: 3 }],
    ['a b c', { start: 1, end: 4 }, { start: 2, end: 3 }],
  ])('%j %o -> %o', (text, span, expected) => {
    expect(trimSpan(text, span)).toEqual(expected);
  });
});

describe('isHeading', () => {
  it.each([
    ['Title Case Line', true],
    ['The Rise and Fall of Rome', true],
    ["Persecution in China's Yunnan Province", true],
    ['ALL CAPS LINE', true],
    ['SECOND SECTION', true],
    ['# a markdown heading', true],
    ['### deeper markdown heading', true],
    ['Is This a Question?', true],
    ['This is a normal sentence.', false],
    ['This is a normal sentence', false],
    ['Hello World.', false],
    ['He said so!', false],
    ['Title, Then Comma,', false],
    ['#hashtag without a space', false],
    ['123', false],
    ['Title Line\nSecond Line', false],
    ['', false],
  ])('%j -> %s', (paragraph, expected) => {
    expect(isHeading(paragraph, 150)).toBe(expected);
  });

  it.each([
    ['Title Case Line', 15, true],
    ['Title Case Line', 14, false],
    ['# Markdown Heading', 10, false],
  ])('%j with maxHeadingChars %i -> %s', (paragraph, maxHeadingChars, expected) => {
    expect(isHeading(paragraph, maxHeadingChars)).toBe(expected);
  });

  it('is not a heading beyond twenty words, even in Title Case', () => {
    const words = 'Word '.repeat(21).trim();
    expect(isHeading(words, 1000)).toBe(false);
  });
});

describe('segmentText', () => {
  it.each<[string, [string, boolean, string | null][]]>([
    [
      'First para.\n\nSecond para.',
      [
        ['First para.', false, null],
        ['Second para.', false, null],
      ],
    ],
    [
      'Line one.\nLine two.',
      [
        ['Line one.', false, null],
        ['Line two.', false, null],
      ],
    ],
    [
      'A one.\r\n\r\nB two.\r\n',
      [
        ['A one.', false, null],
        ['B two.', false, null],
      ],
    ],
    [
      'Big Title Here\n\nBody text here. More.\n\nAnother paragraph.\n\nSECOND SECTION\n\nMore body.',
      [
        ['Big Title Here', true, 'Big Title Here'],
        ['Body text here. More.', false, 'Big Title Here'],
        ['Another paragraph.', false, 'Big Title Here'],
        ['SECOND SECTION', true, 'SECOND SECTION'],
        ['More body.', false, 'SECOND SECTION'],
      ],
    ],
    [
      '# The heading\n\nbody text.\n\n## sub heading\n\nmore text.',
      [
        ['# The heading', true, 'The heading'],
        ['body text.', false, 'The heading'],
        ['## sub heading', true, 'sub heading'],
        ['more text.', false, 'sub heading'],
      ],
    ],
    [
      'Intro sentence here.\n\nA Heading Later\n\nBody.',
      [
        ['Intro sentence here.', false, null],
        ['A Heading Later', true, 'A Heading Later'],
        ['Body.', false, 'A Heading Later'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(passagesOf(text)).toEqual(expected);
  });

  it('numbers passages from 0 in text order with ascending spans', () => {
    const text = 'One.\n\nTwo.\n\nThree.';
    expect(segmentText(text, OPTIONS)).toEqual([
      { start: 0, end: 4, index: 0, isHeading: false, heading: null },
      { start: 6, end: 10, index: 1, isHeading: false, heading: null },
      { start: 12, end: 18, index: 2, isHeading: false, heading: null },
    ]);
  });

  it('splits a long paragraph at sentence boundaries and keeps its heading on every piece', () => {
    const text = `Long Section\n\n${'This is a sentence of forty characters. '.repeat(5).trim()}`;
    expect(passagesOf(text, { maxPassageChars: 80, maxHeadingChars: 150 })).toEqual([
      ['Long Section', true, 'Long Section'],
      ['This is a sentence of forty characters. This is a sentence of forty characters.', false, 'Long Section'],
      ['This is a sentence of forty characters. This is a sentence of forty characters.', false, 'Long Section'],
      ['This is a sentence of forty characters.', false, 'Long Section'],
    ]);
  });

  it('returns no passages for an empty or blank text', () => {
    expect(segmentText('', OPTIONS)).toEqual([]);
    expect(segmentText(' \n\n \t ', OPTIONS)).toEqual([]);
  });
});

describe('splitLongSpan', () => {
  it.each([
    // sentence boundaries first
    ['First sentence here. Second sentence here. Third sentence here.', 45, ['First sentence here. Second sentence here.', 'Third sentence here.']],
    ['First sentence here. Second sentence here. Third sentence here.', 21, ['First sentence here.', 'Second sentence here.', 'Third sentence here.']],
    // then spaces
    ['aaaa bbbb cccc dddd eeee ffff gggg', 12, ['aaaa bbbb', 'cccc dddd', 'eeee ffff', 'gggg']],
    // then anywhere
    ['abcdefghijklmnopqrstuvwxyz', 10, ['abcdefghij', 'klmnopqrst', 'uvwxyz']],
    // short enough: unchanged
    ['Short.', 10, ['Short.']],
  ])('%j at most %i -> %j', (text, maxChars, expected) => {
    expect(piecesOf(text, maxChars)).toEqual(expected);
  });

  it.each([
    ['😀😀😀😀😀😀😀😀', 5, ['😀😀', '😀😀', '😀😀', '😀😀']],
    ['ab😀cd', 3, ['ab', '😀c', 'd']],
    ['𠀀𠀁𠀂𠀃𠀄', 3, ['𠀀', '𠀁', '𠀂', '𠀃', '𠀄']],
  ])('never cuts a surrogate pair: %j at most %i -> %j', (text, maxChars, expected) => {
    expect(piecesOf(text, maxChars)).toEqual(expected);
  });

  it('keeps the span offsets inside the span it splits', () => {
    const text = 'xx First one here. Second one here. yy';
    expect(splitLongSpan(text, { start: 3, end: 35 }, 20)).toEqual([
      { start: 3, end: 18 },
      { start: 19, end: 35 },
    ]);
  });
});

const LONG_TEXTS: [string, string][] = [
  ['sentences', 'Li Dayong said that many people wanted to quit. The officer refused. '.repeat(60)],
  ['one unbroken word', 'x'.repeat(5000)],
  ['emoji between sentences', 'Hello 😀 world. '.repeat(300)],
  ['CJK extension B without spaces', '𠀀𠀁𠀂𠀃'.repeat(700)],
  ['emoji without spaces', '😀👍🏽👨‍👩‍👧'.repeat(400)],
  ['mixed paragraphs', `Heading Of It\n\n${'Words and 😀 more words, '.repeat(200)}\n\nshort\n\n${'𠀀'.repeat(1000)} tail.\r\n\r\nLast one.`],
  ['CJK sentences', '北京是中国的首都。'.repeat(400)],
];

describe('segmentation invariants', () => {
  it.each(LONG_TEXTS)('%s: no passage is longer than maxPassageChars', (_label, text) => {
    for (const passage of segmentText(text, { maxPassageChars: 200, maxHeadingChars: 150 })) expect(passage.end - passage.start).toBeLessThanOrEqual(200);
  });

  it.each(LONG_TEXTS)('%s: the passages hold every non-whitespace character, in order', (_label, text) => {
    const passages = segmentText(text, { maxPassageChars: 200, maxHeadingChars: 150 });
    expect(passages.map(({ start, end }) => withoutWhitespace(text.slice(start, end))).join('')).toBe(withoutWhitespace(text));
  });

  it.each(LONG_TEXTS)('%s: no passage starts or ends inside a surrogate pair', (_label, text) => {
    for (const { start, end } of segmentText(text, { maxPassageChars: 200, maxHeadingChars: 150 })) {
      expect(text.charCodeAt(start)).not.toSatisfy((code: number) => code >= 0xdc00 && code <= 0xdfff);
      expect(text.charCodeAt(end - 1)).not.toSatisfy((code: number) => code >= 0xd800 && code <= 0xdbff);
    }
  });

  it.each(LONG_TEXTS)('%s: passages are in order, do not overlap, and are trimmed', (_label, text) => {
    const passages = segmentText(text, { maxPassageChars: 200, maxHeadingChars: 150 });
    passages.forEach((passage, index) => {
      expect(passage.index).toBe(index);
      expect(text.slice(passage.start, passage.end)).toBe(text.slice(passage.start, passage.end).trim());
      if (index > 0) expect(passage.start).toBeGreaterThanOrEqual((passages[index - 1] as { end: number }).end);
    });
  });
});

describe('segment stage', () => {
  it('sets the passages of a document from config.segment', () => {
    const document = createDocument({ id: 'd', source: 'd.txt', format: 'txt', sha256: '0'.repeat(64), text: 'A Title\n\nBody here.' });
    segment.run(document, resolveConfig({}));
    expect(document.passages).toEqual([
      { start: 0, end: 7, index: 0, isHeading: true, heading: 'A Title' },
      { start: 9, end: 19, index: 1, isHeading: false, heading: 'A Title' },
    ]);
  });
});
