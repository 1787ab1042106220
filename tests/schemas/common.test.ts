import { describe, expect, it } from 'vitest';
import { DocumentId, endNotBeforeStart, IsoDay, Offset } from '../../src/schemas/common.ts';

describe('IsoDay', () => {
  it.each([['2016-01-07'], ['1999-12-31'], ['0987-02-03']])('accepts %j', (value) => {
    expect(IsoDay.safeParse(value).success).toBe(true);
  });

  it.each([['2016-1-7'], ['2016-01'], ['2016'], ['20160107'], ['2016-01-07T00:00:00Z'], [' 2016-01-07'], [''], [20160107], [null]])('rejects %j', (value) => {
    const result = IsoDay.safeParse(value);
    expect(result.success).toBe(false);
  });

  it('explains a malformed day', () => {
    expect(IsoDay.safeParse('2016-1-7').error?.issues[0]?.message).toBe('expected an ISO day YYYY-MM-DD');
  });
});

describe('Offset', () => {
  it.each([
    [0, true],
    [42, true],
    [-1, false],
    [1.5, false],
    ['3', false],
  ])('%j -> %s', (value, expected) => {
    expect(Offset.safeParse(value).success).toBe(expected);
  });
});

describe('DocumentId', () => {
  it.each([
    ['000_0796cd7eea2f6637', true],
    ['2016/jan/report-7', true],
    ['feed/2016-01:17', true],
    ['', false],
  ])('%j -> %s', (value, expected) => {
    expect(DocumentId.safeParse(value).success).toBe(expected);
  });
});

describe('endNotBeforeStart', () => {
  it.each([
    [{ start: 0, end: 0 }, true],
    [{ start: 3, end: 7 }, true],
    [{ start: 7, end: 3 }, false],
  ])('%o -> %s', (row, expected) => {
    expect(endNotBeforeStart(row)).toBe(expected);
  });
});
