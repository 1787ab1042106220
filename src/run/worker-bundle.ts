import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { writeAtomically } from '../output/write-atomically.ts';
import { pipelineFingerprint } from './fingerprint.ts';
import { LAYOUT, type CodeLayout } from './layout.ts';

/** The bundle `npm run build` writes into the compiled package, relative to `dist/`. */
export const BUILT_BUNDLE = path.join('run', 'worker.bundle.mjs');
/** From the sources, bundles are kept where build tools keep their caches (node_modules/.cache), one per pipeline fingerprint and source folder. */
const BUNDLE_CACHE = path.join(LAYOUT.root, 'node_modules', '.cache', 'quarry');
/** A bundle of an older version of the code is removed once it is this old (a run still using it has long started its threads). */
const STALE_MILLISECONDS = 24 * 60 * 60 * 1000;

/**
 * A bundle has one import.meta for all its modules. This gives each of our
 * modules its own back (its file URL and folder), so a module that finds its
 * data or its packages from where it lies (the gazetteers, compromise) does so
 * from the bundle as it does unbundled. The bundle of the sources (kept in a
 * cache folder) names the source files; the compiled package's bundle, which
 * moves with the package, finds them from its own URL.
 */
function ownImportMeta(layout: CodeLayout): Plugin {
  const bundleFolder = path.dirname(path.join(layout.code, BUILT_BUNDLE));
  const urlOf = (file: string): string =>
    layout.fromSources
      ? JSON.stringify(pathToFileURL(file).href)
      : `new URL(${JSON.stringify(path.relative(bundleFolder, file).split(path.sep).join('/'))}, import.meta.url).href`;
  const dirnameOf = (file: string): string =>
    layout.fromSources ? JSON.stringify(path.dirname(file)) : `dirnameInBundle(fileURLToPathInBundle(${urlOf(file)}))`;
  return {
    name: 'own-import-meta',
    setup(builder) {
      builder.onLoad({ filter: /\.[jt]s$/ }, async ({ path: file }) => {
        if (!file.startsWith(layout.code + path.sep)) return undefined;
        const text = await readFile(file, 'utf8');
        return {
          loader: file.endsWith('.ts') ? 'ts' : 'js',
          contents: text.replaceAll(/import\.meta\.(url|dirname)/g, (_, property: string) => (property === 'url' ? urlOf(file) : dirnameOf(file))),
        };
      });
    },
  };
}

/** CommonJS packages in an ES module bundle call require() for Node's own modules; our modules' import.meta.dirname needs the rest. */
const BUNDLE_BANNER = [
  "import { createRequire as createRequireInBundle } from 'node:module';",
  "import { dirname as dirnameInBundle } from 'node:path';",
  "import { fileURLToPath as fileURLToPathInBundle } from 'node:url';",
  'const require = createRequireInBundle(import.meta.url);',
].join(' ');

/** The worker threads' code could not be bundled: the install is broken (esbuild's binary), not a document. */
export class WorkerBundleError extends Error {
  override readonly name = 'WorkerBundleError';
}

/**
 * The worker's code (`run/worker.ts` of the sources, or `run/worker.js` of the compiled package) as one JavaScript
 * file: the stages and, from the sources, the libraries they use as installed now (compromise is loaded from its
 * package, as it is unbundled). The compiled package's bundle imports the libraries from the installed packages at
 * run time, as its main thread does: bundled at build time, it would carry the build machine's versions, and
 * `--workers 0` and `--workers N` could differ where a user's install resolves others.
 */
export async function bundleWorker(layout: CodeLayout): Promise<Uint8Array> {
  const built = await import('esbuild')
    .then(({ build }) =>
      build({
        entryPoints: [path.join(layout.code, 'run', layout.fromSources ? 'worker.ts' : 'worker.js')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        ...(layout.fromSources ? {} : { packages: 'external' as const }),
        // No `target`: the syntax stays as written (ES2023, which Node 20 runs). With a Node target esbuild rewrites every regular
        // expression with \p{...} into `new RegExp(...)`, built again at each call: 4.6x slower per test, in the hottest loops.
        write: false,
        plugins: [ownImportMeta(layout)],
        banner: { js: BUNDLE_BANNER },
        logLevel: 'silent',
      }),
    )
    .catch((error: Error) => {
      throw new WorkerBundleError(
        `could not bundle the worker threads' code with esbuild (${error.message.split('\n')[0]}). Reinstall with npm ci, or run with --workers 0 to extract in the main thread`,
      );
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
    const modified = await stat(full).then(
      (info) => info.mtimeMs,
      () => Number.POSITIVE_INFINITY,
    );
    if (Date.now() - modified > STALE_MILLISECONDS) await rm(full, { force: true });
  }
}

/** The bundle `npm run build` wrote into the compiled package in `code` (its dist/ folder). */
export async function builtBundle(code: string): Promise<WorkerBundle> {
  const file = path.join(code, BUILT_BUNDLE);
  await access(file).catch(() => {
    throw new WorkerBundleError(
      `the compiled package has no worker bundle (${file}): build it with npm run build, or run with --workers 0 to extract in the main thread`,
    );
  });
  return { url: pathToFileURL(file).href, release: async () => {} };
}

/**
 * The file name of the sources' bundle: the code's fingerprint and where the sources lie, since the bundle names
 * the source files by their absolute paths (ownImportMeta). A checkout moved or copied with its node_modules, or two
 * checkouts sharing one, would otherwise run a bundle that looks for compromise and the data beside sources that
 * are gone.
 */
export function bundleName(fingerprint: string, sources: string): string {
  return `worker-${createHash('sha256').update(`${fingerprint}\n${sources}`).digest('hex').slice(0, 20)}.mjs`;
}

/**
 * The worker threads' code, bundled by esbuild into one JavaScript file.
 * Running the TypeScript through tsx in every thread cost each thread its
 * own loader thread and about 1.3 s of CPU to start (measured against the
 * bundle: 1.6 s against 0.8 s from start to the first document done, and
 * 2.3 s of CPU against 1.0 s). The compiled package holds the bundle its
 * build made. From the sources, the bundle is made once per version of the
 * code (the pipeline fingerprint) and kept in `directory`; when that folder
 * cannot be written, it is made in a temporary folder for the run.
 */
export async function workerBundle(directory = BUNDLE_CACHE): Promise<WorkerBundle> {
  if (!LAYOUT.fromSources) return builtBundle(LAYOUT.code);
  const name = bundleName(await pipelineFingerprint(), LAYOUT.code);
  const cached = path.join(directory, name);
  const found = await access(cached).then(
    () => true,
    () => false,
  );
  if (found) return { url: pathToFileURL(cached).href, release: async () => {} };
  const contents = await bundleWorker(LAYOUT);
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
