import { performance } from 'node:perf_hooks';
import type { ResolvedConfig } from '../config.ts';
import { createDocument, failDocument, type PipelineDocument } from '../document.ts';
import { diagnosticAt } from '../diagnostics.ts';
import { documentResult } from '../output/rows.ts';
import { MessageCode } from '../schemas/index.ts';
import type { DocumentStage } from '../stage.ts';
import { OffsetIndex } from '../text/offsets.ts';
import type { DocumentResult } from './document-result.ts';
import { ResultCache } from './result-cache.ts';
import type { EntityCluster } from '../document.ts';

/** The fields of a loaded document that travel to a worker. */
export type LoadedDocument = Pick<
  PipelineDocument,
  'id' | 'source' | 'origin' | 'format' | 'sha256' | 'title' | 'published' | 'text' | 'status' | 'error' | 'warnings'
>;

/** One document to extract, with the config to extract it by. */
export interface ExtractTask {
  document: LoadedDocument;
  config: ResolvedConfig;
}

/** What the main thread needs back: the clusters for linking, the result to cache, and the timings. */
export interface ExtractOutcome {
  clusters: EntityCluster[];
  /** The result as the cache stores it (see ResultCache.serialize). */
  serialized: string;
  stageMilliseconds: Record<string, number>;
  /** Time taken to serialize the result. */
  serializeMilliseconds: number;
}

/** Runs the document stages on one document; a stage that throws marks the document failed and the batch goes on. */
export function runDocumentStages(document: PipelineDocument, stages: readonly DocumentStage[], config: ResolvedConfig, timings: Record<string, number>): void {
  if (document.status !== 'ok') return;
  document.offsets = new OffsetIndex(document.text);
  for (const stage of stages) {
    const started = performance.now();
    try {
      stage.run(document, config);
    } catch (error) {
      failDocument(
        document,
        diagnosticAt(
          'error',
          MessageCode.STAGE_FAILED,
          { source: document.source, line: null },
          `stage ${stage.name} failed: ${(error as Error).message}. This is a bug in quarry, not in the file: please report it with this document`,
        ),
      );
      return;
    } finally {
      timings[stage.name] = (timings[stage.name] ?? 0) + performance.now() - started;
    }
    if (document.status !== 'ok') return;
  }
}

/** Counts whitespace-separated words, for throughput figures. */
export function countWords(text: string): number {
  let words = 0;
  const word = /\S+/g;
  while (word.exec(text) !== null) words++;
  return words;
}

/**
 * Extracts one document. It runs in a worker thread (or in the main thread
 * with workers: 0) and hands back its result already serialized: the main
 * thread writes it to the cache, so the worker never waits on the disk.
 */
export function extractDocument(task: ExtractTask, stages: readonly DocumentStage[]): ExtractOutcome {
  const stageMilliseconds: Record<string, number> = {};
  const result = extractResult(task, stages, stageMilliseconds);
  const serializing = performance.now();
  const serialized = ResultCache.serialize(result);
  return { clusters: result.clusters, serialized, stageMilliseconds, serializeMilliseconds: performance.now() - serializing };
}

/** Runs the document stages on one loaded document and returns its result (entity references still local). */
export function extractResult(task: ExtractTask, stages: readonly DocumentStage[], timings: Record<string, number>): DocumentResult {
  const document = createDocument(task.document);
  runDocumentStages(document, stages, task.config, timings);
  return documentResult(document);
}
