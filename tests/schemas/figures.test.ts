import { describe, expect, it } from 'vitest';
import { FigureKind, FigureQualifier, FigureRow } from '../../src/schemas/figures.ts';

const ROW = {
  figure_id: 'd#f0',
  doc_id: 'd',
  passage_id: 'd#p0',
  text: 'more than sixteen million',
  start: 0,
  end: 25,
  value: 16000000,
  value_max: null,
  qualifier: 'more_than',
  kind: 'count',
  unit: null,
  item: 'practitioners',
};

describe('FigureRow', () => {
  it.each([[ROW], [{ ...ROW, text: '12%', value: 12, kind: 'percent', unit: '%', item: null, qualifier: 'exact' }], [{ ...ROW, value: 10, value_max: 20 }]])(
    'accepts %o',
    (row) => {
      expect(FigureRow.safeParse(row).success).toBe(true);
    },
  );

  it.each([
    [{ ...ROW, value: Number.POSITIVE_INFINITY }, ['value']],
    [{ ...ROW, value: Number.NaN }, ['value']],
    [{ ...ROW, value: '16000000' }, ['value']],
    [{ ...ROW, value_max: Number.POSITIVE_INFINITY }, ['value_max']],
    [{ ...ROW, qualifier: 'roughly' }, ['qualifier']],
    [{ ...ROW, kind: 'fraction' }, ['kind']],
    [{ ...ROW, start: 25, end: 0 }, ['end']],
  ])('rejects %o at %j', (row, path) => {
    const result = FigureRow.safeParse(row);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('lists the qualifiers and kinds of the contract', () => {
    expect(FigureQualifier.options).toEqual(['exact', 'approximately', 'more_than', 'at_least', 'less_than', 'at_most']);
    expect(FigureKind.options).toEqual(['count', 'percent', 'money', 'measure', 'ordinal']);
  });
});
