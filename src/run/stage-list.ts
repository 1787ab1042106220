import type { CorpusStage, DocumentStage, SinkStage, SourceStage, Stage } from '../stage.ts';

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

/** A checked stage list, by kind, each kind in list order. */
export interface StagesByKind {
  source: SourceStage;
  documentStages: readonly DocumentStage[];
  corpus: CorpusStage;
  sinks: readonly SinkStage[];
}

/** Checks a stage list (checkStageOrder, which throws) and sorts its stages by kind. */
export function stagesByKind(stages: readonly Stage[]): StagesByKind {
  checkStageOrder(stages);
  // checkStageOrder made sure of exactly one source and one corpus stage.
  const source = stages.find((stage): stage is SourceStage => stage.kind === 'source') as SourceStage;
  const corpus = stages.find((stage): stage is CorpusStage => stage.kind === 'corpus') as CorpusStage;
  const documentStages = stages.filter((stage): stage is DocumentStage => stage.kind === 'document');
  const sinks = stages.filter((stage): stage is SinkStage => stage.kind === 'sink');
  return { source, documentStages, corpus, sinks };
}
