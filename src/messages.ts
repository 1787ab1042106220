/**
 * Stable codes for problems found in the data. A problem with one document
 * never stops the batch: it becomes a message on that document ("CODE: text").
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

/** Puts the file (and line) a message is about after its code: `CODE: where: text`, for messages made without knowing the file. */
export function messageAbout(message: string, where: string): string {
  const separator = message.indexOf(': ');
  return separator === -1 ? `${message}: ${where}` : `${message.slice(0, separator)}: ${where}: ${message.slice(separator + 2)}`;
}

/** Formats a message the way the documents table stores it. */
export function formatMessage(code: MessageCode, text: string): string {
  return `${code}: ${text}`;
}
