import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** What decides the output besides the input and the config: the code, its data files and the locked library versions. */
const FINGERPRINTED = ['src', 'data/gazetteers', 'data/models', 'package-lock.json'];

async function filesUnder(relative: string): Promise<string[]> {
  const absolute = path.join(ROOT, relative);
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries === null) return [relative];
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

let cached: Promise<string> | undefined;

/**
 * The pipeline version used in cache keys: a hash of the source code, the
 * gazetteers and the lockfile, so any change to what shapes the output
 * invalidates cached results (a version number would be forgotten).
 */
export function pipelineFingerprint(): Promise<string> {
  cached ??= (async () => {
    const files = (await Promise.all(FINGERPRINTED.map(filesUnder))).flat().sort();
    const hash = createHash('sha256');
    for (const file of files) {
      hash.update(file.split(path.sep).join('/')).update('\0');
      hash.update(await readFile(path.join(ROOT, file))).update('\0');
    }
    return hash.digest('hex');
  })();
  return cached;
}
