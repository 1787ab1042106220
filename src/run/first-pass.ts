import { performance } from 'node:perf_hooks';
import type { ResolvedConfig } from '../config.ts';
import { createDocument, failDocument, type EntityCluster, type PipelineDocument } from '../document.ts';
import type { InputSurvey } from '../input/survey.ts';
import { diagnosticAt } from '../diagnostics.ts';
import type { DocumentStage, EntityLinker, SourceStage } from '../stage.ts';
import { documentResult } from '../output/rows.ts';
import { MessageCode, type Diagnostic } from '../schemas/index.ts';
import type { DocumentResult } from './document-result.ts';
import type { ExtractOutcome, LoadedDocument } from './extract-document.ts';
import type { ExtractionKey } from './extraction-key.ts';
import type { PhaseTimes } from './phase-times.ts';
import { ResultCache } from './result-cache.ts';
import type { IndexedResult } from './result-index.ts';
import type { ProgressEvent } from './run-result.ts';
import { inShard, type Shard } from './shard.ts';
import { createTaskRunner } from './task-runner.ts';
import { WorkerBundleError } from './worker-bundle.ts';
import { workerCount } from './worker-count.ts';

/** What the first pass works with besides its stages. */
export interface FirstPassSettings {
  config: ResolvedConfig;
  /** Worker threads to extract with, as config.workers sets them: a number (0: the main thread) or 'auto' (see workerCount). */
  workers: ResolvedConfig['workers'];
  cache: ResultCache;
  extractionKey: ExtractionKey;
  /** Extract every document again rather than take its result from the cache. */
  fresh: boolean;
  /** The share of the inputs to process; null for all. */
  shard: Shard | null;
  phases: PhaseTimes;
  onProgress: ((event: ProgressEvent) => void) | undefined;
}

/** What the first pass leaves for the second, and for the run's result and manifest. */
export interface FirstPassResult {
  /** Every document's result key, in the order the source yielded them (input order). */
  entries: IndexedResult[];
  /** Documents extracted in this run, and documents whose cached result was used. */
  extracted: number;
  cached: number;
  /** What the inputs hold, as the source surveyed them. */
  survey: InputSurvey;
  /** Worker threads that extracted documents; 0 when they were extracted in the main thread or none was. */
  workerThreads: number;
  /** Time of each document stage, summed over the documents extracted, in the threads that extracted them. */
  stageMilliseconds: Record<string, number>;
  /** Time spent serializing the results for the cache, summed the same way. */
  serializeMilliseconds: number;
}

/** The survey of a run before its source has surveyed the inputs (or of a source that does not). */
const NO_SURVEY: InputSurvey = { documents: 0, bytes: 0, leftOut: [] };

/**
 * First pass: documents stream from the source through the document stages (in worker threads or the main thread)
 * and each result goes to the cache folder, while the linker keeps only the clusters; an unchanged document's result
 * is taken from the cache. A document that fails is recorded in its result and the batch goes on; the run stops on
 * an error that is not the document's (the worker code cannot be bundled, the cache cannot be written).
 */
export async function firstPass(
  source: SourceStage,
  documentStages: readonly DocumentStage[],
  linker: EntityLinker,
  settings: FirstPassSettings,
): Promise<FirstPassResult> {
  const { config, cache, phases, onProgress } = settings;
  const started = performance.now();
  const pass: FirstPassResult = { entries: [], extracted: 0, cached: 0, survey: NO_SURVEY, workerThreads: 0, stageMilliseconds: {}, serializeMilliseconds: 0 };
  // Read at the first document to extract, when the source has surveyed the inputs: their bytes decide 'auto'.
  const threads = (): number => workerCount(settings.workers, pass.survey.bytes);
  const runner = createTaskRunner(documentStages, threads);
  let done = 0;
  const onSurvey = (survey: InputSurvey): void => {
    pass.survey = survey;
    onProgress?.({ phase: 'extracting', done: 0, total: survey.documents, document: '' });
  };

  /** One document's clusters, from the cache or extracted (and cached), handed to the linker. */
  const extractOrReuse = async (document: LoadedDocument, entry: IndexedResult): Promise<void> => {
    const { key } = entry;
    let clusters: EntityCluster[] | null = settings.fresh ? null : await phases.timeAsync('cache_read', () => cache.clusters(key));
    if (clusters === null) {
      const outcome = await runner.run({ document, config }).catch((error: Error): ExtractOutcome => {
        if (error instanceof WorkerBundleError) throw error;
        // A worker that dies on one document (out of memory, a native crash) fails that document only.
        const failedResult = failedExtraction(
          document,
          diagnosticAt(
            'error',
            MessageCode.STAGE_FAILED,
            { source: document.source, line: null },
            `the worker extracting this document died (${error.message}); the other documents are not affected. If it ran out of memory, split the document or lower segment.maxPassageChars`,
          ),
        );
        return { clusters: [], serialized: ResultCache.serialize(failedResult), stageMilliseconds: {}, serializeMilliseconds: 0 };
      });
      await phases.timeAsync('cache_write', () => cache.write(key, outcome.serialized));
      for (const [stage, milliseconds] of Object.entries(outcome.stageMilliseconds))
        pass.stageMilliseconds[stage] = (pass.stageMilliseconds[stage] ?? 0) + milliseconds;
      pass.serializeMilliseconds += outcome.serializeMilliseconds;
      clusters = outcome.clusters;
      entry.madeInThisRun = true;
      pass.extracted++;
    } else pass.cached++;
    phases.time('link_entities', () => linker.add(clusters));
    onProgress?.({ phase: 'extracting', done: ++done, total: Math.max(pass.survey.documents, pass.entries.length), document: document.id });
  };

  let failure: unknown;
  try {
    const pending = new Set<Promise<void>>();
    // Documents in flight: enough to keep every thread busy while the next files are read.
    const window = (): number => Math.max(4, threads() * 4);
    let reading = performance.now();
    for await (const document of source.run(config, (file) => inShard(file.id, settings.shard), onSurvey)) {
      phases.addSince('read_inputs', reading);
      const loaded = loadedFields(document);
      const key = ResultCache.key({ ...settings.extractionKey, document: loaded });
      const entry: IndexedResult = { key, order: document.order };
      pass.entries.push(entry);
      const job = extractOrReuse(loaded, entry).catch((error: unknown) => {
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
  phases.addSince('first_pass', started);
  pass.workerThreads = pass.extracted === 0 ? 0 : threads();
  return pass;
}

/** The fields of a document that travel to a worker and identify it in the cache. */
function loadedFields(document: PipelineDocument): LoadedDocument {
  const { id, source, origin, format, sha256, title, published, text, status, error, warnings } = document;
  return { id, source, origin, format, sha256, title, published, text, status, error, warnings };
}

/** The result of a document whose extraction crashed its worker: failed, with no rows. */
function failedExtraction(loaded: LoadedDocument, error: Diagnostic): DocumentResult {
  const document = createDocument(loaded);
  failDocument(document, error);
  return documentResult(document);
}
