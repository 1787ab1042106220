import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userErrorLine } from '../../src/cli/errors.ts';
import { computeFingerprint, fingerprintOf, FingerprintError, pipelineFingerprint } from '../../src/run/fingerprint.ts';
import { LAYOUT, type CodeLayout } from '../../src/run/layout.ts';
import { ROOT, temporaryDirectory } from '../helpers/run.ts';

/** A package folder with compiled code, gazetteers, a model, a dependency (that does not export its package.json) and a dependency of that. */
async function compiledPackage(): Promise<CodeLayout> {
  const root = await temporaryDirectory();
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies: { dep: '^1.2.0' } }),
    'node_modules/dep/package.json': JSON.stringify({ name: 'dep', version: '1.2.3', exports: { '.': './index.js' }, dependencies: { sub: '^2.0.0' } }),
    'node_modules/sub/package.json': JSON.stringify({ name: 'sub', version: '2.0.1' }),
    'dist/index.js': 'export {};\n',
    'data/gazetteers/places.csv': 'name,type\nParis,place\n',
    'data/models/entities.model': 'model',
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return { root, code: path.join(root, 'dist'), fromSources: false };
}

describe('the layout of the running code', () => {
  it('is the TypeScript sources under the tests', () => {
    expect(LAYOUT).toEqual({ root: ROOT, code: path.join(ROOT, 'src'), fromSources: true });
  });
});

describe('computeFingerprint', () => {
  it('hashes the files of the code, the gazetteers and the model with the versions of the installed dependency tree', async () => {
    // sha256 of "data/gazetteers/places.csv\0<its bytes>\0data/models/entities.model\0model\0dist/index.js\0export {};\n\0dep@1.2.3\0sub@2.0.1\0".
    expect(await computeFingerprint(await compiledPackage())).toEqual({
      fingerprint: 'd93f4cb3fb522e99dca2dc07165501db740c65a3fedb53faefa7ec2e8bab3e99',
      packages: ['dep@1.2.3', 'sub@2.0.1'],
    });
  });

  it('changes with the installed version of a dependency of a dependency', async () => {
    const layout = await compiledPackage();
    await writeFile(path.join(layout.root, 'node_modules', 'sub', 'package.json'), JSON.stringify({ name: 'sub', version: '2.0.2' }));
    const changed = await computeFingerprint(layout);
    expect(changed.packages).toEqual(['dep@1.2.3', 'sub@2.0.2']);
    expect(changed.fingerprint).not.toBe('d93f4cb3fb522e99dca2dc07165501db740c65a3fedb53faefa7ec2e8bab3e99');
  });

  it('is an error, never the hash of nothing, when a folder it covers is missing', async () => {
    const layout = await compiledPackage();
    await rm(path.join(layout.root, 'data', 'models'), { recursive: true });
    const attempt = computeFingerprint(layout);
    await expect(attempt).rejects.toBeInstanceOf(FingerprintError);
    await expect(attempt).rejects.toThrow(`cannot fingerprint the pipeline: ${path.join(layout.root, 'data', 'models')} is not a folder`);
  });

  it('is an error naming the dependencies that are not installed', async () => {
    const layout = await compiledPackage();
    await rm(path.join(layout.root, 'node_modules', 'sub'), { recursive: true });
    await expect(computeFingerprint(layout)).rejects.toThrow('cannot fingerprint the pipeline: dependencies not installed (npm ci): sub (of dep)');
    await rm(path.join(layout.root, 'node_modules'), { recursive: true });
    await expect(computeFingerprint(layout)).rejects.toThrow('cannot fingerprint the pipeline: dependencies not installed (npm ci): dep');
  });

  it('of the sources is the fingerprint a run uses', async () => {
    expect(await pipelineFingerprint()).toBe((await computeFingerprint(LAYOUT)).fingerprint);
  });
});

describe('the fingerprint of the compiled package', () => {
  it('is read from dist/fingerprint.json, not computed, with the versions of the packages installed now', async () => {
    const layout = await compiledPackage();
    // The data it would be computed from is gone: only the file the build wrote can give it.
    await rm(path.join(layout.root, 'data'), { recursive: true });
    await writeFile(path.join(layout.code, 'fingerprint.json'), JSON.stringify({ fingerprint: 'ab'.repeat(32), packages: ['dep@1.2.3', 'sub@2.0.1'] }));
    // sha256 of the built fingerprint, "\0", and the installed packages joined by "\0".
    expect(await fingerprintOf(layout)).toBe(
      createHash('sha256')
        .update(`${'ab'.repeat(32)}\0dep@1.2.3\0sub@2.0.1`)
        .digest('hex'),
    );
    // A user's install with another version of a dependency of a dependency: the cache must not serve the old results.
    await writeFile(path.join(layout.root, 'node_modules', 'sub', 'package.json'), JSON.stringify({ name: 'sub', version: '2.0.2' }));
    expect(await fingerprintOf(layout)).toBe(
      createHash('sha256')
        .update(`${'ab'.repeat(32)}\0dep@1.2.3\0sub@2.0.2`)
        .digest('hex'),
    );
  });

  it('is a clear error, one line for the CLI, when the build did not write it', async () => {
    const layout = await compiledPackage();
    const attempt = fingerprintOf(layout);
    await expect(attempt).rejects.toBeInstanceOf(FingerprintError);
    const message = `the compiled package has no pipeline fingerprint (${path.join(layout.code, 'fingerprint.json')}): build it with npm run build`;
    await expect(attempt).rejects.toThrow(message);
    expect(userErrorLine(await attempt.catch((error: unknown) => error))).toBe(message);
  });

  it('is an error when the file holds no fingerprint', async () => {
    const layout = await compiledPackage();
    await writeFile(path.join(layout.code, 'fingerprint.json'), '{"fingerprint": "stale"');
    await expect(fingerprintOf(layout)).rejects.toThrow(
      `${path.join(layout.code, 'fingerprint.json')} holds no pipeline fingerprint: build the package again with npm run build`,
    );
  });
});
