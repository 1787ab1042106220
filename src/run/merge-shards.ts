import type { ResolvedConfig } from '../config.ts';
import { InputError } from '../input/discover.ts';
import { withOutputLock } from '../output/lock.ts';
import { STAGES } from '../stages/index.ts';
import { runClock } from './clock.ts';
import { PhaseTimes } from './phase-times.ts';
import { readResultIndex } from './result-index.ts';
import type { ProgressEvent, RunResult } from './run-result.ts';
import { stagesByKind } from './stage-list.ts';
import { writeResults } from './write-results.ts';

/**
 * Merges the outputs of shard runs into one set of tables, byte-identical to
 * a single run over all inputs: the results are taken from the shards'
 * caches in input order and the entities are linked corpus-wide again.
 */
export async function mergeShards(
  shardDirectories: readonly string[],
  config: ResolvedConfig,
  onProgress?: (event: ProgressEvent) => void,
): Promise<RunResult> {
  return withOutputLock(config.output, async (lock) => ({
    ...(await mergeLocked(shardDirectories, config, onProgress)),
    warnings: lock.warning === null ? [] : [lock.warning],
  }));
}

/** mergeShards under the lock of its output folder. */
async function mergeLocked(
  shardDirectories: readonly string[],
  config: ResolvedConfig,
  onProgress?: (event: ProgressEvent) => void,
): Promise<Omit<RunResult, 'warnings'>> {
  const clock = runClock();
  const startedAt = new Date();
  const phases = new PhaseTimes();
  const entries = (await Promise.all(shardDirectories.map(readResultIndex))).flat();
  entries.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const { corpus, sinks } = stagesByKind(STAGES);
  const linker = corpus.createLinker(config);
  for (const entry of entries) {
    const clusters = await phases.timeAsync('cache_read', () => entry.cache.clusters(entry.key));
    if (clusters === null) throw new InputError(`the cached result ${entry.key} of a shard is missing from ${entry.cache.directory}`);
    phases.time('link_entities', () => linker.add(clusters));
  }
  phases.time('link_entities', () => linker.finish());
  const facts = { startedAt, stageMilliseconds: {}, serializeMilliseconds: 0, phases, extracted: 0, cached: entries.length };
  const written = await writeResults(config, linker, entries, sinks, facts, onProgress);
  return { ...written, extracted: 0, cached: entries.length, ...clock(), upToDate: false, leftOut: [], inputBytes: 0, workerThreads: 0 };
}
