import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The version of package `name` as installed for the package in `root`: the package.json that Node's require
 * finds from there (in `root/node_modules`, or higher up where npm hoisted it). Read from require's search path
 * rather than required, as most packages do not export their package.json. Null when it is not installed.
 */
export async function installedVersion(name: string, root: string): Promise<string | null> {
  for (const folder of createRequire(path.join(root, 'package.json')).resolve.paths(name) ?? []) {
    const text = await readFile(path.join(folder, name, 'package.json'), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw error;
    });
    if (text !== null) return (JSON.parse(text) as { version: string }).version;
  }
  return null;
}

/** The version and the dependencies of the package in `root`, from its package.json. */
export async function ownPackage(root: string): Promise<{ version: string; dependencies: Record<string, string> }> {
  const { version, dependencies = {} } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  return { version, dependencies };
}
