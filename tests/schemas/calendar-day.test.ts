import { describe, expect, it } from 'vitest';
import { daysInMonth, isCalendarDay, utcDate } from '../../src/schemas/calendar-day.ts';

describe('daysInMonth', () => {
  it.each([
    [2016, 1, 31],
    [2016, 2, 29],
    [2015, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2100, 2, 28],
    [2016, 4, 30],
    [2016, 6, 30],
    [2016, 9, 30],
    [2016, 11, 30],
    [2016, 12, 31],
    [1966, 7, 31],
    [0, 2, 29],
    [4, 2, 29],
    [50, 2, 28],
  ])('%i-%i has %i days', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe('utcDate', () => {
  it('keeps years 0-99 (Date.UTC would read 50 as 1950) and rolls an overflowing day into the next month', () => {
    expect(utcDate(50, 0, 7).toISOString()).toBe('0050-01-07T00:00:00.000Z');
    expect(utcDate(2016, 1, 30, 12).toISOString()).toBe('2016-03-01T12:00:00.000Z');
  });
});

describe('isCalendarDay', () => {
  it.each([
    [2016, 2, 29, true],
    [2015, 2, 29, false],
    [2016, 13, 1, false],
    [2016, 0, 10, false],
    [2016, 4, 31, false],
    [2016, 12, 31, true],
    [0, 2, 29, true],
    [2016, 1, 0, false],
  ])('%i-%i-%i -> %s', (year, month, day, expected) => {
    expect(isCalendarDay(year, month, day)).toBe(expected);
  });
});
