import { access, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { writeAtomically } from '../output/write-atomically.ts';
import { pipelineFingerprint } from './fingerprint.ts';

const SOURCE = path.resolve(import.meta.dirname, '..');
const ENTRY = path.join(SOURCE, 'run', 'worker.ts');
/** Bundles are kept where build tools keep their caches (node_modules/.cache), one per pipeline fingerprint. */
const BUNDLE_DIRECTORY = path.resolve(SOURCE, '..', 'node_modules', '.cache', 'quarry');
/** A bundle of an older version of the code is removed once it is this old (a run still using it has long started its threads). */
const STALE_MILLISECONDS = 24 * 60 * 60 * 1000;

/**
 * A bundle has one import.meta for all its modules. This gives each of our
 * source files its own back (its file URL and folder), so a module that
 * finds its data or its packages from where it lies (the gazetteers,
 * compromise) does so from the bundle as it does from the source.
 */
const ownImportMeta: Plugin = {
  name: 'own-import-meta',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      if (!file.startsWith(SOURCE + path.sep)) return undefined;
      const text = await readFile(file, 'utf8');
      return {
        loader: 'ts',
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href)).replaceAll('import.meta.dirname', JSON.stringify(path.dirname(file))),
      };
    });
  },
};

/** CommonJS packages in an ES module bundle call require() for Node's own modules. */
const REQUIRE_IN_BUNDLE = "import { createRequire as createRequireInBundle } from 'node:module'; const require = createRequireInBundle(import.meta.url);";

/** The worker threads' code could not be bundled: the install is broken (esbuild's binary), not a document. */
export class WorkerBundleError extends Error {
  override readonly name = 'WorkerBundleError';
}

/** The worker's code as one JavaScript file: the stages and the libraries they use (compromise is loaded from its package, as it is from source). */
async function bundleSource(): Promise<Uint8Array> {
  const built = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // No `target`: the bundle runs on the Node that made it. With a Node target esbuild rewrites every regular
    // expression with \p{...} into `new RegExp(...)`, built again at each call: 4.6x slower per test, in the hottest loops.
    write: false,
    plugins: [ownImportMeta],
    banner: { js: REQUIRE_IN_BUNDLE },
    logLevel: 'silent',
  }).catch((error: Error) => {
    throw new WorkerBundleError(`could not bundle the worker threads' code with esbuild (${error.message.split('\n')[0]}). Reinstall with npm ci, or run with --workers 0 to extract in the main thread`);
  });
  return (built.outputFiles[0] as { contents: Uint8Array }).contents;
}

/** A bundled worker file, and how to let it go after the run. */
export interface WorkerBundle {
  /** The file URL of the bundle, for the worker pool. */
  url: string;
  /** Removes the bundle when it was made for this run only (the cache folder could not be written). */
  release(): Promise<void>;
}

/** Removes the bundles of older versions of the code (best effort: another run may be removing them too). */
async function removeStaleBundles(directory: string, keep: string): Promise<void> {
  const files = await readdir(directory).catch(() => [] as string[]);
  for (const file of files) {
    if (file === keep || !file.startsWith('worker-')) continue;
    const full = path.join(directory, file);
    const modified = await stat(full).then((info) => info.mtimeMs, () => Number.POSITIVE_INFINITY);
    if (Date.now() - modified > STALE_MILLISECONDS) await rm(full, { force: true });
  }
}

/**
 * The worker threads' code, bundled by esbuild into one JavaScript file.
 * Running the TypeScript through tsx in every thread cost each thread its
 * own loader thread and about 1.3 s of CPU to start (measured against the
 * bundle: 1.6 s against 0.8 s from start to the first document done, and
 * 2.3 s of CPU against 1.0 s). The bundle is made once per version of the
 * code (the pipeline fingerprint) and kept in `directory`; when that folder
 * cannot be written, it is made in a temporary folder for the run.
 */
export async function workerBundle(directory = BUNDLE_DIRECTORY): Promise<WorkerBundle> {
  const name = `worker-${(await pipelineFingerprint()).slice(0, 20)}.mjs`;
  const cached = path.join(directory, name);
  const found = await access(cached).then(() => true, () => false);
  if (found) return { url: pathToFileURL(cached).href, release: async () => {} };
  const contents = await bundleSource();
  try {
    await mkdir(directory, { recursive: true });
    await writeAtomically(cached, contents);
    await removeStaleBundles(directory, name);
    return { url: pathToFileURL(cached).href, release: async () => {} };
  } catch {
    const folder = await mkdtemp(path.join(tmpdir(), 'quarry-worker-'));
    const file = path.join(folder, name);
    await writeFile(file, contents);
    return { url: pathToFileURL(file).href, release: () => rm(folder, { recursive: true, force: true }) };
  }
}
