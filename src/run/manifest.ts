import type { ResolvedConfig } from '../config.ts';
import type { TableName } from '../schemas/index.ts';
import { LAYOUT } from './layout.ts';
import { installedVersion, packageVersion } from './package-versions.ts';

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
  stageMilliseconds: Record<string, number>;
  extracted: number;
  cached: number;
}

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
      stage_ms: Object.fromEntries(Object.entries(facts.stageMilliseconds).sort().map(([stage, milliseconds]) => [stage, Math.round(milliseconds)])),
      // Worker threads share the process, so this covers them too.
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}
