import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnosticOn } from '../diagnostics.ts';
import { MessageCode, type Diagnostic } from '../schemas/index.ts';

/** A file found under an input root, or an entry that could not be read as one. */
export interface InputFile {
  absolutePath: string;
  /** Path relative to its input root, with forward slashes. */
  relativePath: string;
  /** The document id: the relative path without extension, made unique across the inputs. */
  id: string;
  /** Position in the input order (roots in order, paths sorted within a root). */
  order: number;
  /** Warnings found while listing (a renamed duplicate id). */
  warnings: Diagnostic[];
  /** Set when the entry cannot be read (a symlink loop, an unreadable folder): it becomes a failed document. */
  problem: Diagnostic | null;
}

/** An input root that does not exist: a usage error (CLI exit code 2). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** doc_id of a file: its path relative to the root without the extension. */
export function documentIdOf(relativePath: string): string {
  const extension = path.posix.extname(relativePath);
  return extension === '' || extension === relativePath ? relativePath : relativePath.slice(0, -extension.length);
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Found = Pick<InputFile, 'absolutePath' | 'relativePath' | 'problem'>;

/** The inputs of a run, and the folders under the input folders that were left out. */
export interface InputListing {
  files: InputFile[];
  /** Folders under an input folder holding a quarry output (an earlier run's tables): never read as input. */
  leftOut: string[];
}

/** Whether a folder holds the output of a quarry run: a manifest.json that quarry wrote. */
async function holdsQuarryOutput(folder: string): Promise<boolean> {
  const manifest = await readFile(path.join(folder, 'manifest.json'), 'utf8').catch(() => null);
  if (manifest === null) return false;
  try {
    return (JSON.parse(manifest) as { tool?: unknown } | null)?.tool === 'quarry';
  } catch {
    // Not JSON: someone else's manifest.json, an input like any other file.
    return false;
  }
}

/** A named pipe, socket or device is listed, not read: reading one could block forever or never end (/dev/zero). */
const notRegularFile = (relativePath: string): Diagnostic =>
  diagnosticOn(
    'error',
    MessageCode.LOAD_UNSUPPORTED,
    relativePath,
    `${relativePath} is not a regular file (a named pipe, socket or device); not read. Remove it from the input folder to silence this.`,
  );

/**
 * Walks a folder: hidden entries skipped, symbolic links followed, a link
 * back to a folder already on the path reported instead of followed forever,
 * entries that are not regular files (pipes, sockets, devices) reported.
 */
async function walk(
  root: string,
  folder: string,
  ancestors: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
  found: Found[],
  leftOut: string[],
): Promise<void> {
  const relative = (absolutePath: string): string => path.relative(root, absolutePath).split(path.sep).join('/');
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    found.push({
      absolutePath: folder,
      relativePath: relative(folder),
      problem: diagnosticOn(
        'error',
        MessageCode.LOAD_UNREADABLE,
        relative(folder),
        `folder ${relative(folder)} cannot be read (${(error as Error).message}); check its permissions`,
      ),
    });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const absolutePath = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(absolutePath).catch(() => null);
      if (target === null) {
        found.push({
          absolutePath,
          relativePath: relative(absolutePath),
          problem: diagnosticOn(
            'error',
            MessageCode.LOAD_UNREADABLE,
            relative(absolutePath),
            `${relative(absolutePath)} is a symbolic link to something that does not exist; fix or remove the link`,
          ),
        });
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDirectory) {
      const real = await realpath(absolutePath);
      // The run's own output folder under an input root: its tables are not inputs.
      if (excluded.has(real)) continue;
      if (ancestors.has(real)) {
        found.push({
          absolutePath,
          relativePath: relative(absolutePath),
          problem: diagnosticOn(
            'error',
            MessageCode.LOAD_SYMLINK_LOOP,
            relative(absolutePath),
            `${relative(absolutePath)} is a symbolic link back to a folder above it (a loop); not followed. Remove the link, or point it elsewhere`,
          ),
        });
        continue;
      }
      if (await holdsQuarryOutput(absolutePath)) {
        leftOut.push(absolutePath);
        continue;
      }
      await walk(root, absolutePath, new Set([...ancestors, real]), excluded, found, leftOut);
    } else found.push({ absolutePath, relativePath: relative(absolutePath), problem: isFile ? null : notRegularFile(relative(absolutePath)) });
  }
}

/**
 * Lists the inputs in a stable order (roots in order, paths sorted by code
 * units within a root) and gives each a unique document id: a second file
 * with the same stem keeps its extension in its id, with a warning. Folders
 * in `excludedFolders` (the run's output and cache) are never read, nor are
 * folders holding the output of another quarry run (listed as left out).
 */
export async function discoverInputs(roots: readonly string[], excludedFolders: readonly string[] = []): Promise<InputListing> {
  const files: InputFile[] = [];
  const leftOut: string[] = [];
  const taken = new Set<string>();
  const excluded = new Set(await Promise.all(excludedFolders.map((folder) => realpath(folder).catch(() => path.resolve(folder)))));
  for (const root of roots) {
    const absoluteRoot = path.resolve(root);
    const info = await stat(absoluteRoot).catch(() => null);
    if (info === null) throw new InputError(`input not found: ${root}`);
    const found: Found[] = [];
    const leftOutHere: string[] = [];
    if (info.isDirectory()) await walk(absoluteRoot, absoluteRoot, new Set([await realpath(absoluteRoot)]), excluded, found, leftOutHere);
    else
      found.push({
        absolutePath: absoluteRoot,
        relativePath: path.basename(absoluteRoot),
        problem: info.isFile() ? null : notRegularFile(path.basename(absoluteRoot)),
      });
    found.sort((a, b) => byCodeUnits(a.relativePath, b.relativePath));
    // Named as the input root was given (data/old-out, not /home/.../data/old-out).
    leftOut.push(...leftOutHere.sort(byCodeUnits).map((folder) => path.join(root, path.relative(absoluteRoot, folder))));
    for (const entry of found) {
      const warnings: Diagnostic[] = [];
      const natural = documentIdOf(entry.relativePath);
      let id = natural;
      if (taken.has(id)) {
        id = entry.relativePath;
        for (let counter = 2; taken.has(id); counter++) id = `${entry.relativePath}~${counter}`;
        warnings.push(
          diagnosticOn(
            'warning',
            MessageCode.LOAD_DUPLICATE_ID,
            entry.relativePath,
            `doc_id "${natural}" is already taken by another input; this one is "${id}"`,
          ),
        );
      }
      taken.add(id);
      files.push({ ...entry, id, order: files.length, warnings });
    }
  }
  return { files, leftOut };
}
