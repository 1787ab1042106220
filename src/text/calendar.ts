import type { DateGranularity } from '../schemas/index.ts';

/** A calendar value at a granularity, with the days it covers. */
export interface CalendarValue {
  value: string;
  startDate: string;
  endDate: string;
  granularity: DateGranularity;
}

const pad = (number: number, width = 2): string => String(number).padStart(width, '0');

/** Days in a month (month 1-12), with leap years. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dayValue(year: number, month: number, day: number): CalendarValue {
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { value: iso, startDate: iso, endDate: iso, granularity: 'day' };
}

export function monthValue(year: number, month: number): CalendarValue {
  const prefix = `${pad(year, 4)}-${pad(month)}`;
  return { value: prefix, startDate: `${prefix}-01`, endDate: `${prefix}-${pad(daysInMonth(year, month))}`, granularity: 'month' };
}

export function yearValue(year: number): CalendarValue {
  return { value: pad(year, 4), startDate: `${pad(year, 4)}-01-01`, endDate: `${pad(year, 4)}-12-31`, granularity: 'year' };
}

export function decadeValue(firstYear: number): CalendarValue {
  return { value: `${pad(firstYear, 4)}s`, startDate: `${pad(firstYear, 4)}-01-01`, endDate: `${pad(firstYear + 9, 4)}-12-31`, granularity: 'decade' };
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
