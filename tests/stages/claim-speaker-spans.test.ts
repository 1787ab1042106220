import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/document.ts';
import { findClaims } from '../../src/stages/extract-claims.ts';
import { documentOf } from '../claims/helpers.ts';

/** Kind, claim text, speaker, and the words at the speaker's span with its offsets. */
type Row = [Claim['kind'], string, string | null, string | null, number | null, number | null];

function rowsOf(claims: readonly Claim[], text: string): Row[] {
  return claims.map((claim) => {
    const span = claim.speakerSpan;
    return [claim.kind, claim.text, claim.speaker, span === null ? null : text.slice(span.start, span.end), span?.start ?? null, span?.end ?? null];
  });
}

const rows = (text: string): Row[] => rowsOf(findClaims(documentOf(text)), text);

describe('findClaims: where a speaker was taken from', () => {
  it.each<[string, string, Row[]]>([
    [
      'a pronoun points at the name it resolves to',
      'Li Dayong, a lawyer, spoke to reporters.\n“We will appeal,” he said.',
      [['quote', 'We will appeal,', 'Li Dayong', 'Li Dayong', 0, 9]],
    ],
    [
      'a name after its cue, without the honorific',
      '“This is a test,” said Lord David Cameron.',
      [['quote', 'This is a test,', 'David Cameron', 'David Cameron', 28, 41]],
    ],
    [
      'a description as written',
      'A senior official in Jiaozuo City said that many officials had quit.',
      [['reported', 'many officials had quit', 'A senior official in Jiaozuo City', 'A senior official in Jiaozuo City', 0, 33]],
    ],
    [
      'a short name points at its own words',
      'Ms. Li Dayong runs the centre.\nMs. Li said that many people wanted to quit.',
      [['reported', 'many people wanted to quit', 'Li', 'Li', 35, 37]],
    ],
    [
      'a speaker carried over to a quote-only paragraph',
      '“We will appeal,” said the lawyer.\n“The ruling ignores the evidence we gave.”',
      [
        ['quote', 'We will appeal,', 'the lawyer', 'the lawyer', 23, 33],
        ['quote', 'The ruling ignores the evidence we gave.', 'the lawyer', 'the lawyer', 23, 33],
      ],
    ],
    [
      'a quote running across paragraphs takes the span of its last part’s speaker',
      'Margaret Doyle, 67, lives on Harbour Road.\n“I heard the sirens at ten. We went upstairs.\n“Forty years of our lives were in that house,” she said.',
      [
        ['quote', 'I heard the sirens at ten. We went upstairs.', 'Margaret Doyle', 'Margaret Doyle', 0, 14],
        ['quote', 'Forty years of our lives were in that house,', 'Margaret Doyle', 'Margaret Doyle', 0, 14],
      ],
    ],
    [
      'no speaker, no span',
      'He went home. “It is a long road and we are only at the start of it.”',
      [['quote', 'It is a long road and we are only at the start of it.', null, null, null, null]],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('a figure sentence takes the span of the speech it sits in', () => {
    const text = 'The official noted that 1.4 billion people live in China.';
    const document = documentOf(text);
    const start = text.indexOf('1.4 billion');
    document.figures = [
      { start, end: start + 11, passageIndex: 0, text: '1.4 billion', value: 1.4e9, valueMax: null, qualifier: 'exact', kind: 'count', unit: null, item: null },
    ];
    expect(rowsOf(findClaims(document), text)).toEqual([
      ['figure', 'The official noted that 1.4 billion people live in China.', 'The official', 'The official', 0, 12],
      ['reported', '1.4 billion people live in China', 'The official', 'The official', 0, 12],
    ]);
  });

  it('every speaker is the text at its span, in UTF-16 units after an emoji', () => {
    const text = [
      '😀 “Prices will rise,” Minister Olaf Berg said, “and wages will not.”',
      'A police officer in Lyon was called to the scene. The officer said that nobody had been hurt.',
      'The company warned that profit would fall. “It is the worst year we have had,” it said.',
    ].join('\n');
    const claims = findClaims(documentOf(text));
    expect(claims.map((claim) => claim.speaker)).toEqual(['Olaf Berg', 'Olaf Berg', 'A police officer in Lyon', 'The company', 'The company']);
    for (const claim of claims) {
      expect(claim.speakerSpan === null ? null : text.slice(claim.speakerSpan.start, claim.speakerSpan.end)).toBe(claim.speaker);
    }
  });
});
