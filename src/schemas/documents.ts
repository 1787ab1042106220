import { z } from 'zod';
import { DocumentId, IsoDay } from './common.ts';

/** Input formats the load stage understands. */
export const DocumentFormat = z.enum(['txt', 'md', 'html', 'jsonl', 'unknown']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** What happened to an input. `skipped` inputs were deliberately not processed (e.g. unsupported type). */
export const DocumentStatus = z.enum(['ok', 'failed', 'skipped']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** One row per input document, including the ones that failed. */
export const DocumentRow = z.object({
  doc_id: DocumentId,
  source: z.string().describe('Input file path relative to the input root (JSONL records: path:line)'),
  origin: z.string().nullable().describe("The document's own `source` field (JSONL record or Markdown front matter): where it says it comes from"),
  format: DocumentFormat,
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('SHA-256 of the raw input bytes (JSONL records: of the line)'),
  chars: z.number().int().nonnegative().describe('Length of text in Unicode code points'),
  title: z.string().nullable(),
  published: IsoDay.nullable().describe('Publication date from front matter or the JSONL record'),
  reference_date: IsoDay.nullable().describe('The date relative and year-less dates were resolved against'),
  reference_source: z.enum(['published', 'text', 'config']).nullable().describe('Where reference_date came from'),
  passages: z.number().int().nonnegative(),
  status: DocumentStatus,
  error: z.string().nullable().describe('Why the document failed or was skipped: "CODE: message"'),
  warnings: z.array(z.string()).describe('Problems that did not stop the document: "CODE: message"'),
  text: z.string().describe('The exact text every offset points into (JSONL only; not in the CSV)'),
});
export type DocumentRow = z.infer<typeof DocumentRow>;
