import { daysInMonth, utcDate } from '../schemas/calendar-day.ts';
import type { DateGranularity } from '../schemas/index.ts';

/** A calendar value at a granularity, with the days it covers. */
export interface CalendarValue {
  value: string;
  startDate: string;
  endDate: string;
  granularity: DateGranularity;
}

const pad = (number: number, width = 2): string => String(number).padStart(width, '0');
const DAY_MILLISECONDS = 86_400_000;
const isoDay = (date: Date): string => `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** A day, "2016-01-07". */
export function dayValue(year: number, month: number, day: number): CalendarValue {
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { value: iso, startDate: iso, endDate: iso, granularity: 'day' };
}

/** A month, "2015-08". */
export function monthValue(year: number, month: number): CalendarValue {
  const prefix = `${pad(year, 4)}-${pad(month)}`;
  return { value: prefix, startDate: `${prefix}-01`, endDate: `${prefix}-${pad(daysInMonth(year, month))}`, granularity: 'month' };
}

/** A year, "2016". */
export function yearValue(year: number): CalendarValue {
  return { value: pad(year, 4), startDate: `${pad(year, 4)}-01-01`, endDate: `${pad(year, 4)}-12-31`, granularity: 'year' };
}

/** A decade from its first year, "1960s". */
export function decadeValue(firstYear: number): CalendarValue {
  return { value: `${pad(firstYear, 4)}s`, startDate: `${pad(firstYear, 4)}-01-01`, endDate: `${pad(firstYear + 9, 4)}-12-31`, granularity: 'decade' };
}

/** An ISO week ("2016-W01", Monday to Sunday) from any day inside it. */
export function weekValue(year: number, month: number, day: number): CalendarValue {
  const date = utcDate(year, month - 1, day);
  const weekday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(date.getTime() - weekday * DAY_MILLISECONDS);
  const sunday = new Date(monday.getTime() + 6 * DAY_MILLISECONDS);
  // The ISO week-numbering year is the year of the week's Thursday.
  const thursday = new Date(monday.getTime() + 3 * DAY_MILLISECONDS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utcDate(weekYear, 0, 1).getTime()) / DAY_MILLISECONDS / 7) + 1;
  return { value: `${pad(weekYear, 4)}-W${pad(week)}`, startDate: isoDay(monday), endDate: isoDay(sunday), granularity: 'week' };
}

/** A quarter (1-4), "2019-Q2". */
export function quarterValue(year: number, quarter: number): CalendarValue {
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    value: `${pad(year, 4)}-Q${quarter}`,
    startDate: monthValue(year, firstMonth).startDate,
    endDate: monthValue(year, firstMonth + 2).endDate,
    granularity: 'quarter',
  };
}

/** A century from its first year, in ISO 8601 reduced precision: the 19th century (1800-1899) is "18". */
export function centuryValue(firstYear: number): CalendarValue {
  const hundreds = Math.floor(firstYear / 100);
  return { value: pad(hundreds), startDate: `${pad(hundreds * 100, 4)}-01-01`, endDate: `${pad(hundreds * 100 + 99, 4)}-12-31`, granularity: 'century' };
}

/** A range between two values: ISO interval notation, covering both ends; granularity of the start. */
export function rangeValue(from: CalendarValue, to: CalendarValue): CalendarValue {
  return { value: `${from.value}/${to.value}`, startDate: from.startDate, endDate: to.endDate, granularity: from.granularity };
}

/** Parses YYYY-MM-DD into its parts (UTC). */
export function parseIsoDay(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** A calendar unit that dates can be moved by. */
export type CalendarUnit = 'day' | 'week' | 'month' | 'year';

/**
 * Moves a day (YYYY-MM-DD) by whole units; months and years keep the day of
 * the month where it exists and clamp it to the month's last day otherwise.
 */
export function shiftDay(iso: string, amount: number, unit: CalendarUnit): { year: number; month: number; day: number } {
  const { year, month, day } = parseIsoDay(iso);
  if (unit === 'day' || unit === 'week') {
    const date = new Date(utcDate(year, month - 1, day).getTime() + amount * (unit === 'week' ? 7 : 1) * DAY_MILLISECONDS);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const months = year * 12 + (month - 1) + amount * (unit === 'year' ? 12 : 1);
  const newYear = Math.floor(months / 12);
  const newMonth = (months % 12) + 1;
  return { year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) };
}

/** Day of the week of a day (YYYY-MM-DD): 0 for Sunday to 6 for Saturday, as Date.getUTCDay. */
export function weekdayOf(iso: string): number {
  const { year, month, day } = parseIsoDay(iso);
  return utcDate(year, month - 1, day).getUTCDay();
}
