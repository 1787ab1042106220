import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { STAGE_OPTIONS } from '../stages/options/index.ts';
import { LAYOUT, type CodeLayout } from './layout.ts';
import { dependencyTree } from './package-versions.ts';

/** The data files that shape the output besides the code, in the package's folder: the folders the stages declare. */
const DATA = [...new Set(STAGE_OPTIONS.flatMap((options) => options.packageData))];
/** The file in which `npm run build` writes the fingerprint of the compiled package, in `dist/`. */
export const FINGERPRINT_FILE = 'fingerprint.json';

/** The pipeline fingerprint cannot be had: a folder it covers or a dependency is missing, or the build's file is. */
export class FingerprintError extends Error {
  override readonly name = 'FingerprintError';
}

/** A fingerprint and the installed packages it covers, as `npm run build` writes them. */
export interface Fingerprint {
  fingerprint: string;
  /** Every package installed for quarry, down the dependency tree, as `name@version`. */
  packages: string[];
}

/** The files under a folder of the package, relative to its root; a missing folder is an error, never nothing. */
async function filesUnder(root: string, folder: string): Promise<string[]> {
  const absolute = path.join(root, folder);
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new FingerprintError(`cannot fingerprint the pipeline: ${absolute} is not a folder`);
    throw error;
  });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/**
 * Computes the fingerprint of the code in `layout.code` (every file there), the gazetteers, the entity model and
 * the versions of the packages installed for quarry, down the dependency tree (which the stages run, and the
 * worker bundle holds).
 */
export async function computeFingerprint(layout: CodeLayout): Promise<Fingerprint> {
  const folders = [path.relative(layout.root, layout.code), ...DATA];
  const files = (await Promise.all(folders.map((folder) => filesUnder(layout.root, folder)))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.split(path.sep).join('/')).update('\0');
    hash.update(await readFile(path.join(layout.root, file))).update('\0');
  }
  const packages = await dependencyTree(layout.root);
  if (packages.missing.length > 0) {
    throw new FingerprintError(`cannot fingerprint the pipeline: dependencies not installed (npm ci): ${packages.missing.join(', ')}`);
  }
  for (const installed of packages.installed) hash.update(installed).update('\0');
  return { fingerprint: hash.digest('hex'), packages: packages.installed };
}

/** The fingerprint `npm run build` wrote into the compiled package. */
async function builtFingerprint(layout: CodeLayout): Promise<string> {
  const file = path.join(layout.code, FINGERPRINT_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new FingerprintError(`the compiled package has no pipeline fingerprint (${file}): build it with npm run build`);
    throw error;
  });
  let fingerprint: unknown;
  try {
    fingerprint = (JSON.parse(text) as Partial<Fingerprint>).fingerprint;
  } catch {
    fingerprint = undefined;
  }
  if (typeof fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(fingerprint)) {
    throw new FingerprintError(`${file} holds no pipeline fingerprint: build the package again with npm run build`);
  }
  return fingerprint;
}

/**
 * The fingerprint of the code in `layout`: computed from the sources; for the compiled package, the one its build
 * wrote with the versions of the packages installed now (a user's install may resolve other versions than the build
 * machine's, and the stages run those).
 */
export async function fingerprintOf(layout: CodeLayout): Promise<string> {
  if (layout.fromSources) return (await computeFingerprint(layout)).fingerprint;
  const [built, packages] = await Promise.all([builtFingerprint(layout), dependencyTree(layout.root)]);
  if (packages.missing.length > 0) throw new FingerprintError(`cannot fingerprint the pipeline: dependencies not installed: ${packages.missing.join(', ')}`);
  return createHash('sha256').update(built).update('\0').update(packages.installed.join('\0')).digest('hex');
}

let cached: Promise<string> | undefined;

/**
 * The pipeline version used in cache keys: a hash of the code, the gazetteers, the entity model and the
 * installed packages' versions, so any change to what shapes the output invalidates cached results (a version number
 * would be forgotten). The compiled package reads the one its build computed.
 */
export function pipelineFingerprint(): Promise<string> {
  cached ??= fingerprintOf(LAYOUT);
  return cached;
}
