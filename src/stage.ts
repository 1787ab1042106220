import type { ResolvedConfig } from './config.ts';
import type { PipelineDocument } from './document.ts';
import type { EntityRow, TableRows } from './schemas/index.ts';

/** What a stage works on besides the documents: the corpus-wide results. */
export interface Corpus {
  documents: PipelineDocument[];
  /** Canonical entities, set by link-entities. */
  entities: EntityRow[];
  /** The validated rows of every table, set by validate. */
  tables: TableRows | null;
}

interface StageInfo {
  /** Stage name, also the key of its options in the config. */
  name: string;
  /** What the stage reads from the document or corpus. */
  requires: readonly string[];
  /** What the stage writes. */
  assigns: readonly string[];
}

/** Reads the inputs and produces the documents (touches the disk). */
export interface SourceStage extends StageInfo {
  kind: 'source';
  run(config: ResolvedConfig): Promise<PipelineDocument[]>;
}

/** Works on one document at a time; pure apart from the document it is given. */
export interface DocumentStage extends StageInfo {
  kind: 'document';
  run(document: PipelineDocument, config: ResolvedConfig): void;
}

/** Works across all documents (linking, validation). */
export interface CorpusStage extends StageInfo {
  kind: 'corpus';
  run(corpus: Corpus, config: ResolvedConfig): void;
}

/** Writes the results (touches the disk). */
export interface SinkStage extends StageInfo {
  kind: 'sink';
  run(corpus: Corpus, config: ResolvedConfig, run: RunInfo): Promise<void>;
}

export type Stage = SourceStage | DocumentStage | CorpusStage | SinkStage;

/** Facts about the run that go into the manifest. */
export interface RunInfo {
  startedAt: Date;
  /** Milliseconds spent in each stage, summed over documents. */
  stageMilliseconds: Record<string, number>;
}
