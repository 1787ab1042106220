/**
 * The calendar arithmetic a day column's schema needs (is "2016-02-30" a
 * day?). It lives with the schemas so they depend on nothing above them;
 * the date code's values and shifts (src/text/calendar.ts) build on it.
 */

/**
 * A UTC date (month from 0; overflow rolls over). Unlike Date.UTC, years 0-99
 * stay years 0-99 (Date.UTC reads them as 1900-1999): the date is computed
 * 400 years later, a whole cycle of leap years and weekdays, and moved back.
 */
export function utcDate(year: number, month: number, day: number, hour = 0): Date {
  const date = new Date(Date.UTC(year + 400, month, day, hour));
  date.setUTCFullYear(date.getUTCFullYear() - 400);
  return date;
}

/** Days in a month (month 1-12), with leap years. */
export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

/** Whether year-month-day (month from 1) is a day of the calendar: no 2016-02-30, no month 13. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
