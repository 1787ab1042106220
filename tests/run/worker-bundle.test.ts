import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { extractDocument, type ExtractOutcome, type ExtractTask } from '../../src/run/extract-document.ts';
import { pipelineFingerprint } from '../../src/run/fingerprint.ts';
import { LAYOUT } from '../../src/run/layout.ts';
import { builtBundle, bundleName, workerBundle, WorkerBundleError } from '../../src/run/worker-bundle.ts';
import { DOCUMENT_STAGES } from '../../src/stages/index.ts';
import { ROOT, temporaryDirectory } from '../helpers/run.ts';

/** Runs the bundle's default export on a task in a worker thread of its own, as the pool does. */
function extractInBundle(url: string, task: ExtractTask): Promise<ExtractOutcome> {
  const source = `const { parentPort, workerData } = require('node:worker_threads'); import(${JSON.stringify(url)}).then((bundle) => parentPort.postMessage(bundle.default(workerData)));`;
  return new Promise((resolve, reject) => new Worker(source, { eval: true, workerData: task }).once('message', resolve).once('error', reject));
}

async function sampleTask(): Promise<ExtractTask> {
  const text = await readFile(path.join(ROOT, 'data', 'raw', '000_0796cd7eea2f6637.txt'), 'utf8');
  return {
    document: {
      id: 'sample',
      source: 'sample.txt',
      origin: null,
      format: 'txt',
      sha256: createHash('sha256').update(text).digest('hex'),
      title: null,
      published: null,
      text,
      status: 'ok',
      error: null,
      warnings: [],
    },
    config: resolveConfig({ input: [ROOT] }),
  };
}

describe('workerBundle', () => {
  it('bundles the document stages into one file that extracts a document exactly as the source does', async () => {
    const directory = await temporaryDirectory();
    const bundle = await workerBundle(directory);
    const file = fileURLToPath(bundle.url);
    expect(file).toBe(path.join(directory, bundleName(await pipelineFingerprint(), LAYOUT.code)));
    const task = await sampleTask();
    const fromBundle = await extractInBundle(bundle.url, task);
    const fromSource = extractDocument(task, DOCUMENT_STAGES);
    // The gazetteers are read from data/gazetteers wherever the bundle lies: the place and the organisations are found.
    expect(fromBundle.clusters.map((cluster) => `${cluster.type}: ${cluster.name}`)).toEqual(
      expect.arrayContaining(['place: Beijing', 'organization: Chinese Communist Party', 'organization: Communist Youth League']),
    );
    expect(fromBundle.serialized).toBe(fromSource.serialized);
    expect(fromBundle.clusters).toEqual(fromSource.clusters);
  });

  it('reuses the bundle of the same code instead of making it again', async () => {
    const directory = await temporaryDirectory();
    const first = await workerBundle(directory);
    const aMinuteAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await utimes(fileURLToPath(first.url), aMinuteAgo, aMinuteAgo);
    const second = await workerBundle(directory);
    expect(second.url).toBe(first.url);
    expect((await stat(fileURLToPath(second.url))).mtimeMs).toBe(aMinuteAgo.getTime());
  });

  it('names a bundle after the code and the folder of its sources, so a moved checkout makes its own', () => {
    const name = bundleName('f'.repeat(64), '/home/a/quarry/src');
    expect(name).toMatch(/^worker-[0-9a-f]{20}\.mjs$/);
    expect(bundleName('f'.repeat(64), '/home/a/quarry/src')).toBe(name);
    expect(bundleName('f'.repeat(64), '/home/b/quarry/src')).not.toBe(name);
    expect(bundleName('e'.repeat(64), '/home/a/quarry/src')).not.toBe(name);
  });

  it('removes the bundles of older code once they are a day old, and keeps younger ones', async () => {
    const directory = await temporaryDirectory();
    const old = path.join(directory, 'worker-0000000000000000aaaa.mjs');
    const young = path.join(directory, 'worker-0000000000000000bbbb.mjs');
    const other = path.join(directory, 'notes.txt');
    for (const file of [old, young, other]) await writeFile(file, '');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    await utimes(other, twoDaysAgo, twoDaysAgo);
    await workerBundle(directory);
    expect([existsSync(old), existsSync(young), existsSync(other)]).toEqual([false, true, true]);
  });

  it('makes the bundle in a temporary folder for the run when its folder cannot be written, and removes it on release', async () => {
    const directory = await temporaryDirectory();
    const notAFolder = path.join(directory, 'file');
    await writeFile(notAFolder, '');
    const bundle = await workerBundle(path.join(notAFolder, 'cache'));
    const file = fileURLToPath(bundle.url);
    expect(path.dirname(path.dirname(file))).toBe(tmpdir());
    expect(path.basename(path.dirname(file))).toMatch(/^quarry-worker-/);
    const fromBundle = await extractInBundle(bundle.url, await sampleTask());
    expect(fromBundle.serialized).toBe(extractDocument(await sampleTask(), DOCUMENT_STAGES).serialized);
    await bundle.release();
    expect(existsSync(path.dirname(file))).toBe(false);
  });
});

describe('the worker bundle of the compiled package', () => {
  it('is the file the build wrote into dist/run', async () => {
    const dist = await temporaryDirectory();
    await mkdir(path.join(dist, 'run'));
    await writeFile(path.join(dist, 'run', 'worker.bundle.mjs'), '');
    const bundle = await builtBundle(dist);
    expect(fileURLToPath(bundle.url)).toBe(path.join(dist, 'run', 'worker.bundle.mjs'));
    await bundle.release();
    expect(existsSync(path.join(dist, 'run', 'worker.bundle.mjs'))).toBe(true);
  });

  it('is a WorkerBundleError that says to build when the build did not write it', async () => {
    const dist = await temporaryDirectory();
    const attempt = builtBundle(dist);
    await expect(attempt).rejects.toBeInstanceOf(WorkerBundleError);
    await expect(attempt).rejects.toThrow(
      `the compiled package has no worker bundle (${path.join(dist, 'run', 'worker.bundle.mjs')}): build it with npm run build, or run with --workers 0 to extract in the main thread`,
    );
  });
});
