/** Library API: the pipeline, its stages, its config and its record types. */
export { defineConfig, loadConfig, resolveConfig, ConfigError, PipelineConfigSchema, type PipelineConfig, type ResolvedConfig } from './config.ts';
export {
  createExtractor,
  ExtractInputError,
  type Extractor,
  type Extraction,
  type ExtractOptions,
  type TextDocument,
  type DocumentInput,
} from './extractor.ts';
export { runPipeline, type RunOptions, type RunResult, type ProgressEvent } from './pipeline.ts';
export { mergeShards } from './run/merge-shards.ts';
export { checkStageOrder } from './run/stage-list.ts';
export { STAGES, DOCUMENT_STAGES } from './stages/index.ts';
export type { Stage, SourceStage, DocumentStage, CorpusStage, SinkStage, Sink, EntityLinker } from './stage.ts';
export type { DocumentResult } from './run/document-result.ts';
export { parseShard, type Shard } from './run/shard.ts';
export type { PipelineDocument, Passage, EntityMention, DateExpression, FigureExpression, Claim, EntityCluster, Span } from './document.ts';
export { load } from './stages/load.ts';
export { InputError } from './input/discover.ts';
export { clusterEntities } from './stages/cluster-entities.ts';
export { segment } from './stages/segment.ts';
export { analyze } from './stages/analyze.ts';
export { extractEntities } from './stages/extract-entities.ts';
export { extractDates } from './stages/extract-dates.ts';
export { extractFigures } from './stages/extract-figures.ts';
export { extractClaims } from './stages/extract-claims.ts';
export { linkEntities } from './stages/link-entities.ts';
export { validate } from './stages/validate.ts';
export { write } from './stages/write.ts';
export { report } from './stages/report.ts';
export { reportFiles, writeReport, readTables, ReportInputError, type ReportFile } from './report/index.ts';
export * from './schemas/index.ts';
