import { describe, expect, it } from 'vitest';
import { DateGranularity, DateKind, DateRow } from '../../src/schemas/dates.ts';

const ROW = {
  date_id: 'd#d0',
  doc_id: 'd',
  passage_id: 'd#p0',
  text: 'August 2015',
  start: 3,
  end: 14,
  value: '2015-08',
  start_date: '2015-08-01',
  end_date: '2015-08-31',
  granularity: 'month',
  kind: 'date',
  approximate: false,
  reference_date: null,
};

describe('DateRow', () => {
  it.each([
    [ROW],
    [{ ...ROW, value: '1966/1976', start_date: '1966-01-01', end_date: '1976-12-31', granularity: 'year', kind: 'range' }],
    [{ ...ROW, text: 'last August', kind: 'relative', reference_date: '2016-01-07', approximate: true }],
    [{ ...ROW, value: '2016-01-07', start_date: '2016-01-07', end_date: '2016-01-07', granularity: 'day' }],
  ])('accepts %o', (row) => {
    expect(DateRow.safeParse(row).success).toBe(true);
  });

  it.each([
    [{ ...ROW, start_date: '2015-09-01', end_date: '2015-08-31' }, ['end_date'], 'start_date is after end_date'],
    [{ ...ROW, start: 14, end: 3 }, ['end'], 'end is before start'],
    [{ ...ROW, value: '' }, ['value'], undefined],
    [{ ...ROW, start_date: '2015-8-1' }, ['start_date'], 'expected an ISO day YYYY-MM-DD'],
    [{ ...ROW, granularity: 'hour' }, ['granularity'], undefined],
    [{ ...ROW, kind: 'duration' }, ['kind'], undefined],
    [{ ...ROW, reference_date: 'yesterday' }, ['reference_date'], 'expected an ISO day YYYY-MM-DD'],
  ])('rejects %o at %j', (row, path, message) => {
    const result = DateRow.safeParse(row);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
    if (message !== undefined) expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('lists the granularities and kinds of the contract', () => {
    expect(DateGranularity.options).toEqual(['day', 'week', 'month', 'quarter', 'year', 'decade', 'century']);
    expect(DateKind.options).toEqual(['date', 'range', 'relative']);
  });
});
