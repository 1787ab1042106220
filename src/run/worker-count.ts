import { availableParallelism } from 'node:os';

/**
 * Input bytes from which `workers: 'auto'` starts worker threads. Below it, starting them (bundling their code,
 * each thread loading compromise and the model, V8 compiling the hot code again) costs more than they save.
 * Measured with scripts/bench-workers.sh on the 2-core dev machine, shared (load average 4 to 6), main thread
 * against 2 threads, wall time: 9 kB 3.1 s / 4.7 s; 85 kB 3.9 / 4.4; 300 kB 5.8 / 16.0; 415 kB 10.7 / 16.4;
 * 1.24 MB 22.6 / 23.7 (break-even); on the same machine idle, 2 threads were 1.24x as fast as 1 on 3.2 MB
 * (npm run bench). 1 MB keeps small and medium corpora off threads that would slow them down.
 */
export const AUTO_WORKERS_MIN_BYTES = 1_000_000;

/**
 * How many worker threads extract the documents: the number set, or with 'auto' none (the main thread) for inputs
 * under AUTO_WORKERS_MIN_BYTES or a machine with one core, else one per core.
 */
export function workerCount(setting: number | 'auto', inputBytes: number, cores = availableParallelism()): number {
  if (setting !== 'auto') return setting;
  return inputBytes < AUTO_WORKERS_MIN_BYTES || cores < 2 ? 0 : cores;
}
