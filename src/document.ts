import type {
  Diagnostic,
  DocumentFormat,
  DocumentStatus,
  DocumentTables,
  EntityCluster,
  EntityType,
  DateGranularity,
  DateKind,
  FigureKind,
  FigureQualifier,
  ClaimKind,
} from './schemas/index.ts';

// A document's entity clusters are stored with its result and read back through their schema; the stages take the type from here.
export type { EntityCluster } from './schemas/index.ts';

/**
 * Internal spans are UTF-16 offsets into the document text (the unit the
 * libraries speak); rows convert them to code points when they are built.
 */
export interface Span {
  start: number;
  end: number;
}

/** One compromise term with its tags and its offsets in the document (UTF-16). */
export interface Token extends Span {
  text: string;
  normal: string;
  tags: ReadonlySet<string>;
  /** Punctuation and spaces before and after the term, as compromise split them. */
  pre: string;
  post: string;
  /** Index of the token's sentence within its passage, from 0. */
  sentence: number;
}

/**
 * The one NLP pass over a passage (src/text/analysis.ts), shared by every
 * extractor: its tokens with compromise's tags and its sentences, in
 * document offsets.
 */
export interface PassageAnalysis {
  /** Document offset of the passage start (UTF-16). */
  offset: number;
  text: string;
  tokens: Token[];
  /** Sentences as document spans (UTF-16), trimmed. */
  sentences: Span[];
}

export interface Passage extends Span {
  index: number;
  isHeading: boolean;
  /** Text of the heading this passage sits under (its own text for a heading). */
  heading: string | null;
}

export interface EntityMention extends Span {
  passageIndex: number;
  type: EntityType;
  text: string;
  /** Within-document cluster, set by cluster-entities; indexes document.entityClusters. */
  cluster?: number;
}

export interface DateExpression extends Span {
  passageIndex: number;
  text: string;
  value: string;
  startDate: string;
  endDate: string;
  granularity: DateGranularity;
  kind: DateKind;
  approximate: boolean;
  referenceDate: string | null;
}

export interface FigureExpression extends Span {
  passageIndex: number;
  text: string;
  value: number;
  valueMax: number | null;
  qualifier: FigureQualifier;
  kind: FigureKind;
  unit: string | null;
  item: string | null;
}

export interface Claim extends Span {
  passageIndex: number;
  kind: ClaimKind;
  text: string;
  speaker: string | null;
  /**
   * The words the speaker was taken from: the name or description itself,
   * or the mention a pronoun or a carried-over speaker resolves to. Null
   * exactly when `speaker` is.
   */
  speakerSpan: Span | null;
  cue: string | null;
}

/**
 * The unit of work: one input document with its exact text and everything the
 * stages add to it. Problems are recorded here, never thrown across documents.
 */
export interface PipelineDocument {
  id: string;
  source: string;
  /** Where the document says it comes from: the `source` field of its JSONL record or front matter, else null. */
  origin: string | null;
  format: DocumentFormat;
  sha256: string;
  title: string | null;
  published: string | null;
  text: string;
  status: DocumentStatus;
  /** Why the document failed or was skipped (severity error), else null. */
  error: Diagnostic | null;
  /** Problems that did not stop the document (severity warning). */
  warnings: Diagnostic[];
  referenceDate: string | null;
  referenceSource: 'published' | 'text' | 'config' | null;
  /** Converts UTF-16 offsets into the text to code points (an OffsetIndex from src/text/offsets.ts, made before the document stages run). */
  offsets?: { toCodePoint(utf16Index: number): number };
  passages: Passage[];
  /** One shared NLP analysis per passage (set by analyze, released after the document stages). */
  analyses: PassageAnalysis[];
  mentions: EntityMention[];
  dates: DateExpression[];
  figures: FigureExpression[];
  claims: Claim[];
  entityClusters: EntityCluster[];
  /** The document's validated table rows, set by validate. */
  rows?: DocumentTables;
  /** Position in the input order: [input file, JSONL line (0 for other files)]; merged shards sort by it. */
  order: readonly [number, number];
}

/** A fresh document with nothing extracted yet. */
export function createDocument(fields: Pick<PipelineDocument, 'id' | 'source' | 'format' | 'sha256' | 'text'> & Partial<PipelineDocument>): PipelineDocument {
  return {
    origin: null,
    title: null,
    published: null,
    status: 'ok',
    error: null,
    warnings: [],
    referenceDate: null,
    referenceSource: null,
    passages: [],
    analyses: [],
    mentions: [],
    dates: [],
    figures: [],
    claims: [],
    entityClusters: [],
    order: [0, 0],
    ...fields,
  };
}

/** Marks a document failed (or skipped) with a coded reason; its extracted data is dropped. */
export function failDocument(document: PipelineDocument, error: Diagnostic, status: 'failed' | 'skipped' = 'failed'): void {
  document.status = status;
  document.error = error;
  document.passages = [];
  document.analyses = [];
  document.mentions = [];
  document.dates = [];
  document.figures = [];
  document.claims = [];
  document.entityClusters = [];
  delete document.rows;
}
