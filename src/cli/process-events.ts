import { releaseHeldLocksSync } from '../output/lock.ts';
import { ExitCode } from './errors.ts';

/** Shows the terminal cursor again (a progress bar hides it while it draws). */
const SHOW_CURSOR = '\u001b[?25h';

/**
 * Makes the `quarry` process end cleanly when it is interrupted or its reader goes away:
 * - Ctrl-C (SIGINT): the cursor is shown again, "interrupted" is printed, the output folder's lock is released
 *   (the unfinished staging files are removed by the next run) and the process exits with 130;
 * - a closed pipe (`quarry help extract | head -3`): writing stops and the process exits with 0, without a stack
 *   trace (and with the exit code set so far), as a reader that has what it wants asks for nothing more.
 */
export function endCleanlyOnInterruptAndClosedPipe(): void {
  process.once('SIGINT', () => {
    const cursor = process.stderr.isTTY === true ? SHOW_CURSOR : '';
    process.stderr.write(`${cursor}\nquarry: interrupted\n`);
    releaseHeldLocksSync();
    process.exit(ExitCode.interrupted);
  });
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      releaseHeldLocksSync();
      process.exit(process.exitCode ?? ExitCode.ok);
    });
  }
}
