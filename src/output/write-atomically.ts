import { rename, writeFile } from 'node:fs/promises';

/**
 * Writes a file under a temporary name of this process's own and renames it
 * into place, so a reader (or another run writing the same file) never sees
 * half of it.
 */
export async function writeAtomically(file: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}
