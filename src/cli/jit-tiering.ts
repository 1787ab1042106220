import { setFlagsFromString } from 'node:v8';

/**
 * V8's TurboFan interrupt budget for the `quarry` process: 8 times V8 11's default (67,584, which Node 20 ships).
 *
 * Measured on the 2-core dev machine (issue 20), the CPU a run spent outside its document stages went mostly to
 * TurboFan compiling on V8's background threads, not to GC: about 3 s of CPU per worker thread's isolate (each
 * compiles compromise and the stages on its own) and 1 s for the main thread at 400 news articles, some 1,100
 * compilations, 300 of them (half the compiling time) of a function deoptimized before (compromise's terms take
 * many shapes).
 * A function is optimized once it has used up its budget several times: a larger budget optimizes fewer, better
 * informed functions. Interleaved runs against V8's default, 8 rounds, medians [spread], news400 (400 documents):
 * V8's background threads' CPU 5.5 s -> 2.6 s with 1 worker, 7.4 -> 3.2 s with 2 (the worker threads' own CPU
 * +0.4 s and +0.2 s); process CPU 18.3 s [18.1-23.5] -> 16.3 [15.4-23.5] with 1 worker, 23.0 [22.0-30.3] -> 19.0
 * [18.1-21.1] with 2; wall 18.6 s -> 15.5 and 19.1 -> 15.9 (the machine shared, spreads of 10 s). At 1,600
 * documents (3 rounds, the flag given on the command line) the worker threads' own CPU grows a little more, code staying unoptimized longer: process
 * CPU 48.6 s [47.7-49.1] -> 46.3 [46.1-47.9] with 1 worker, 57.7 [54.0-58.2] -> 55.1 [53.0-58.0] with 2, peak RSS
 * unchanged. 16 times the default cut compiling further but slowed the worker threads more at 1,600 documents.
 *
 * A V8 flag holds for the whole process and cannot be given to a worker thread alone (Worker's execArgv refuses
 * it), so the CLI's own process sets it before any worker starts; the library API leaves its host's engine alone.
 * Only on V8 11, where it was measured: later V8s tier up by other counters and may not know the flag (V8 prints
 * an error for a flag it does not know).
 */
export const INTERRUPT_BUDGET = 8 * 67_584;

/** Sets the interrupt budget (see INTERRUPT_BUDGET) when the process runs V8 11 (Node 20). */
export function tuneJitTiering(v8Version: string = process.versions.v8): boolean {
  if (v8Version.split('.')[0] !== '11') return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
