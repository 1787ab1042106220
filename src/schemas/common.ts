import { z } from 'zod';
import { isCalendarDay } from './calendar-day.ts';

/** Identifier of a document: its input path relative to the input root, without extension. */
export const DocumentId = z.string().min(1).describe('Input path relative to the input root, without extension, or a JSONL record id');

/** A code point offset into the document text. */
export const Offset = z.number().int().nonnegative();

/** ISO 8601 calendar day (YYYY-MM-DD). */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO day YYYY-MM-DD')
  .refine((day) => isCalendarDay(...(day.split('-').map(Number) as [number, number, number])), 'not a day of the calendar');

/**
 * The columns every row with a span carries: it points into `documents.text`
 * by Unicode code point offsets, end exclusive, and `text` is that slice.
 */
export const SpanColumns = {
  doc_id: DocumentId,
  passage_id: z.string().min(1),
  text: z.string(),
  start: Offset.describe('Code point offset of the first character, into documents.text'),
  end: Offset.describe('Code point offset one past the last character (exclusive)'),
};

/** Reject a row whose end lies before its start. */
export const endNotBeforeStart = (row: { start: number; end: number }): boolean => row.end >= row.start;
