import type { TableName } from '../schemas/index.ts';

/**
 * Progress of a run, reported as each phase starts and after each document: `extracting` (extracted or found in
 * the cache), `writing` (its rows written to the tables and its report page), `report` (the corpus view of the
 * report, once the tables are in place).
 */
export interface ProgressEvent {
  phase: 'extracting' | 'writing' | 'report';
  /** Documents done in this phase. */
  done: number;
  /** Documents in this phase, counted before the first is read (1 for the report). */
  total: number;
  /** The document just done; '' when a phase starts. */
  document: string;
}

/** What a run produced. */
export interface RunResult {
  documents: { ok: number; failed: number; skipped: number };
  /** Rows written per table. */
  counts: Record<TableName, number>;
  /** The documents that failed or were skipped, with their reason. */
  problems: { source: string; status: string; error: string | null }[];
  /** Documents extracted in this run, and documents whose cached result was used. */
  extracted: number;
  cached: number;
  /** Words in the documents processed (whitespace-separated), for throughput. */
  words: number;
  milliseconds: number;
  /** CPU time of the whole process over the run: every thread counts (the workers, V8's compiler and garbage collector threads). */
  cpuMilliseconds: number;
  /** Problems with the run rather than a document (a stale lock of a killed run taken over). */
  warnings: string[];
  /** Nothing had changed since the run that wrote the output folder, so nothing was written (see upToDateSummary). */
  upToDate: boolean;
  /** Folders under the input folders left out because they hold a quarry output. */
  leftOut: string[];
  /** Bytes of the input files (0 for a merge). */
  inputBytes: number;
  /** Worker threads that extracted documents; 0 when they were extracted in the main thread or none was. */
  workerThreads: number;
}

/** What a run wrote, as its result index records it (so a run that finds nothing changed can report it without writing). */
export type WrittenSummary = Omit<
  RunResult,
  'extracted' | 'cached' | 'milliseconds' | 'cpuMilliseconds' | 'warnings' | 'upToDate' | 'leftOut' | 'inputBytes' | 'workerThreads'
>;
