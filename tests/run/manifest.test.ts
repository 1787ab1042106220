import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { buildManifest, type ManifestFacts } from '../../src/run/manifest.ts';
import { PhaseTimes } from '../../src/run/phase-times.ts';
import { ROOT } from '../helpers/run.ts';

/** The facts of a run of two documents that started at midnight on 1 January 2026. */
function facts(): ManifestFacts {
  const phases = new PhaseTimes();
  Object.assign(phases.milliseconds, { second_pass: 40.6, first_pass: 120.2, prepare: 3.5 });
  return {
    config: resolveConfig({ input: ['corpus'], output: 'out', workers: 0 }),
    inputs: [
      { doc_id: 'a', source: 'a.txt', sha256: 'a'.repeat(64), status: 'ok' },
      { doc_id: 'b', source: 'b.html', sha256: 'b'.repeat(64), status: 'failed' },
    ],
    documents: { ok: 1, failed: 1, skipped: 0 },
    counts: { documents: 2, passages: 3, mentions: 4, entities: 2, dates: 1, figures: 1, claims: 2, claim_links: 3 },
    startedAt: new Date('2026-01-01T00:00:00.000Z'),
    stageMilliseconds: { segment: 10.4, analyze: 20.6, extractClaims: 7.5 },
    serializeMilliseconds: 2.5,
    phases,
    extracted: 1,
    cached: 1,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('buildManifest', () => {
  it('records the run: its inputs with their hashes, the config, the documents, the counts and the cache', async () => {
    const run = facts();
    const manifest = await buildManifest(run);
    expect(Object.keys(manifest)).toEqual(['tool', 'packages', 'config', 'inputs', 'documents', 'counts', 'cache', 'timings']);
    expect(manifest).toMatchObject({
      tool: 'quarry',
      inputs: [
        { doc_id: 'a', source: 'a.txt', sha256: 'a'.repeat(64), status: 'ok' },
        { doc_id: 'b', source: 'b.html', sha256: 'b'.repeat(64), status: 'failed' },
      ],
      documents: { ok: 1, failed: 1, skipped: 0 },
      counts: { documents: 2, passages: 3, mentions: 4, entities: 2, dates: 1, figures: 1, claims: 2, claim_links: 3 },
      cache: { extracted: 1, reused: 1 },
    });
    expect(manifest.config).toBe(run.config);
  });

  it('names the version of quarry and of each package that shapes the output, as installed', async () => {
    const { packages } = (await buildManifest(facts())) as { packages: Record<string, string | null> };
    expect(Object.keys(packages)).toEqual(['quarry', 'compromise', 'chrono-node', 'zod', 'csv-stringify', 'htmlparser2', 'yaml']);
    expect(packages.quarry).toBe('0.1.0');
    const installed = JSON.parse(await readFile(path.join(ROOT, 'node_modules', 'compromise', 'package.json'), 'utf8')) as { version: string };
    expect(packages.compromise).toBe(installed.version);
    expect(Object.values(packages).every((version) => version !== null && /^\d+\.\d+\.\d+/.test(version))).toBe(true);
  });

  it('gives the timings in whole milliseconds, the stages and phases sorted by name, and the time up to the manifest', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:02.345Z'), toFake: ['Date'] });
    const { timings } = (await buildManifest(facts())) as { timings: Record<string, unknown> };
    expect(timings).toMatchObject({
      started_at: '2026-01-01T00:00:00.000Z',
      total_ms: 2345,
      stage_ms: { analyze: 21, extractClaims: 8, segment: 10 },
      serialize_ms: 3,
      phase_ms: { first_pass: 120, prepare: 4, second_pass: 41 },
    });
    expect(Object.keys(timings.stage_ms as object)).toEqual(['analyze', 'extractClaims', 'segment']);
    expect(Object.keys(timings.phase_ms as object)).toEqual(['first_pass', 'prepare', 'second_pass']);
  });

  it("gives the process's peak memory in bytes: at least what it holds now", async () => {
    const now = process.memoryUsage().rss;
    const { timings } = (await buildManifest(facts())) as { timings: { peak_rss_bytes: number } };
    expect(timings.peak_rss_bytes % 1024).toBe(0);
    expect(timings.peak_rss_bytes).toBeGreaterThanOrEqual(now);
  });
});
