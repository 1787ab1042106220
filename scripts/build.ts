// `npm run build`: compiles src/ into dist/ (ES modules, .d.ts and declaration maps, with tsc), then writes what
// the compiled package reads instead of computing at run time: the pipeline fingerprint (dist/fingerprint.json)
// and the worker threads' bundle (dist/run/worker.bundle.mjs).
import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { computeFingerprint, FINGERPRINT_FILE } from '../src/run/fingerprint.ts';
import type { CodeLayout } from '../src/run/layout.ts';
import { BUILT_BUNDLE, bundleWorker } from '../src/run/worker-bundle.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist: CodeLayout = { root, code: path.join(root, 'dist'), fromSources: false };

// A file left from an earlier build would be shipped and fingerprinted.
await rm(dist.code, { recursive: true, force: true });
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
// The fingerprint covers the compiled code as tsc wrote it: it is computed before the files below are added.
const fingerprint = await computeFingerprint(dist);
await writeFile(path.join(dist.code, BUILT_BUNDLE), await bundleWorker(dist));
await writeFile(path.join(dist.code, FINGERPRINT_FILE), `${JSON.stringify(fingerprint, null, 2)}\n`);
console.log(`quarry: built ${path.relative(process.cwd(), dist.code) || '.'} (pipeline fingerprint ${fingerprint.fingerprint.slice(0, 12)})`);
