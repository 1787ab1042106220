import { z } from 'zod';

/**
 * Stable codes for problems found in the data. A problem with one document
 * never stops the batch: it becomes a diagnostic on that document, written as
 * "CODE: message" in its row.
 */
export const MessageCode = {
  /** The file could not be read from disk. */
  LOAD_UNREADABLE: 'LOAD_UNREADABLE',
  /** The file is larger than load.maxFileBytes. */
  LOAD_TOO_LARGE: 'LOAD_TOO_LARGE',
  /** The file extension is not one of load.extensions. */
  LOAD_UNSUPPORTED: 'LOAD_UNSUPPORTED',
  /** The file or record has no text. */
  LOAD_EMPTY: 'LOAD_EMPTY',
  /** The file looks binary (NUL bytes without a UTF-16 byte-order mark). */
  LOAD_BINARY: 'LOAD_BINARY',
  /** The bytes are not valid UTF-8 and were decoded as Windows-1252. */
  LOAD_DECODE_FALLBACK: 'LOAD_DECODE_FALLBACK',
  /** A JSONL line is not a JSON object with a string `text`. */
  LOAD_BAD_JSONL_LINE: 'LOAD_BAD_JSONL_LINE',
  /** YAML front matter could not be parsed; the whole file is taken as text. */
  LOAD_BAD_FRONT_MATTER: 'LOAD_BAD_FRONT_MATTER',
  /** A `published` value is not a recognisable date; it is ignored. */
  LOAD_BAD_PUBLISHED: 'LOAD_BAD_PUBLISHED',
  /** Two inputs map to the same doc_id; the later one is renamed. */
  LOAD_DUPLICATE_ID: 'LOAD_DUPLICATE_ID',
  /** A symbolic link points back to a folder above it; it is reported, not followed. */
  LOAD_SYMLINK_LOOP: 'LOAD_SYMLINK_LOOP',
  /** A stage threw on this document; its rows are left out. */
  STAGE_FAILED: 'STAGE_FAILED',
  /** A row of this document did not pass its schema; the document's rows are left out. */
  ROW_INVALID: 'ROW_INVALID',
  /** A relative or year-less date had no reference date to resolve against. */
  DATE_UNRESOLVED: 'DATE_UNRESOLVED',
} as const;
export type MessageCode = (typeof MessageCode)[keyof typeof MessageCode];

/** An error fails (or skips) its document; a warning is kept beside a document that is still extracted. */
export const DiagnosticSeverity = z.enum(['error', 'warning']);
export type DiagnosticSeverity = z.infer<typeof DiagnosticSeverity>;

/**
 * A problem found in the data, kept as data until a row is written, where it
 * becomes "CODE: message" (src/diagnostics.ts renders it).
 */
export const Diagnostic = z.object({
  code: z.enum(MessageCode),
  severity: DiagnosticSeverity,
  source: z
    .string()
    .describe('The file or record it is about: a path relative to its input root (a folder for an unreadable folder), or a record source or document id'),
  line: z.number().int().positive().nullable().describe('The line of source it is about (a JSONL record), when known'),
  reason: z.string().describe('What is wrong and what to do about it, without the code'),
  // Messages from before diagnostics were data name their place in three ways, and the rendered text must stay as it was.
  prefixed: z
    .boolean()
    .describe(
      'Whether the message puts its place before the reason ("CODE: a.txt:3: reason"); false when the reason names it itself ("a.txt has no text") or it is only read on its document\'s row',
    ),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
