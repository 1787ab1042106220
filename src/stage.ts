import type { ResolvedConfig } from './config.ts';
import type { PipelineDocument } from './document.ts';
import type { InputFile } from './input/discover.ts';
import type { EntityCluster } from './document.ts';
import type { InputSurvey } from './input/survey.ts';
import type { DocumentResult, DocumentRows } from './run/document-result.ts';
import type { EntityRow } from './schemas/index.ts';
import type { AnyStageOptions } from './stage-options.ts';

interface StageInfo {
  /** Stage name, also the key of its options in the config. */
  name: string;
  /** What the stage reads from the document or the run. */
  requires: readonly string[];
  /** What the stage writes. */
  assigns: readonly string[];
  /** The stage's options (in src/stages/options/), under its name in the config; a stage without any has none. */
  options?: AnyStageOptions;
}

/** Reads the inputs and yields the documents in input order (touches the disk). */
export interface SourceStage extends StageInfo {
  kind: 'source';
  /**
   * `select` picks the inputs of this run (a shard); all by default. `onSurvey` hears what the inputs hold (how many
   * documents, how many bytes, which folders were left out) before the first document comes.
   */
  run(config: ResolvedConfig, select?: (file: InputFile) => boolean, onSurvey?: (survey: InputSurvey) => void): AsyncIterable<PipelineDocument>;
}

/** Works on one document at a time, in a worker thread; pure apart from the document it is given. */
export interface DocumentStage extends StageInfo {
  kind: 'document';
  run(document: PipelineDocument, config: ResolvedConfig): void;
}

/**
 * Links the documents' entity clusters into corpus-wide entities. It sees
 * each document's clusters once, keeping only a compact summary (names and
 * their links, never the documents), then resolves every document's clusters
 * to entity ids and counts the mentions while the tables are written.
 */
export interface EntityLinker {
  /** Takes one document's clusters (first pass, any order). */
  add(clusters: readonly EntityCluster[]): void;
  /** Ends the first pass: the groups and their canonical names are fixed. */
  finish(): void;
  /** Replaces a result's local entity references by entity ids and counts its mentions (second pass, input order). */
  resolve(result: DocumentResult): DocumentResult;
  /** The entities table, once every result has been resolved. */
  entities(): EntityRow[];
  /** The canonical name of every entity id, once the first pass has ended. */
  names(): EntityNames;
}

/** Canonical entity names by entity id. */
export type EntityNames = ReadonlyMap<string, { name: string }>;

/** Works across all documents: entity linking. */
export interface CorpusStage extends StageInfo {
  kind: 'corpus';
  createLinker(config: ResolvedConfig): EntityLinker;
}

/** Receives each document's rows as the tables hold them (entities resolved, diagnostics rendered), in input order, and writes something from them (touches the disk). */
export interface Sink {
  add(rows: DocumentRows): Promise<void>;
  /** Called once every result was added; `entities` and `manifest` are final. */
  close(entities: readonly EntityRow[], manifest: Record<string, unknown>): Promise<void>;
  /** Called instead of close when the run fails: leave the previous output as it was. */
  abort(): Promise<void>;
}

/** Writes the results (tables, report). */
export interface SinkStage extends StageInfo {
  kind: 'sink';
  /** Opens the sink for a run; `names` are the canonical names of the run's entities (final when the second pass starts). */
  open(config: ResolvedConfig, names: EntityNames): Promise<Sink>;
}

export type Stage = SourceStage | DocumentStage | CorpusStage | SinkStage;
