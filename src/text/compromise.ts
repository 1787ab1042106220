import { createRequire } from 'node:module';
import type compromise from 'compromise';

/**
 * compromise, loaded from its one-file CommonJS build rather than its ES
 * module source tree (about 400 files): every worker thread loads it afresh,
 * and the build loads in about a third of the time (170 ms against 450 ms
 * here). It is the same release; every module of ours imports compromise
 * from here, so the process has one compromise and one set of plugins.
 */
const nlp = createRequire(import.meta.url)('compromise') as typeof compromise;

export default nlp;
