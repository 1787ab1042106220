import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dependencyTree, installedVersion, packageVersion } from '../../src/run/package-versions.ts';
import { temporaryDirectory } from '../helpers/run.ts';

/**
 * An installed package `app` in `<project>/node_modules/app`: its dependency `own` nested in its own node_modules,
 * `hoisted` beside it, and `hoisted` depends on `own` too, at the version hoisted to the project, and on `gone`,
 * which is not installed.
 */
async function installedApp(): Promise<string> {
  const project = await temporaryDirectory();
  const app = path.join(project, 'node_modules', 'app');
  const files: Record<string, object> = {
    [path.join(app, 'package.json')]: { name: 'app', version: '3.0.0', dependencies: { own: '^1.0.0', hoisted: '^2.0.0' } },
    [path.join(app, 'node_modules', 'own', 'package.json')]: { name: 'own', version: '1.4.0', exports: { '.': './index.js' } },
    [path.join(project, 'node_modules', 'hoisted', 'package.json')]: {
      name: 'hoisted',
      version: '2.1.0',
      exports: './index.js',
      dependencies: { own: '^9.0.0', gone: '^1.0.0' },
    },
    [path.join(project, 'node_modules', 'own', 'package.json')]: { name: 'own', version: '9.9.9' },
  };
  for (const [file, json] of Object.entries(files)) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(json));
  }
  return app;
}

describe('installedVersion', () => {
  it('finds a dependency where require would, nested first, then hoisted, though it exports no package.json', async () => {
    const app = await installedApp();
    expect([await installedVersion('own', app), await installedVersion('hoisted', app)]).toEqual(['1.4.0', '2.1.0']);
  });

  it('is null for a package that is not installed', async () => {
    expect(await installedVersion('missing', await installedApp())).toBeNull();
  });
});

describe('dependencyTree', () => {
  it('lists every installed package down the tree, each version once, and the dependencies not installed', async () => {
    expect(await dependencyTree(await installedApp())).toEqual({
      installed: ['hoisted@2.1.0', 'own@1.4.0', 'own@9.9.9'],
      missing: ['gone (of hoisted)'],
    });
  });
});

describe('packageVersion', () => {
  it('reads the version of the package in a folder', async () => {
    expect(await packageVersion(await installedApp())).toBe('3.0.0');
  });
});
