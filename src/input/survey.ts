import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import type { InputFile, InputListing } from './discover.ts';

/** What the inputs of a run hold, known before any is read: for the progress total, the workers and the summary. */
export interface InputSurvey {
  /** Documents the inputs make: one per file, one per non-blank line of a JSONL file. */
  documents: number;
  /** Bytes of the input files. */
  bytes: number;
  /** Folders under an input folder left out because they hold a quarry output. */
  leftOut: string[];
}

const NEWLINE = 0x0a;
/** Bytes that leave a line blank: space, tab, CR. */
const BLANK = new Set([0x20, 0x09, 0x0d]);

/** Non-blank lines of a file, read as a stream: the records of a JSONL file. */
async function nonBlankLines(file: string): Promise<number> {
  let lines = 0;
  let content = false;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) {
      if (byte === NEWLINE) {
        if (content) lines++;
        content = false;
      } else if (!BLANK.has(byte)) content = true;
    }
  }
  return content ? lines + 1 : lines;
}

/**
 * Counts the documents and bytes of the listed inputs (reading `concurrency` files at once): a JSONL file read as
 * records (`readsRecords`) makes one document per non-blank line, or one skipped document when it has none; any
 * other file, or one that cannot be read, makes one.
 */
export async function surveyInputs(listing: InputListing, readsRecords: (file: InputFile) => boolean, concurrency: number): Promise<InputSurvey> {
  const limit = pLimit(concurrency);
  const counted = await Promise.all(
    listing.files.map((file) =>
      limit(async () => {
        const size = file.problem === null ? ((await stat(file.absolutePath).catch(() => null))?.size ?? 0) : 0;
        const documents = readsRecords(file) ? Math.max(1, await nonBlankLines(file.absolutePath).catch(() => 1)) : 1;
        return { size, documents };
      }),
    ),
  );
  return {
    documents: counted.reduce((sum, file) => sum + file.documents, 0),
    bytes: counted.reduce((sum, file) => sum + file.size, 0),
    leftOut: listing.leftOut,
  };
}
