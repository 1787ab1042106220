import { withOutputLock } from '../output/lock.ts';
import { readTables, writeReport } from '../report/index.ts';
import { ExitCode } from './errors.ts';

/** `quarry report`: rebuilds the review report of an output folder from its tables. */
export async function rebuildReport(outputDirectory: string): Promise<number> {
  // The lock keeps a run from replacing the tables while the report is read from them and written beside them.
  const index = await withOutputLock(outputDirectory, async () => writeReport(await readTables(outputDirectory), outputDirectory));
  process.stderr.write(`quarry: report in ${index}\n`);
  return ExitCode.ok;
}
