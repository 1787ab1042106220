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
 */
export const INTERRUPT_BUDGET = 8 * 67_584;

/**
 * How far V8 lets a heap grow past what its last full GC kept before it collects again: 50%, where V8 11 picks a
 * factor of up to 4 (300%) by itself when collecting is cheap against the work between.
 *
 * A worker thread keeps about 60 MB between documents (the tagger's lexicon, the entity model, the word caches) and
 * allocates fast while it works. With V8's own factor its heap went from 38 MB kept to 219 MB used before its next
 * full GC (336 MB committed), whatever the corpus, and a run's peak memory depended on how far into such a
 * stretch it ended: a run of 400 articles ended before the heap had grown that far, one of 1,600 did not. At 50%
 * the heaps are collected sooner and never grow that far. Interleaved runs on the 2-core dev machine (3 rounds),
 * peak RSS, V8's factor -> 50%: 1 worker, 400 news articles 472-477 MB -> 432-436 MB and 1,600 articles 599-623
 * MB -> 506-520 MB (1,600 against 400: 1.26-1.32 -> 1.17-1.20); 2 workers, 1,600 articles 915-957 MB -> 795-829
 * MB. Run time stayed within the shared machine's noise: 2 workers on 1,600 articles 36.9 s median (33.6-42.3, 6
 * runs) -> 37.9 s (33.7-40.1), 1 worker 47.0 s (45.1-50.9) -> 43.4 s (42.9-63.4). The cost, from V8's GC trace
 * (2 runs each, 2 workers, 400 articles): GC pauses 389-448 ms -> 515-552 ms per worker thread, about 1.5% of its 8 s
 * of CPU, and 341-355 ms -> 364-380 ms on the main thread. 100% kept more (1,600 articles: 542-561 MB with 1 worker,
 * 823-864 MB with 2).
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets V8's interrupt budget and heap growing factor (see above) when the process runs V8 11 (Node 20), where they
 * were measured: later V8s tier up by other counters and size their heaps by other rules, and may not know the flags
 * (V8 prints an error for a flag it does not know).
 *
 * A V8 flag holds for the whole process and cannot be given to a worker thread alone (Worker's execArgv refuses
 * it), so the CLI's own process sets them before any worker starts; the library API leaves its host's engine alone.
 */
export function tuneEngine(v8Version: string = process.versions.v8): boolean {
  if (v8Version.split('.')[0] !== '11') return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
