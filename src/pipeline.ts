import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ResolvedConfig } from './config.ts';
import { withOutputLock } from './output/lock.ts';
import { runClock } from './run/clock.ts';
import { extractionKey } from './run/extraction-key.ts';
import { firstPass } from './run/first-pass.ts';
import { PhaseTimes } from './run/phase-times.ts';
import { ResultCache } from './run/result-cache.ts';
import { removeResultIndex, upToDateSummary, writeResultIndex } from './run/result-index.ts';
import type { ProgressEvent, RunResult } from './run/run-result.ts';
import type { Shard } from './run/shard.ts';
import { stagesByKind, type StagesByKind } from './run/stage-list.ts';
import { writeResults } from './run/write-results.ts';
import type { Stage } from './stage.ts';
import { STAGES } from './stages/index.ts';

// The types of runPipeline's result and progress events, with it: the library API names them from here.
export type { ProgressEvent, RunResult } from './run/run-result.ts';

export interface RunOptions {
  /** Called after each document. */
  onProgress?: (event: ProgressEvent) => void;
  /** Ignore cached results: extract every document again. */
  fresh?: boolean;
  /** Process only this share of the inputs (by a hash of the document id). */
  shard?: Shard | null;
  /**
   * Run these stages instead of STAGES (tests run a part of the pipeline, or add a stage). Their document stages run
   * in the main thread whatever config.workers says: worker threads run a bundle of STAGES' document stages, not these.
   */
  stages?: readonly Stage[];
  /**
   * Write nothing when the output folder already holds what this run would write (see upToDateSummary). Defaults to
   * true with STAGES and false with `stages` given: the output folder does not record which stages wrote it, so it
   * cannot vouch for the output of others.
   */
  skipWhenUpToDate?: boolean;
}

/**
 * Runs the pipeline while holding the output folder's lock (a LockError when
 * another run holds it). First pass: documents stream from the source through
 * the document stages (in worker threads, or in the main thread as config.workers and the input size decide, see
 * workerCount) and each result goes to the cache
 * folder, while the entity linker keeps only the clusters; unchanged
 * documents are taken from the cache. Second pass: the results are read back
 * in input order, their entities resolved, and streamed to the sinks. A
 * document that fails is recorded and the batch goes on.
 */
export async function runPipeline(config: ResolvedConfig, options: RunOptions = {}): Promise<RunResult> {
  const stages = stagesByKind(options.stages ?? STAGES);
  return withOutputLock(config.output, async (lock) => ({
    ...(await extractAndWrite(config, options, stages)),
    warnings: lock.warning === null ? [] : [lock.warning],
  }));
}

/** The two passes of runPipeline, under the lock. */
async function extractAndWrite(config: ResolvedConfig, options: RunOptions, stages: StagesByKind): Promise<Omit<RunResult, 'warnings'>> {
  const startedAt = new Date();
  const clock = runClock();
  const phases = new PhaseTimes();
  const preparing = performance.now();
  const linker = stages.corpus.createLinker(config);
  const cache = new ResultCache(config.cacheDirectory ?? path.join(config.output, '.cache'));
  const key = await extractionKey(config);
  phases.addSince('prepare', preparing);

  // First pass: extract (or find in the cache) every document; only clusters stay in memory.
  const first = await firstPass(stages.source, stages.documentStages, linker, {
    config,
    // Stages given in the options run in the main thread (see RunOptions.stages).
    workers: options.stages === undefined ? config.workers : 0,
    cache,
    extractionKey: key,
    fresh: options.fresh === true,
    shard: options.shard ?? null,
    phases,
    onProgress: options.onProgress,
  });
  const { entries, extracted, cached } = first;
  const inputs = { leftOut: first.survey.leftOut, inputBytes: first.survey.bytes, workerThreads: first.workerThreads };
  // Every result came from the cache and the output folder holds the tables of these very results: they would be written again byte for byte.
  const skipWhenUpToDate = options.skipWhenUpToDate ?? options.stages === undefined;
  const unchanged = extracted === 0 && skipWhenUpToDate ? await upToDateSummary(config, cache.directory, entries) : null;
  if (unchanged !== null) return { ...unchanged, extracted, cached, ...clock(), upToDate: true, ...inputs };
  phases.time('link_entities', () => linker.finish());

  // Second pass: the results in input order, entities resolved, to the sinks; then the index that names them.
  await removeResultIndex(config.output);
  const facts = { startedAt, stageMilliseconds: first.stageMilliseconds, serializeMilliseconds: first.serializeMilliseconds, phases, extracted, cached };
  const written = await writeResults(
    config,
    linker,
    entries.map((entry) => ({ ...entry, cache })),
    stages.sinks,
    facts,
    options.onProgress,
  );
  await writeResultIndex(config, cache.directory, entries, written);
  await cache.prune(new Set(entries.map((entry) => entry.key)));
  return { ...written, extracted, cached, ...clock(), upToDate: false, ...inputs };
}
