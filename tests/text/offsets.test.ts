import { describe, expect, it } from 'vitest';
import { OffsetIndex, codePointLength } from '../../src/text/offsets.ts';

// U+1F600 (emoji) and U+20000 (CJK Extension B) are astral: two UTF-16 units, one code point each.
const EMOJI = '\u{1F600}';
const CJK_B = '\u{20000}';

describe('OffsetIndex.toCodePoint', () => {
  it.each([
    // [text, utf16 index, code point index]
    ['plain ascii', 0, 0],
    ['plain ascii', 5, 5],
    ['plain ascii', 11, 11],
    ['中文字符', 3, 3],
    [`a${EMOJI}b`, 0, 0],
    [`a${EMOJI}b`, 1, 1],
    [`a${EMOJI}b`, 3, 2],
    [`a${EMOJI}b`, 4, 3],
    [`${EMOJI}${EMOJI}x`, 2, 1],
    [`${EMOJI}${EMOJI}x`, 4, 2],
    [`${EMOJI}${EMOJI}x`, 5, 3],
    [`${CJK_B}中${CJK_B}`, 2, 1],
    [`${CJK_B}中${CJK_B}`, 3, 2],
    [`${CJK_B}中${CJK_B}`, 5, 3],
    [`x${EMOJI}y${CJK_B}z`, 4, 3],
    [`x${EMOJI}y${CJK_B}z`, 6, 4],
    [`x${EMOJI}y${CJK_B}z`, 7, 5],
  ])('%j at UTF-16 %i -> code point %i', (text, utf16Index, expected) => {
    expect(new OffsetIndex(text).toCodePoint(utf16Index)).toBe(expected);
  });

  it.each([
    ['', 0],
    ['abc', 3],
    [`a${EMOJI}b`, 3],
    [`${CJK_B}${CJK_B}${CJK_B}`, 3],
    [`Li said 👍🏽 in 北京${CJK_B}`, 17],
  ])('codePointLength of %j is %i', (text, expected) => {
    expect(new OffsetIndex(text).codePointLength).toBe(expected);
  });

  it.each([
    ['Ms. Li Dayong said', 'Li Dayong'],
    [`${EMOJI} Ms. Li ${CJK_B} said ${EMOJI}`, 'said'],
    [`${CJK_B}${CJK_B}${EMOJI} Falun Gong ${EMOJI}`, 'Falun Gong'],
  ])('converted offsets of %j slice back to %j by code points', (text, target) => {
    const index = new OffsetIndex(text);
    const start = text.indexOf(target);
    const end = start + target.length;
    expect([...text].slice(index.toCodePoint(start), index.toCodePoint(end)).join('')).toBe(target);
  });
});

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['中文', 2],
    [EMOJI, 1],
    [`${EMOJI}${CJK_B}`, 2],
    ['👍🏽', 2], // emoji + skin tone modifier: two code points
    ['e\u0301', 2], // combining accent is its own code point
    ['\ud83d', 1], // a lone high surrogate counts as one
    ['\ude00x', 2], // a lone low surrogate counts as one
  ])('%j has %i code points', (text, expected) => {
    expect(codePointLength(text)).toBe(expected);
  });
});
