/** Library API: the pipeline, its stages, its config and its record types. */
export { defineConfig, loadConfig, resolveConfig, ConfigError, PipelineConfigSchema, type PipelineConfig, type ResolvedConfig } from './config.ts';
export { runPipeline, STAGES, checkStageOrder, type RunOptions, type RunResult, type ProgressEvent } from './pipeline.ts';
export type { Corpus, Stage, SourceStage, DocumentStage, CorpusStage, SinkStage, RunInfo } from './stage.ts';
export type { PipelineDocument, Passage, EntityMention, DateExpression, FigureExpression, Claim, EntityCluster, Span } from './document.ts';
export { MessageCode } from './messages.ts';
export { load, InputError } from './stages/load.ts';
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
