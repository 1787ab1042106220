import { performance } from 'node:perf_hooks';
import type { ResolvedConfig } from '../config.ts';
import { diagnosticAt } from '../diagnostics.ts';
import { claimLinkRows } from '../output/claim-links.ts';
import { writtenRows } from '../output/rows.ts';
import { MessageCode, TABLE_NAMES, type TableName } from '../schemas/index.ts';
import type { EntityLinker, Sink, SinkStage } from '../stage.ts';
import type { DocumentResult } from './document-result.ts';
import { countWords } from './extract-document.ts';
import { buildManifest, type ManifestFacts } from './manifest.ts';
import { readAhead } from './read-ahead.ts';
import type { ResultEntry } from './result-index.ts';
import type { ProgressEvent, RunResult, WrittenSummary } from './run-result.ts';

/** Cached results read ahead of the one being written, bounding memory while disk reads overlap. */
const READ_AHEAD = 16;

/**
 * Second pass: the results read back from their cache in the order of `entries` (input order), their entities
 * resolved by the linker (whose first pass has ended), streamed to the sinks; the sinks commit at the end, or drop
 * what they staged when anything fails.
 */
export async function writeResults(
  config: ResolvedConfig,
  linker: EntityLinker,
  entries: readonly ResultEntry[],
  sinkStages: readonly SinkStage[],
  facts: Omit<ManifestFacts, 'config' | 'inputs' | 'documents' | 'counts'>,
  onProgress: ((event: ProgressEvent) => void) | undefined,
): Promise<WrittenSummary> {
  const { phases } = facts;
  const secondPass = performance.now();
  const sinks: { name: string; sink: Sink }[] = [];
  const documents = { ok: 0, failed: 0, skipped: 0 };
  const counts = Object.fromEntries(TABLE_NAMES.map((table) => [table, 0])) as Record<TableName, number>;
  const problems: RunResult['problems'] = [];
  const inputs: { doc_id: string; source: string; sha256: string; status: string }[] = [];
  const seenIds = new Set<string>();
  let words = 0;
  try {
    // Opened inside the try: when a later sink fails to open, the earlier ones drop their staging files.
    const names = linker.names();
    for (const stage of sinkStages) sinks.push({ name: stage.name, sink: await phases.timeAsync(stage.name, () => stage.open(config, names)) });
    let done = 0;
    onProgress?.({ phase: 'writing', done, total: entries.length, document: '' });
    let reading = performance.now();
    for await (const cachedResult of readAhead(entries, readCachedResult, READ_AHEAD)) {
      phases.addSince('cache_read', reading);
      const result = writtenRows(phases.time('link_entities', () => linker.resolve(withUniqueId(cachedResult, seenIds))));
      const row = result.document;
      documents[row.status]++;
      if (row.status !== 'ok') problems.push({ source: row.source, status: row.status, error: row.error });
      else words += countWords(row.text);
      inputs.push({ doc_id: row.doc_id, source: row.source, sha256: row.sha256, status: row.status });
      for (const table of TABLE_NAMES) {
        if (table === 'documents') counts[table]++;
        else if (table === 'claim_links') counts[table] += claimLinkRows(result.claims).length;
        else if (table !== 'entities') counts[table] += result[table].length;
      }
      for (const { name, sink } of sinks) await phases.timeAsync(name, () => sink.add(result));
      onProgress?.({ phase: 'writing', done: ++done, total: entries.length, document: row.doc_id });
      reading = performance.now();
    }
    phases.addSince('cache_read', reading);
    const entities = phases.time('link_entities', () => linker.entities());
    phases.addSince('second_pass', secondPass);
    counts.entities = entities.length;
    const manifest = await buildManifest({ config, inputs, documents, counts, ...facts });
    for (const { name, sink } of sinks) {
      if (name === 'report' && config.report) onProgress?.({ phase: 'report', done: 0, total: 1, document: '' });
      await sink.close(entities, manifest);
    }
  } catch (error) {
    for (const { sink } of sinks) await sink.abort();
    throw error;
  }
  return { documents, counts, problems, words };
}

/** A result from its cache: it was written or found there, as written, earlier in the run, so a missing or changed one was removed or altered meanwhile. */
async function readCachedResult(entry: ResultEntry): Promise<DocumentResult> {
  const result = await entry.cache.get(entry.key, { checkSchema: entry.madeInThisRun !== true });
  if (result === null)
    throw new Error(
      `a cached result (${entry.key}) vanished from the cache folder during the run, or its result no longer passes its schema; run again with --fresh to extract every document again`,
    );
  return result;
}

/** A second document with an id already taken (JSONL records with the same id) fails, named by its source, with no rows. */
function withUniqueId(result: DocumentResult, seenIds: Set<string>): DocumentResult {
  if (!seenIds.has(result.document.doc_id)) {
    seenIds.add(result.document.doc_id);
    return result;
  }
  let id = result.document.source;
  for (let counter = 2; seenIds.has(id); counter++) id = `${result.document.source}~${counter}`;
  seenIds.add(id);
  const error = diagnosticAt(
    'error',
    MessageCode.LOAD_DUPLICATE_ID,
    { source: result.document.source, line: null },
    `doc_id "${result.document.doc_id}" is already taken by an earlier document; this one is left out as "${id}". Give each record a distinct "id"`,
  );
  return {
    document: { ...result.document, doc_id: id, status: 'failed', error, passages: 0 },
    passages: [],
    mentions: [],
    dates: [],
    figures: [],
    claims: [],
    clusters: [],
  };
}
