import { performance } from 'node:perf_hooks';
import type { ResolvedConfig } from './config.ts';
import { failDocument, type PipelineDocument } from './document.ts';
import { formatMessage, MessageCode } from './messages.ts';
import type { TableRows } from './schemas/index.ts';
import type { Corpus, RunInfo, Stage } from './stage.ts';
import { analyze } from './stages/analyze.ts';
import { extractClaims } from './stages/extract-claims.ts';
import { extractDates } from './stages/extract-dates.ts';
import { extractEntities } from './stages/extract-entities.ts';
import { extractFigures } from './stages/extract-figures.ts';
import { linkEntities } from './stages/link-entities.ts';
import { load } from './stages/load.ts';
import { report } from './stages/report.ts';
import { segment } from './stages/segment.ts';
import { validate } from './stages/validate.ts';
import { write } from './stages/write.ts';
import { OffsetIndex } from './text/offsets.ts';

/** The stages, in the order they run. */
export const STAGES: readonly Stage[] = [load, segment, analyze, extractEntities, extractDates, extractFigures, extractClaims, linkEntities, validate, write, report];

/** Progress of a run, reported after each document. */
export interface ProgressEvent {
  done: number;
  total: number;
  document: string;
}

export interface RunOptions {
  /** Called after each document has been through the document stages. */
  onProgress?: (event: ProgressEvent) => void;
  /** Called once the documents are loaded, with their number. */
  onStart?: (total: number) => void;
  /** Run these stages instead of STAGES (tests use it to run a part of the pipeline). */
  stages?: readonly Stage[];
}

/** What a run produced. */
export interface RunResult {
  tables: TableRows;
  documents: { ok: number; failed: number; skipped: number };
  /** Words in the documents processed (whitespace-separated), for throughput. */
  words: number;
  milliseconds: number;
}

/** Checks that every stage's `requires` is assigned by an earlier stage or by loading, before anything runs. */
export function checkStageOrder(stages: readonly Stage[]): void {
  const kinds = stages.map((stage) => stage.kind);
  const firstDocumentStage = kinds.indexOf('document');
  if (firstDocumentStage !== -1 && kinds.slice(firstDocumentStage, kinds.lastIndexOf('document') + 1).some((kind) => kind !== 'document')) {
    throw new Error('document stages must run one after another: a document goes through all of them in one go');
  }
  const available = new Set(['config.input', 'config.load', 'document.text', 'document.published', 'corpus.documents']);
  for (const stage of stages) {
    const missing = stage.requires.filter((need) => !available.has(need));
    if (missing.length > 0) throw new Error(`stage ${stage.name} requires ${missing.join(', ')}, which no earlier stage assigns`);
    for (const output of stage.assigns) available.add(output);
  }
}

function runDocumentStages(document: PipelineDocument, stages: readonly Stage[], config: ResolvedConfig, timings: Record<string, number>): void {
  if (document.status !== 'ok') return;
  document.offsets = new OffsetIndex(document.text);
  for (const stage of stages) {
    if (stage.kind !== 'document') continue;
    const started = performance.now();
    try {
      stage.run(document, config);
    } catch (error) {
      failDocument(document, formatMessage(MessageCode.STAGE_FAILED, `stage ${stage.name} failed: ${(error as Error).message}`));
      return;
    } finally {
      timings[stage.name] = (timings[stage.name] ?? 0) + performance.now() - started;
    }
  }
  // The analyses are large and no later stage reads them.
  document.analyses = [];
}

/**
 * Runs the pipeline: loads the inputs, runs the document stages on each
 * document (a failure marks that document and the batch goes on), then the
 * corpus stages, and writes the tables.
 */
export async function runPipeline(config: ResolvedConfig, options: RunOptions = {}): Promise<RunResult> {
  const stages = options.stages ?? STAGES;
  checkStageOrder(stages);
  const run: RunInfo = { startedAt: new Date(), stageMilliseconds: {} };
  const started = performance.now();
  const corpus: Corpus = { documents: [], entities: [], tables: null };
  let documentsDone = false;
  for (const stage of stages) {
    const stageStarted = performance.now();
    if (stage.kind === 'source') corpus.documents.push(...(await stage.run(config)));
    else if (stage.kind === 'document') {
      if (documentsDone) continue;
      // Each document goes through every document stage in one go, so only one document's analyses are held at a time.
      options.onStart?.(corpus.documents.length);
      corpus.documents.forEach((document, index) => {
        runDocumentStages(document, stages, config, run.stageMilliseconds);
        options.onProgress?.({ done: index + 1, total: corpus.documents.length, document: document.id });
      });
      documentsDone = true;
      continue;
    } else if (stage.kind === 'corpus') stage.run(corpus, config);
    else await stage.run(corpus, config, run);
    run.stageMilliseconds[stage.name] = (run.stageMilliseconds[stage.name] ?? 0) + performance.now() - stageStarted;
  }
  const tables = corpus.tables ?? { documents: [], passages: [], mentions: [], entities: [], dates: [], figures: [], claims: [] };
  const documents = { ok: 0, failed: 0, skipped: 0 };
  let words = 0;
  for (const document of corpus.documents) {
    documents[document.status]++;
    if (document.status === 'ok') words += document.text.split(/\s+/).filter(Boolean).length;
  }
  return { tables, documents, words, milliseconds: performance.now() - started };
}
