import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import type { ResolvedConfig } from './config.ts';
import { createDocument, failDocument, type PipelineDocument } from './document.ts';
import { formatMessage, MessageCode } from './messages.ts';
import type { EntityCluster } from './document.ts';
import type { DocumentResult } from './run/document-result.ts';
import { countWords, type ExtractOutcome, type LoadedDocument } from './run/extract-document.ts';
import { loadModel, SHIPPED_ENTITY_MODEL } from './entities/model/model-file.ts';
import { pipelineFingerprint } from './run/fingerprint.ts';
import { buildManifest, type ManifestFacts } from './run/manifest.ts';
import { PhaseTimes } from './run/phase-times.ts';
import { claimLinkRows } from './output/claim-links.ts';
import { withOutputLock } from './output/lock.ts';
import { writeAtomically } from './output/write-atomically.ts';
import { ResultCache } from './run/result-cache.ts';
import { WorkerBundleError } from './run/worker-bundle.ts';
import { createTaskRunner } from './run/task-runner.ts';
import { inShard, type Shard } from './run/shard.ts';
import { workerCount } from './run/worker-count.ts';
import { TABLE_NAMES, type TableName } from './schemas/index.ts';
import type { CorpusStage, DocumentStage, EntityLinker, Sink, SinkStage, SourceStage, Stage } from './stage.ts';
import { InputError } from './input/discover.ts';
import type { InputSurvey } from './input/survey.ts';
import { STAGES } from './stages/index.ts';
import { documentResult } from './output/rows.ts';

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

export interface RunOptions {
  /** Called after each document. */
  onProgress?: (event: ProgressEvent) => void;
  /** Ignore cached results: extract every document again. */
  fresh?: boolean;
  /** Process only this share of the inputs (by a hash of the document id). */
  shard?: Shard | null;
  /** Run these stages instead of STAGES, in the main thread (tests use it to run a part of the pipeline). */
  stages?: readonly Stage[];
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

/** Checks the stage list before anything runs: one source, document stages together, and every `requires` assigned earlier. */
export function checkStageOrder(stages: readonly Stage[]): void {
  const kinds = stages.map((stage) => stage.kind);
  if (kinds.filter((kind) => kind === 'source').length !== 1 || kinds[0] !== 'source') throw new Error('the pipeline needs exactly one source stage, first');
  if (kinds.filter((kind) => kind === 'corpus').length !== 1) throw new Error('the pipeline needs exactly one corpus (entity linking) stage');
  const firstDocumentStage = kinds.indexOf('document');
  if (firstDocumentStage !== -1 && kinds.slice(firstDocumentStage, kinds.lastIndexOf('document') + 1).some((kind) => kind !== 'document')) {
    throw new Error('document stages must run one after another: a document goes through all of them in one go');
  }
  const available = new Set(['config.input', 'config.load', 'document.text', 'document.published']);
  for (const stage of stages) {
    const missing = stage.requires.filter((need) => !available.has(need));
    if (missing.length > 0) throw new Error(`stage ${stage.name} requires ${missing.join(', ')}, which no earlier stage assigns`);
    for (const output of stage.assigns) available.add(output);
  }
}

/** The config that shapes extraction results (not where they go or how fast), with the contents of user lexicons. */
async function extractionSettings(config: ResolvedConfig): Promise<Record<string, unknown>> {
  // An allow-list: only the options of the stages that make a document's result, so a new setting of another kind (a
  // speed setting such as load.concurrency, where the output goes) never re-extracts an unchanged corpus. The entity
  // model and the lexicons count by their content, not their paths.
  const { segment, extractEntities, extractDates, extractFigures } = config;
  const lexicons = await Promise.all(extractEntities.lexicons.map((file) => readFile(file, 'utf8')));
  // The model is read here, in the main thread, so a file that is not a model stops the run at once (ModelFileError) rather than failing every document.
  const model = extractEntities.recognizer === 'model' ? loadModel(extractEntities.model ?? SHIPPED_ENTITY_MODEL).sha256 : null;
  return { segment, recognizer: extractEntities.recognizer, model, lexicons, extractDates, extractFigures };
}

/** The fields of a document that travel to a worker and identify it in the cache. */
function loadedFields(document: PipelineDocument): LoadedDocument {
  const { id, source, origin, format, sha256, title, published, text, status, error, warnings } = document;
  return { id, source, origin, format, sha256, title, published, text, status, error, warnings };
}

/** Starts timing a run; the returned function reads its wall-clock and CPU time so far. */
function runClock(): () => Pick<RunResult, 'milliseconds' | 'cpuMilliseconds'> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { milliseconds: performance.now() - wall, cpuMilliseconds: (used.user + used.system) / 1000 };
  };
}

