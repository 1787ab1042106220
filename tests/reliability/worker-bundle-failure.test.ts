import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { ROOT, temporaryDirectory } from '../helpers/run.ts';

type WorkerBundleModule = typeof import('../../src/run/worker-bundle.ts');

let runPipeline: typeof import('../../src/pipeline.ts')['runPipeline'];
let workerBundle: WorkerBundleModule['workerBundle'];
let WorkerBundleError: WorkerBundleModule['WorkerBundleError'];

// The e2e project shares loaded modules between files (isolate: false), so this file loads the pipeline afresh with
// its mocks in place, and drops the mocked modules when it ends, so that the files after it load the real ones again.
beforeAll(async () => {
  vi.resetModules();
  // An install whose esbuild binary is broken: every build fails.
  vi.doMock('esbuild', () => ({ build: () => Promise.reject(new Error('The service was stopped\nmore detail')) }));
  // Bundles go to a fresh folder, so the bundle is always made here (the shared cache folder may hold one that other tests made).
  vi.doMock(import('../../src/run/worker-bundle.ts'), async (importOriginal) => {
    const original = await importOriginal();
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    return { ...original, workerBundle: async () => original.workerBundle(await mkdtemp(join(tmpdir(), 'quarry-test-bundle-'))) };
  });
  ({ runPipeline } = await import('../../src/pipeline.ts'));
  ({ workerBundle, WorkerBundleError } = await import('../../src/run/worker-bundle.ts'));
});

afterAll(() => {
  vi.doUnmock('esbuild');
  vi.doUnmock('../../src/run/worker-bundle.ts');
  vi.resetModules();
});

describe('a worker bundle that cannot be made', () => {
  it('is a WorkerBundleError that says what to do', async () => {
    const attempt = workerBundle();
    await expect(attempt).rejects.toBeInstanceOf(WorkerBundleError);
    await expect(attempt).rejects.toThrow(
      "could not bundle the worker threads' code with esbuild (The service was stopped). Reinstall with npm ci, or run with --workers 0 to extract in the main thread",
    );
  });

  it('fails the run, not each document, and writes no tables', async () => {
    const output = await temporaryDirectory();
    const run = runPipeline(resolveConfig({ input: [path.join(ROOT, 'data', 'raw')], output, workers: 1, report: false }), { fresh: true });
    await expect(run).rejects.toBeInstanceOf(WorkerBundleError);
    expect(existsSync(path.join(output, 'documents.jsonl'))).toBe(false);
  });

  it('leaves a run with workers: 0 unaffected', async () => {
    const output = await temporaryDirectory();
    const result = await runPipeline(resolveConfig({ input: [path.join(ROOT, 'data', 'raw')], output, workers: 0, report: false }), { fresh: true });
    expect(result.documents).toEqual({ ok: 5, failed: 0, skipped: 0 });
  });
});
