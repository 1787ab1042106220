import { createRequire } from 'node:module';
import type compromise from 'compromise';

let loaded: typeof compromise | undefined;

/**
 * compromise, loaded at its first use from its one-file CommonJS build
 * rather than its ES module source tree (about 400 files): every worker
 * thread loads it afresh, and the build loads in about a third of the time
 * (170 ms against 450 ms here). At its first use, not when a module imports
 * this one: a run's main thread, when worker threads extract, imports the
 * stages but tags nothing, and loading compromise there cost every such run
 * (a re-run of an unchanged corpus included) about 0.4 s. It is the same
 * release; every module of ours gets compromise from here, so the process
 * has one compromise and one set of plugins.
 */
export function loadCompromise(): typeof compromise {
  loaded ??= createRequire(import.meta.url)('compromise') as typeof compromise;
  return loaded;
}
