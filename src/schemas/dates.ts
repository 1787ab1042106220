import { z } from 'zod';
import { IsoDay, SpanColumns, endNotBeforeStart } from './common.ts';

export const DateGranularity = z.enum(['day', 'week', 'month', 'quarter', 'year', 'decade', 'century']);
export type DateGranularity = z.infer<typeof DateGranularity>;

export const DateKind = z.enum(['date', 'range', 'relative']);
export type DateKind = z.infer<typeof DateKind>;

/** One row per temporal expression that places something on the calendar. */
export const DateRow = z
  .object({
    date_id: z.string().min(1).describe('<doc_id>#d<index>'),
    ...SpanColumns,
    value: z.string().min(1).describe('ISO 8601 at the expression granularity: 2016-01-07, 2015-08, 2016, 1960s, 1966/1976'),
    start_date: IsoDay.describe('First day the expression covers'),
    end_date: IsoDay.describe('Last day the expression covers'),
    granularity: DateGranularity,
    kind: DateKind,
    approximate: z.boolean().describe('True for "about", "around", "early" and the like'),
    reference_date: IsoDay.nullable().describe('The date a relative or year-less expression was resolved against'),
  })
  .refine(endNotBeforeStart, { message: 'end is before start', path: ['end'] })
  .refine((row) => row.start_date <= row.end_date, { message: 'start_date is after end_date', path: ['end_date'] });
export type DateRow = z.infer<typeof DateRow>;