function single<Kind extends Stage['kind']>(stages: readonly Stage[], kind: Kind): Extract<Stage, { kind: Kind }> {
  return stages.find((stage) => stage.kind === kind) as Extract<Stage, { kind: Kind }>;
}

/**
 * Runs the pipeline while holding the output folder's lock (a LockError when
 * another run holds it). First pass: documents stream from the source through
 * the document stages (in worker threads) and each result goes to the cache
 * folder, while the entity linker keeps only the clusters; unchanged
 * documents are taken from the cache. Second pass: the results are read back
 * in input order, their entities resolved, and streamed to the sinks. A
 * document that fails is recorded and the batch goes on.
 */
export async function runPipeline(config: ResolvedConfig, options: RunOptions = {}): Promise<RunResult> {
  const stages = options.stages ?? STAGES;
  checkStageOrder(stages);
  return withOutputLock(config.output, async (lock) => ({ ...(await extractAndWrite(config, options, stages)), warnings: lock.warning === null ? [] : [lock.warning] }));
}

/** The survey of a run before its source has surveyed the inputs (or of a source that does not). */
const NO_SURVEY: InputSurvey = { documents: 0, bytes: 0, leftOut: [] };

/** The two passes of runPipeline, under the lock. */
async function extractAndWrite(config: ResolvedConfig, options: RunOptions, stages: readonly Stage[]): Promise<Omit<RunResult, 'warnings'>> {
  const startedAt = new Date();
  const clock = runClock();
  const phases = new PhaseTimes();
  const preparing = performance.now();
  const source = single(stages, 'source') as SourceStage;
  const documentStages = stages.filter((stage): stage is DocumentStage => stage.kind === 'document');
  const linker = (single(stages, 'corpus') as CorpusStage).createLinker(config);
  const sinkStages = stages.filter((stage): stage is SinkStage => stage.kind === 'sink');
  const cache = new ResultCache(config.cacheDirectory ?? path.join(config.output, '.cache'));
  const extractionKey = { pipeline: await pipelineFingerprint(), settings: await extractionSettings(config) };
  const stageMilliseconds: Record<string, number> = {};
  let serializeMilliseconds = 0;
  let survey = NO_SURVEY;
  // Stages given in the options run in the main thread: the workers run STAGES.
  const threads = (): number => (options.stages === undefined ? workerCount(config.workers, survey.bytes) : 0);
  const runner = createTaskRunner(documentStages, threads);
  const entries: IndexedResult[] = [];
  let extracted = 0;
  let cached = 0;
  let done = 0;
  let failure: unknown;
  const onSurvey = (found: InputSurvey): void => {
    survey = found;
    options.onProgress?.({ phase: 'extracting', done: 0, total: found.documents, document: '' });
  };

  phases.addSince('prepare', preparing);

  // First pass: extract (or find in the cache) every document; only clusters stay in memory.
  const firstPass = performance.now();
  try {
    const pending = new Set<Promise<void>>();
    // Documents in flight: enough to keep every thread busy while the next files are read.
    const window = () => Math.max(4, threads() * 4);
    const shard = options.shard ?? null;
    let reading = performance.now();
    for await (const document of source.run(config, (file) => inShard(file.id, shard), onSurvey)) {
      phases.addSince('read_inputs', reading);
      const key = ResultCache.key({ ...extractionKey, document: loadedFields(document) });
      entries.push({ key, order: document.order });
      const job = (async () => {
        let clusters: EntityCluster[] | null = options.fresh ? null : await phases.timeAsync('cache_read', () => cache.clusters(key));
        if (clusters === null) {
          const task = { document: loadedFields(document), config };
          const outcome = await runner.run(task).catch((error: Error): ExtractOutcome => {
            if (error instanceof WorkerBundleError) throw error;
            // A worker that dies on one document (out of memory, a native crash) fails that document only.
            const failedResult = failedExtraction(task.document, formatMessage(MessageCode.STAGE_FAILED, `${task.document.source}: the worker extracting this document died (${error.message}); the other documents are not affected. If it ran out of memory, split the document or lower segment.maxPassageChars`));
            return { clusters: [], serialized: ResultCache.serialize(failedResult), stageMilliseconds: {}, serializeMilliseconds: 0 };
          });
          await phases.timeAsync('cache_write', () => cache.write(key, outcome.serialized));
          for (const [stage, milliseconds] of Object.entries(outcome.stageMilliseconds)) stageMilliseconds[stage] = (stageMilliseconds[stage] ?? 0) + milliseconds;
          serializeMilliseconds += outcome.serializeMilliseconds;
          clusters = outcome.clusters;
          extracted++;
        } else cached++;
        phases.time('link_entities', () => linker.add(clusters));
        options.onProgress?.({ phase: 'extracting', done: ++done, total: Math.max(survey.documents, entries.length), document: document.id });
      })().catch((error: unknown) => {
        failure ??= error;
      });
      pending.add(job);
      void job.then(() => pending.delete(job));
      if (pending.size >= window()) await phases.timeAsync('wait_for_extraction', () => Promise.race(pending));
      if (failure !== undefined) throw failure;
      reading = performance.now();
    }
    phases.addSince('read_inputs', reading);
    await phases.timeAsync('wait_for_extraction', () => Promise.all(pending));
    if (failure !== undefined) throw failure;
  } finally {
    await runner.close();
  }
  phases.addSince('first_pass', firstPass);
  // Every result came from the cache and the output folder holds the tables of these very results: they would be written again byte for byte.
  const unchanged = extracted === 0 && options.stages === undefined ? await upToDateSummary(config, cache.directory, entries) : null;
  const inputs = { leftOut: survey.leftOut, inputBytes: survey.bytes, workerThreads: extracted === 0 ? 0 : threads() };
  if (unchanged !== null) return { ...unchanged, extracted, cached, ...clock(), upToDate: true, ...inputs };
  phases.time('link_entities', () => linker.finish());

  // The index names this run's results only once its tables are in place: a kill in between leaves no index pointing at the wrong results.
  await rm(path.join(config.output, RESULT_INDEX_FILE), { force: true });
  const facts = { startedAt, stageMilliseconds, serializeMilliseconds, phases, extracted, cached };
  const written = await writeResults(config, linker, entries.map((entry) => ({ ...entry, cache })), sinkStages, facts, options.onProgress);
  await writeResultIndex(config, cache.directory, entries, written);
  await cache.prune(new Set(entries.map((entry) => entry.key)));
  return { ...written, extracted, cached, ...clock(), upToDate: false, ...inputs };
}

