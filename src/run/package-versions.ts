import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

interface PackageJson {
  name?: string;
  version: string;
  dependencies?: Record<string, string>;
}

const readPackageJson = async (folder: string): Promise<PackageJson | null> => {
  const text = await readFile(path.join(folder, 'package.json'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
  return text === null ? null : (JSON.parse(text) as PackageJson);
};

/**
 * Package `name` as installed for the package in `folder`: the folder, and its package.json, that Node's require
 * finds from there (in `folder/node_modules`, or higher up where npm hoisted it). Looked up along require's search
 * path rather than required, as most packages do not export their package.json.
 */
async function installed(name: string, folder: string): Promise<{ folder: string; packageJson: PackageJson } | null> {
  for (const modules of createRequire(path.join(folder, 'package.json')).resolve.paths(name) ?? []) {
    const packageJson = await readPackageJson(path.join(modules, name));
    if (packageJson !== null) return { folder: path.join(modules, name), packageJson };
  }
  return null;
}

/** The version of package `name` as installed for the package in `root`; null when it is not installed. */
export async function installedVersion(name: string, root: string): Promise<string | null> {
  return (await installed(name, root))?.packageJson.version ?? null;
}

/** The version of the package in `folder`, from its package.json. */
export async function packageVersion(folder: string): Promise<string> {
  const packageJson = await readPackageJson(folder);
  if (packageJson === null) throw new Error(`no package.json in ${folder}`);
  return packageJson.version;
}

/**
 * The packages installed for the package in `root`: its dependencies, theirs and so on down the tree, each as
 * `name@version` (sorted, once each); and the dependencies that are not installed, as `name (of parent)`.
 */
export async function dependencyTree(root: string): Promise<{ installed: string[]; missing: string[] }> {
  const found = new Set<string>();
  const missing: string[] = [];
  const visited = new Set<string>([root]);
  const queue = [root];
  for (let folder = queue.shift(); folder !== undefined; folder = queue.shift()) {
    const packageJson = await readPackageJson(folder);
    for (const name of Object.keys(packageJson?.dependencies ?? {}).sort()) {
      const dependency = await installed(name, folder);
      if (dependency === null) {
        missing.push(folder === root ? name : `${name} (of ${packageJson?.name ?? folder})`);
        continue;
      }
      found.add(`${name}@${dependency.packageJson.version}`);
      if (!visited.has(dependency.folder)) {
        visited.add(dependency.folder);
        queue.push(dependency.folder);
      }
    }
  }
  return { installed: [...found].sort(), missing };
}
