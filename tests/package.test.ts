import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run.ts';

const execFileAsync = promisify(execFile);

/** The files `npm pack` would put in the tarball as the tree stands (without building: dist/ may be absent). */
async function packedFiles(): Promise<string[]> {
  const { stdout } = await execFileAsync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
  return (JSON.parse(stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path).sort() ?? [];
}

describe('the package', () => {
  it('points its exports, types and bin at the compiled code', async () => {
    const packageJson = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect([packageJson.type, packageJson.private, packageJson.bin, packageJson.exports]).toEqual([
      'module',
      undefined,
      { quarry: 'bin/quarry.mjs' },
      { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
    ]);
    expect(packageJson.files).toEqual(['dist', 'data/gazetteers', 'data/models', 'README.md', 'LICENSE']);
  });

  it('packs the compiled code, the gazetteers, the model, the bin, the README and the licence, and nothing else', async () => {
    const files = await packedFiles();
    const outsideDist = files.filter((file) => !file.startsWith('dist/'));
    expect(outsideDist).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'bin/quarry.mjs', 'data/gazetteers/places.csv', 'data/models/entities.model', 'package.json']),
    );
    expect(outsideDist.filter((file) => !/^(LICENSE|README\.md|package\.json|bin\/quarry\.mjs|data\/(gazetteers|models)\/[^/]+)$/.test(file))).toEqual([]);
  });
});
