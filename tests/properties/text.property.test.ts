import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/stages/segment.ts';
import { NUMBER_EXPRESSION, parseNumber } from '../../src/text/numbers.ts';
import { OffsetIndex } from '../../src/text/offsets.ts';
import { PROPERTY_RUNS } from './runs.ts';

/** Text made of the pieces that break naive code: blank lines, CRLF, NUL, zero-width and bidi marks, emoji, CJK extension B, long words. */
const hostilePiece = fc.oneof(
  fc.constantFrom(
    '\n',
    '\n\n',
    '\r\n',
    '\r\n\r\n',
    ' ',
    '\t',
    '\u0000',
    '\u200b',
    '\u200e',
    '\u202e',
    '\ufeff',
    '😀',
    '𠀋',
    '👩‍👩‍👧',
    'é',
    'e\u0301',
    '“',
    '”',
    '"',
    '.',
    '. ',
    '! ',
    '#',
    '# Heading\n\n',
    '\u00a0',
  ),
  fc.string({ minLength: 0, maxLength: 12 }),
  fc.constantFrom(
    'Li Dayong said that 47 practitioners were released.',
    'On January 7, 2016, more than ten policemen quit.',
    'TALKS COLLAPSE IN GENEVA',
    'x'.repeat(300),
  ),
);
const hostileText = fc.array(hostilePiece, { maxLength: 40 }).map((pieces) => pieces.join(''));
const segmentOptions = fc.record({ maxPassageChars: fc.integer({ min: 80, max: 400 }), maxHeadingChars: fc.integer({ min: 10, max: 150 }) });

describe('segmentation on random and hostile text', () => {
  it('loses no character: passages are ordered, disjoint, trimmed, within bounds, and cover every non-space character', () => {
    fc.assert(
      fc.property(hostileText, segmentOptions, (text, options) => {
        const passages = segmentText(text, options);
        let previousEnd = 0;
        let covered = '';
        for (const passage of passages) {
          expect(passage.start).toBeGreaterThanOrEqual(previousEnd);
          expect(passage.end).toBeGreaterThan(passage.start);
          expect(passage.end - passage.start).toBeLessThanOrEqual(options.maxPassageChars);
          expect(/\s/.test(text[passage.start] as string)).toBe(false);
          expect(/\s/.test(text[passage.end - 1] as string)).toBe(false);
          covered += text.slice(passage.start, passage.end);
          previousEnd = passage.end;
        }
        expect(covered.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('never cuts a surrogate pair, so every passage slices back by code points', () => {
    fc.assert(
      fc.property(hostileText, segmentOptions, (text, options) => {
        const index = new OffsetIndex(text);
        const codePoints = [...text];
        for (const passage of segmentText(text, options)) {
          const passageText = text.slice(passage.start, passage.end);
          expect(codePoints.slice(index.toCodePoint(passage.start), index.toCodePoint(passage.end)).join('')).toBe(passageText);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe('code point offsets', () => {
  it('convert every UTF-16 boundary to the code point index that slices the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const index = new OffsetIndex(text);
        const codePoints = [...text];
        let utf16 = 0;
        codePoints.forEach((character, position) => {
          expect(index.toCodePoint(utf16)).toBe(position);
          utf16 += character.length;
        });
        expect(index.toCodePoint(text.length)).toBe(codePoints.length);
        expect(index.codePointLength).toBe(codePoints.length);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe('number parsing', () => {
  const numberWords = fc.constantFrom(
    'one',
    'two',
    'twelve',
    'twenty',
    'twenty-one',
    'hundred',
    'thousand',
    'million',
    'billion',
    'and',
    'a',
    'half',
    'dozen',
    'thirds',
    '1,000',
    '2.5',
    '10M',
    '3bn',
    '-',
    ' ',
    ',',
    '.',
  );
  const numberish = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.array(numberWords, { maxLength: 8 }).map((words) => words.join(' ')),
  );

  it('never throws and gives a finite number or null', () => {
    fc.assert(
      fc.property(numberish, (text) => {
        const value = parseNumber(text);
        expect(value === null || Number.isFinite(value)).toBe(true);
        for (const match of text.matchAll(NUMBER_EXPRESSION)) {
          const matched = parseNumber(match[0]);
          expect(matched === null || Number.isFinite(matched)).toBe(true);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