/** What a run wrote, as its result index records it (so a run that finds nothing changed can report it without writing). */
type WrittenSummary = Omit<
  RunResult,
  'extracted' | 'cached' | 'milliseconds' | 'cpuMilliseconds' | 'warnings' | 'upToDate' | 'leftOut' | 'inputBytes' | 'workerThreads'
>;

/** The first line of a result index: where the results are cached, and what the run wrote. */
interface ResultIndexHeader {
  cacheDirectory: string;
  /** How the tables were written (a run with other write options writes them again). */
  write: ResolvedConfig['write'];
  written: WrittenSummary;
}

/** The lines of a result index after its header: each result's cache key and place in the input order. */
function resultIndexLines(entries: readonly IndexedResult[]): string[] {
  return entries.map((entry) => JSON.stringify([entry.key, ...entry.order]));
}

/**
 * When the output folder holds the complete output of a run over exactly
 * these results (its result index lists the same cache keys in the same
 * order, from the same cache folder, and its manifest, tables, schemas and,
 * when asked for, report are all there), what that run wrote; else null.
 * (With the report off, a run leaves any earlier report as it is, so a
 * report there or not changes nothing.)
 * The keys cover the documents, the extraction config and the code, so the
 * tables would come out byte for byte the same: the run writes nothing. A
 * table edited by hand is not noticed; --fresh writes everything again.
 */
