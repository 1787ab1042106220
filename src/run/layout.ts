import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where quarry's code lies, and whether it is the TypeScript sources or the compiled package. */
export interface CodeLayout {
  /** The package's folder: the repository, or the package installed in node_modules. */
  root: string;
  /** The folder of the code that runs: `src/` or `dist/`. */
  code: string;
  /**
   * Whether the code runs from its TypeScript sources (`src/`: the tests, `node bin/quarry.mjs` in the repository),
   * which compute what the build would have written (the pipeline fingerprint, the worker bundle) when asked, or
   * from the compiled package (`dist/`, made by `npm run build`), which reads what the build wrote.
   */
  fromSources: boolean;
}

const THIS_FILE = fileURLToPath(import.meta.url);
const CODE = path.resolve(path.dirname(THIS_FILE), '..');

/**
 * The layout of the code running now, decided here once: this module is `src/run/layout.ts` in the sources and
 * `dist/run/layout.js` in the compiled package.
 */
export const LAYOUT: CodeLayout = { root: path.dirname(CODE), code: CODE, fromSources: THIS_FILE.endsWith('.ts') };
