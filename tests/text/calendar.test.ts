import { describe, expect, it } from 'vitest';
import {
  centuryValue,
  dayValue,
  decadeValue,
  monthValue,
  parseIsoDay,
  quarterValue,
  rangeValue,
  shiftDay,
  weekdayOf,
  weekValue,
  yearValue,
  type CalendarUnit,
  type CalendarValue,
} from '../../src/text/calendar.ts';

describe('calendar values', () => {
  it.each<[string, CalendarValue, CalendarValue]>([
    ['dayValue(2016, 1, 7)', dayValue(2016, 1, 7), { value: '2016-01-07', startDate: '2016-01-07', endDate: '2016-01-07', granularity: 'day' }],
    ['dayValue(987, 12, 3)', dayValue(987, 12, 3), { value: '0987-12-03', startDate: '0987-12-03', endDate: '0987-12-03', granularity: 'day' }],
    ['monthValue(2015, 8)', monthValue(2015, 8), { value: '2015-08', startDate: '2015-08-01', endDate: '2015-08-31', granularity: 'month' }],
    ['monthValue(2016, 2)', monthValue(2016, 2), { value: '2016-02', startDate: '2016-02-01', endDate: '2016-02-29', granularity: 'month' }],
    ['monthValue(2015, 2)', monthValue(2015, 2), { value: '2015-02', startDate: '2015-02-01', endDate: '2015-02-28', granularity: 'month' }],
    ['monthValue(2016, 4)', monthValue(2016, 4), { value: '2016-04', startDate: '2016-04-01', endDate: '2016-04-30', granularity: 'month' }],
    ['monthValue(2016, 12)', monthValue(2016, 12), { value: '2016-12', startDate: '2016-12-01', endDate: '2016-12-31', granularity: 'month' }],
    ['yearValue(2016)', yearValue(2016), { value: '2016', startDate: '2016-01-01', endDate: '2016-12-31', granularity: 'year' }],
    ['yearValue(987)', yearValue(987), { value: '0987', startDate: '0987-01-01', endDate: '0987-12-31', granularity: 'year' }],
    ['decadeValue(1960)', decadeValue(1960), { value: '1960s', startDate: '1960-01-01', endDate: '1969-12-31', granularity: 'decade' }],
    ['decadeValue(2000)', decadeValue(2000), { value: '2000s', startDate: '2000-01-01', endDate: '2009-12-31', granularity: 'decade' }],
    [
      'rangeValue(1966, 1976)',
      rangeValue(yearValue(1966), yearValue(1976)),
      { value: '1966/1976', startDate: '1966-01-01', endDate: '1976-12-31', granularity: 'year' },
    ],
    [
      'rangeValue(2015-08, 2015-09-03)',
      rangeValue(monthValue(2015, 8), dayValue(2015, 9, 3)),
      { value: '2015-08/2015-09-03', startDate: '2015-08-01', endDate: '2015-09-03', granularity: 'month' },
    ],
    [
      'rangeValue(2016-01-07, 2016-01-09)',
      rangeValue(dayValue(2016, 1, 7), dayValue(2016, 1, 9)),
      { value: '2016-01-07/2016-01-09', startDate: '2016-01-07', endDate: '2016-01-09', granularity: 'day' },
    ],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('parseIsoDay', () => {
  it.each([
    ['2016-01-07', { year: 2016, month: 1, day: 7 }],
    ['1999-12-31', { year: 1999, month: 12, day: 31 }],
    ['0987-02-03', { year: 987, month: 2, day: 3 }],
  ])('%s -> %o', (iso, expected) => {
    expect(parseIsoDay(iso)).toEqual(expected);
  });
});

describe('weekValue: the ISO week of a day, which may belong to the year before or after when it straddles New Year', () => {
  it.each<[number, number, number, CalendarValue]>([
    [2016, 1, 7, { value: '2016-W01', startDate: '2016-01-04', endDate: '2016-01-10', granularity: 'week' }],
    [2016, 1, 4, { value: '2016-W01', startDate: '2016-01-04', endDate: '2016-01-10', granularity: 'week' }],
    [2016, 1, 10, { value: '2016-W01', startDate: '2016-01-04', endDate: '2016-01-10', granularity: 'week' }],
    // 2016-01-01 is a Friday: its week belongs to 2015.
    [2016, 1, 1, { value: '2015-W53', startDate: '2015-12-28', endDate: '2016-01-03', granularity: 'week' }],
    // 2019-12-30 is a Monday whose Thursday is in 2020.
    [2019, 12, 30, { value: '2020-W01', startDate: '2019-12-30', endDate: '2020-01-05', granularity: 'week' }],
    [2018, 12, 31, { value: '2019-W01', startDate: '2018-12-31', endDate: '2019-01-06', granularity: 'week' }],
    [2020, 12, 31, { value: '2020-W53', startDate: '2020-12-28', endDate: '2021-01-03', granularity: 'week' }],
    [2021, 1, 3, { value: '2020-W53', startDate: '2020-12-28', endDate: '2021-01-03', granularity: 'week' }],
    [2016, 6, 15, { value: '2016-W24', startDate: '2016-06-13', endDate: '2016-06-19', granularity: 'week' }],
  ])('%i-%i-%i is in %o', (year, month, day, expected) => {
    expect(weekValue(year, month, day)).toEqual(expected);
  });
});

describe('quarterValue', () => {
  it.each<[number, number, CalendarValue]>([
    [2016, 1, { value: '2016-Q1', startDate: '2016-01-01', endDate: '2016-03-31', granularity: 'quarter' }],
    [2019, 2, { value: '2019-Q2', startDate: '2019-04-01', endDate: '2019-06-30', granularity: 'quarter' }],
    [2016, 3, { value: '2016-Q3', startDate: '2016-07-01', endDate: '2016-09-30', granularity: 'quarter' }],
    [2016, 4, { value: '2016-Q4', startDate: '2016-10-01', endDate: '2016-12-31', granularity: 'quarter' }],
  ])('%i quarter %i -> %o', (year, quarter, expected) => {
    expect(quarterValue(year, quarter)).toEqual(expected);
  });
});

describe('centuryValue', () => {
  it.each<[number, CalendarValue]>([
    [1800, { value: '18', startDate: '1800-01-01', endDate: '1899-12-31', granularity: 'century' }],
    [1850, { value: '18', startDate: '1800-01-01', endDate: '1899-12-31', granularity: 'century' }],
    [1900, { value: '19', startDate: '1900-01-01', endDate: '1999-12-31', granularity: 'century' }],
    [2000, { value: '20', startDate: '2000-01-01', endDate: '2099-12-31', granularity: 'century' }],
  ])('%i -> %o', (firstYear, expected) => {
    expect(centuryValue(firstYear)).toEqual(expected);
  });
});

describe('shiftDay: days, weeks, months and years forward and back, a month end cut to a shorter month', () => {
  it.each<[string, number, CalendarUnit, { year: number; month: number; day: number }]>([
    ['2016-01-07', -1, 'day', { year: 2016, month: 1, day: 6 }],
    ['2016-01-01', -1, 'day', { year: 2015, month: 12, day: 31 }],
    ['2016-12-31', 1, 'day', { year: 2017, month: 1, day: 1 }],
    ['2016-02-28', 1, 'day', { year: 2016, month: 2, day: 29 }],
    ['2016-01-07', 2, 'week', { year: 2016, month: 1, day: 21 }],
    ['2016-01-07', -1, 'week', { year: 2015, month: 12, day: 31 }],
    ['2016-01-31', 1, 'month', { year: 2016, month: 2, day: 29 }],
    ['2015-01-31', 1, 'month', { year: 2015, month: 2, day: 28 }],
    ['2016-03-31', -1, 'month', { year: 2016, month: 2, day: 29 }],
    ['2016-01-15', -13, 'month', { year: 2014, month: 12, day: 15 }],
    ['2016-11-30', 2, 'month', { year: 2017, month: 1, day: 30 }],
    ['2016-01-07', 0, 'month', { year: 2016, month: 1, day: 7 }],
    ['2016-02-29', 1, 'year', { year: 2017, month: 2, day: 28 }],
    ['2015-08-31', -10, 'year', { year: 2005, month: 8, day: 31 }],
  ])('%s moved by %i %s -> %o', (iso, amount, unit, expected) => {
    expect(shiftDay(iso, amount, unit)).toEqual(expected);
  });
});

describe('weekdayOf: 0 for Sunday to 6 for Saturday, through a week of January 2016 and on a leap day', () => {
  it.each([
    ['2016-01-03', 0],
    ['2016-01-04', 1],
    ['2016-01-07', 4],
    ['2016-01-09', 6],
    ['2000-02-29', 2],
  ])('%s -> %i', (iso, expected) => {
    expect(weekdayOf(iso)).toBe(expected);
  });
});

describe('weekValue: every day from Monday to Sunday of one week, 53-week years, a year that starts on a Monday, a leap day', () => {
  it.each<[number, number, number, string, string, string]>([
    [2016, 1, 20, '2016-W03', '2016-01-18', '2016-01-24'],
    [2016, 1, 18, '2016-W03', '2016-01-18', '2016-01-24'],
    [2016, 1, 24, '2016-W03', '2016-01-18', '2016-01-24'],
    [2016, 1, 1, '2015-W53', '2015-12-28', '2016-01-03'],
    [2015, 12, 31, '2015-W53', '2015-12-28', '2016-01-03'],
    [2019, 12, 30, '2020-W01', '2019-12-30', '2020-01-05'],
    [2020, 12, 31, '2020-W53', '2020-12-28', '2021-01-03'],
    [2021, 1, 4, '2021-W01', '2021-01-04', '2021-01-10'],
    [2018, 1, 1, '2018-W01', '2018-01-01', '2018-01-07'],
    [2016, 2, 29, '2016-W09', '2016-02-29', '2016-03-06'],
  ])('%i-%i-%i is in %s', (year, month, day, value, startDate, endDate) => {
    expect(weekValue(year, month, day)).toEqual({ value, startDate, endDate, granularity: 'week' });
  });
});

describe('quarterValue and centuryValue', () => {
  it.each<[string, CalendarValue, CalendarValue]>([
    ['quarterValue(2019, 1)', quarterValue(2019, 1), { value: '2019-Q1', startDate: '2019-01-01', endDate: '2019-03-31', granularity: 'quarter' }],
    ['quarterValue(2019, 2)', quarterValue(2019, 2), { value: '2019-Q2', startDate: '2019-04-01', endDate: '2019-06-30', granularity: 'quarter' }],
    ['quarterValue(2019, 3)', quarterValue(2019, 3), { value: '2019-Q3', startDate: '2019-07-01', endDate: '2019-09-30', granularity: 'quarter' }],
    ['quarterValue(2019, 4)', quarterValue(2019, 4), { value: '2019-Q4', startDate: '2019-10-01', endDate: '2019-12-31', granularity: 'quarter' }],
    ['centuryValue(1800)', centuryValue(1800), { value: '18', startDate: '1800-01-01', endDate: '1899-12-31', granularity: 'century' }],
    ['centuryValue(1900)', centuryValue(1900), { value: '19', startDate: '1900-01-01', endDate: '1999-12-31', granularity: 'century' }],
    ['centuryValue(2000)', centuryValue(2000), { value: '20', startDate: '2000-01-01', endDate: '2099-12-31', granularity: 'century' }],
    ['centuryValue(1950)', centuryValue(1950), { value: '19', startDate: '1900-01-01', endDate: '1999-12-31', granularity: 'century' }],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('shiftDay: across month, year and leap-day boundaries, a leap day moved by one and four years, a shift of zero', () => {
  it.each<[string, number, CalendarUnit, { year: number; month: number; day: number }]>([
    ['2016-01-20', -1, 'day', { year: 2016, month: 1, day: 19 }],
    ['2016-01-01', -1, 'day', { year: 2015, month: 12, day: 31 }],
    ['2016-02-28', 1, 'day', { year: 2016, month: 2, day: 29 }],
    ['2015-02-28', 1, 'day', { year: 2015, month: 3, day: 1 }],
    ['2016-01-20', -2, 'week', { year: 2016, month: 1, day: 6 }],
    ['2016-12-28', 1, 'week', { year: 2017, month: 1, day: 4 }],
    ['2016-01-20', -1, 'month', { year: 2015, month: 12, day: 20 }],
    ['2016-03-31', -1, 'month', { year: 2016, month: 2, day: 29 }],
    ['2016-01-31', 1, 'month', { year: 2016, month: 2, day: 29 }],
    ['2016-11-15', 3, 'month', { year: 2017, month: 2, day: 15 }],
    ['2016-01-20', -10, 'year', { year: 2006, month: 1, day: 20 }],
    ['2016-02-29', 1, 'year', { year: 2017, month: 2, day: 28 }],
    ['2016-02-29', 4, 'year', { year: 2020, month: 2, day: 29 }],
    ['2016-01-20', 0, 'day', { year: 2016, month: 1, day: 20 }],
  ])('%s %+i %s', (iso, amount, unit, expected) => {
    expect(shiftDay(iso, amount, unit)).toEqual(expected);
  });
});

describe('weekdayOf: on either side of the 1999-2000 New Year and on a leap day', () => {
  it.each([
    ['2016-01-20', 3],
    ['2016-01-17', 0],
    ['2016-01-23', 6],
    ['2000-01-01', 6],
    ['1999-12-31', 5],
    ['2020-02-29', 6],
  ])('%s is weekday %i', (iso, expected) => {
    expect(weekdayOf(iso)).toBe(expected);
  });
});

describe('years 0-99', () => {
  it('keeps year 50 in week values and day shifts', () => {
    expect(weekValue(50, 1, 7).value).toBe('0050-W01');
    expect(shiftDay('0050-01-07', 1, 'day')).toEqual({ year: 50, month: 1, day: 8 });
  });
});