async function upToDateSummary(config: ResolvedConfig, cacheDirectory: string, entries: readonly IndexedResult[]): Promise<WrittenSummary | null> {
  const index = await resultIndexFile(config.output).catch(() => null);
  if (index === null) return null;
  const { header, lines } = index;
  if (header.written === undefined || header.cacheDirectory !== path.relative(config.output, cacheDirectory)) return null;
  if (JSON.stringify(header.write) !== JSON.stringify(config.write)) return null;
  const expected = resultIndexLines(entries);
  if (lines.length !== expected.length || lines.some((line, index) => line !== expected[index])) return null;
  const files = ['manifest.json', ...TABLE_NAMES.flatMap((table) => [`${table}.jsonl`, `${table}.csv`, path.join('schema', `${table}.schema.json`)]), ...(config.report ? [path.join('report', 'index.html')] : [])];
  const present = await Promise.all(files.map((file) => access(path.join(config.output, file)).then(() => true, () => false)));
  return present.every(Boolean) ? header.written : null;
}

/** A result's cache key with its place in the input order (file, then record in the file). */
interface IndexedResult {
  key: string;
  order: readonly [number, number];
}

/** A document's result in a cache folder, with its place in the input order. */
export interface ResultEntry extends IndexedResult {
  cache: ResultCache;
}

/** The name of the file in an output folder that lists its results (what `quarry merge` reads). */
export const RESULT_INDEX_FILE = '.quarry-results.jsonl';

/** Lists a run's results in input order, with where they are cached (relative to the output folder) and what the run wrote. */
async function writeResultIndex(config: ResolvedConfig, cacheDirectory: string, entries: readonly IndexedResult[], written: WrittenSummary): Promise<void> {
  const header: ResultIndexHeader = { cacheDirectory: path.relative(config.output, cacheDirectory), write: config.write, written };
  const lines = [JSON.stringify(header), ...resultIndexLines(entries)];
  const file = path.join(config.output, RESULT_INDEX_FILE);
  await writeAtomically(file, `${lines.join('\n')}\n`);
}

/** The header and the result lines of an output folder's result index; rejects when there is none or its header is not JSON. */
async function resultIndexFile(output: string): Promise<{ header: Partial<ResultIndexHeader>; lines: string[] }> {
  const text = await readFile(path.join(output, RESULT_INDEX_FILE), 'utf8');
  const [headerLine, ...lines] = text.split('\n').filter((line) => line !== '');
  return { header: JSON.parse(headerLine ?? '') as Partial<ResultIndexHeader>, lines };
}

/** Reads the result index of an output folder (a shard's). */
export async function readResultIndex(output: string): Promise<ResultEntry[]> {
  const index = await resultIndexFile(output).catch(() => null);
  if (index === null || index.header.cacheDirectory === undefined) throw new InputError(`${output} has no ${RESULT_INDEX_FILE}: it is not the output folder of a quarry extract run`);
  const cache = new ResultCache(path.resolve(output, index.header.cacheDirectory));
  return index.lines.map((line) => {
    const [key, file, record] = JSON.parse(line) as [string, number, number];
    return { key, order: [file, record] as const, cache };
  });
}

