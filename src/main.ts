// The `quarry` command's process: it ends cleanly on Ctrl-C and on a closed pipe, runs the CLI on its arguments
// and exits with the CLI's code. bin/quarry.mjs runs it, from dist/ in the installed package.
import { tuneEngine } from './cli/engine-tuning.ts';
import { endCleanlyOnInterruptAndClosedPipe } from './cli/process-events.ts';

// Before any code runs hot or a worker thread starts: fewer TurboFan compilations, heaps kept smaller (see engine-tuning.ts).
tuneEngine();
endCleanlyOnInterruptAndClosedPipe();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
