import type { ResolvedConfig } from '../config.ts';
import type { TableName } from '../schemas/index.ts';
import { LAYOUT } from './layout.ts';
import { installedVersion, packageVersion } from './package-versions.ts';
import type { PhaseTimes } from './phase-times.ts';

/** Versions of quarry and of the packages that shape the output, as installed (null for one that is not). */
async function packageVersions(): Promise<Record<string, string | null>> {
  const names = ['compromise', 'chrono-node', 'zod', 'csv-stringify', 'htmlparser2', 'yaml'];
  const versions = await Promise.all(names.map(async (name) => [name, await installedVersion(name, LAYOUT.root)] as const));
  return { quarry: await packageVersion(LAYOUT.root), ...Object.fromEntries(versions) };
}

export interface ManifestFacts {
  config: ResolvedConfig;
  inputs: { doc_id: string; source: string; sha256: string; status: string }[];
  documents: Record<'ok' | 'failed' | 'skipped', number>;
  counts: Record<TableName, number>;
  startedAt: Date;
  /** Time of each document stage, summed over the documents, in the threads that extracted them. */
  stageMilliseconds: Record<string, number>;
  /** Time spent serializing the results for the cache, summed over the documents, in the threads that extracted them. */
  serializeMilliseconds: number;
  /**
   * Wall-clock time of the main thread's phases up to the manifest: `prepare` (the code's fingerprint, the
   * extraction settings, the entity linker); `first_pass`, within which it waits on `read_inputs` (the next document
   * from the inputs) and `wait_for_extraction` (documents in flight, when enough are); `cache_write` and `cache_read`
   * (each write and read summed over the documents: they overlap one another and the waits, except the second pass's
   * wait for the next result read ahead); `link_entities` (linking the clusters across the corpus and resolving each
   * result); `second_pass` (the results read back in input order and written), within which each sink stage opens and
   * takes the documents' rows (`write`: the tables; `report`: the report's pages).
   */
  phases: PhaseTimes;
  extracted: number;
  cached: number;
}

/** Milliseconds rounded to whole ones, by name. */
const roundedAndSorted = (milliseconds: Record<string, number>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(milliseconds)
      .sort()
      .map(([name, value]) => [name, Math.round(value)]),
  );

/** The manifest: inputs with hashes, config, package versions, counts per table, timings and peak memory. */
export async function buildManifest(facts: ManifestFacts): Promise<Record<string, unknown>> {
  return {
    tool: 'quarry',
    packages: await packageVersions(),
    config: facts.config,
    inputs: facts.inputs,
    documents: facts.documents,
    counts: facts.counts,
    cache: { extracted: facts.extracted, reused: facts.cached },
    timings: {
      started_at: facts.startedAt.toISOString(),
      // Up to the making of this manifest: closing the files and switching them in comes after (the CLI's summary line times the whole run).
      total_ms: Date.now() - facts.startedAt.getTime(),
      stage_ms: roundedAndSorted(facts.stageMilliseconds),
      serialize_ms: Math.round(facts.serializeMilliseconds),
      phase_ms: roundedAndSorted(facts.phases.milliseconds),
      // Worker threads share the process, so this covers them too.
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}