/**
 * Merges the outputs of shard runs into one set of tables, byte-identical to
 * a single run over all inputs: the results are taken from the shards'
 * caches in input order and the entities are linked corpus-wide again.
 */
export async function mergeShards(shardDirectories: readonly string[], config: ResolvedConfig, onProgress?: (event: ProgressEvent) => void): Promise<RunResult> {
  return withOutputLock(config.output, async (lock) => ({ ...(await mergeLocked(shardDirectories, config, onProgress)), warnings: lock.warning === null ? [] : [lock.warning] }));
}

/** mergeShards under the lock of its output folder. */
async function mergeLocked(shardDirectories: readonly string[], config: ResolvedConfig, onProgress?: (event: ProgressEvent) => void): Promise<Omit<RunResult, 'warnings'>> {
  const clock = runClock();
  const startedAt = new Date();
  const phases = new PhaseTimes();
  const entries = (await Promise.all(shardDirectories.map(readResultIndex))).flat();
  entries.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const linker = (single(STAGES, 'corpus') as CorpusStage).createLinker(config);
  for (const entry of entries) {
    const clusters = await phases.timeAsync('cache_read', () => entry.cache.clusters(entry.key));
    if (clusters === null) throw new InputError(`the cached result ${entry.key} of a shard is missing from ${entry.cache.directory}`);
    phases.time('link_entities', () => linker.add(clusters));
  }
  phases.time('link_entities', () => linker.finish());
  const sinkStages = STAGES.filter((stage): stage is SinkStage => stage.kind === 'sink');
  const facts = { startedAt, stageMilliseconds: {}, serializeMilliseconds: 0, phases, extracted: 0, cached: entries.length };
  const written = await writeResults(config, linker, entries, sinkStages, facts, onProgress);
  return { ...written, extracted: 0, cached: entries.length, ...clock(), upToDate: false, leftOut: [], inputBytes: 0, workerThreads: 0 };
}

/** Second pass: results in input order, entities resolved, streamed to the sinks; the sinks commit at the end. */
async function writeResults(
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
    for await (const cachedResult of inOrder(entries, (entry) => entry.cache.get(entry.key), READ_AHEAD)) {
      phases.addSince('cache_read', reading);
      const result = phases.time('link_entities', () => linker.resolve(withUniqueId(cachedResult, seenIds)));
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

/** Cached results read ahead of the one being written, bounding memory while disk reads overlap. */
const READ_AHEAD = 16;

/** Yields `read(item)` for each item in order, with up to `ahead` reads in flight (p-limit bounds the disk reads). */
async function* inOrder<Item extends { key: string }, Value>(keys: readonly Item[], read: (item: Item) => Promise<Value | null>, ahead: number): AsyncGenerator<Value> {
  const limit = pLimit(ahead);
  const window: Promise<Value | null>[] = [];
  let next = 0;
  for (let index = 0; index < keys.length; index++) {
    for (; next < keys.length && window.length < ahead; next++) {
      const item = keys[next] as Item;
      window.push(limit(() => read(item)));
    }
    const value = await (window.shift() as Promise<Value | null>);
    if (value === null) throw new Error(`a cached result (${keys[index]?.key}) vanished from the cache folder during the run`);
    yield value;
  }
}

/** The result of a document whose extraction crashed its worker: failed, with no rows. */
function failedExtraction(loaded: LoadedDocument, error: string): DocumentResult {
  const document = createDocument(loaded);
  failDocument(document, error);
  return documentResult(document);
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
  const error = formatMessage(MessageCode.LOAD_DUPLICATE_ID, `${result.document.source}: doc_id "${result.document.doc_id}" is already taken by an earlier document; this one is left out as "${id}". Give each record a distinct "id"`);
  return { document: { ...result.document, doc_id: id, status: 'failed', error, passages: 0 }, passages: [], mentions: [], dates: [], figures: [], claims: [], clusters: [] };
}
