import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The input that names standard input. */
export const STDIN_INPUT = '-';

/** The name standard input is read under: its records are `stdin:<line>` (with no `id`), their source `stdin.jsonl:<line>`. */
const STDIN_FILE = 'stdin.jsonl';

/**
 * Copies JSONL documents from a stream (standard input) into a file of their own in a fresh temporary folder, so
 * that they are read like any JSONL input (counted, then read line by line); `remove` deletes the folder.
 */
export async function stdinAsFile(stream: Readable): Promise<{ file: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'quarry-stdin-'));
  const file = path.join(folder, STDIN_FILE);
  try {
    await pipeline(stream, createWriteStream(file));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { file, remove: () => rm(folder, { recursive: true, force: true }) };
}
