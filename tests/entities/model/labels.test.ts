import { describe, expect, it } from 'vitest';
import { allowedTransition, decodeSpans, encodeSpans, LABELS, labelIndex, labelName } from '../../../src/entities/model/labels.ts';

const index = (name: string): number | null => (name === '^' || name === '$' ? null : LABELS.findIndex((label) => labelName(label) === name));

describe('BILOU labels', () => {
  it('has O first, then B I L U for each of person, place, organization and misc', () => {
    expect(LABELS.map(labelName)).toEqual([
      'O',
      'B-person',
      'I-person',
      'L-person',
      'U-person',
      'B-place',
      'I-place',
      'L-place',
      'U-place',
      'B-organization',
      'I-organization',
      'L-organization',
      'U-organization',
      'B-misc',
      'I-misc',
      'L-misc',
      'U-misc',
    ]);
    expect(labelIndex('L', 'organization')).toBe(11);
  });

  it.each([
    ['^', 'B-person', true],
    ['^', 'U-place', true],
    ['^', 'O', true],
    ['^', 'I-person', false],
    ['^', 'L-person', false],
    ['B-person', 'I-person', true],
    ['B-person', 'L-person', true],
    ['B-person', 'L-place', false],
    ['B-person', 'O', false],
    ['B-person', 'B-person', false],
    ['I-organization', 'I-organization', true],
    ['I-organization', 'U-organization', false],
    ['L-place', 'B-place', true],
    ['L-place', 'I-place', false],
    ['U-misc', 'O', true],
    ['O', 'L-misc', false],
    ['B-place', '$', false],
    ['I-place', '$', false],
    ['L-place', '$', true],
    ['O', '$', true],
  ])('%s then %s allowed: %s', (previous, next, allowed) => {
    expect(allowedTransition(index(previous), index(next))).toBe(allowed);
  });

  it('encodes spans as labels and decodes them back', () => {
    const spans = [
      { first: 0, last: 1, type: 'person' as const },
      { first: 3, last: 3, type: 'place' as const },
      { first: 5, last: 7, type: 'misc' as const },
    ];
    const labels = encodeSpans(9, spans);
    expect(labels.map((label) => labelName(LABELS[label] as (typeof LABELS)[number]))).toEqual([
      'B-person',
      'L-person',
      'O',
      'U-place',
      'O',
      'B-misc',
      'I-misc',
      'L-misc',
      'O',
    ]);
    expect(decodeSpans(labels)).toEqual(spans);
  });
});
