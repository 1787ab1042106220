/**
 * A document's table rows, built in one place for the validate stage (which
 * checks them) and the runner (which stores them): code point offsets,
 * derived ids, local entity references, and each claim linked to the
 * mentions, figures and dates inside it; and the result a document
 * contributes to the run, its rows with its entity clusters (its error and
 * warnings kept as diagnostics until its rows are written).
 */
import { SpeakerEntities } from '../claims/speaker-entity.ts';
import { renderDiagnostic } from '../diagnostics.ts';
import type { EntityMention, PipelineDocument, Span } from '../document.ts';
import { localEntityReference, type DocumentRecord, type DocumentResult, type DocumentRows } from '../run/document-result.ts';
import type { ClaimRow, DateRow, DocumentRow, DocumentTables, FigureRow, MentionRow, PassageRow } from '../schemas/index.ts';
import { OffsetIndex, codePointLength } from '../text/offsets.ts';
import { SpanIndex } from '../text/spans.ts';

/** The local entity reference of a mention's cluster (resolved corpus-wide when the tables are written). */
const entityReference = (mention: EntityMention): string | undefined => (mention.cluster === undefined ? undefined : localEntityReference(mention.cluster));

const unique = (values: (string | undefined)[]): string[] => [...new Set(values.filter((value): value is string => value !== undefined))];

/** Turns one document's extractions into table rows, with code point offsets and derived ids. */
export function documentRows(document: PipelineDocument): DocumentTables {
  const offsets = document.offsets ?? new OffsetIndex(document.text);
  const codePoints = (span: Span): { start: number; end: number } => ({ start: offsets.toCodePoint(span.start), end: offsets.toCodePoint(span.end) });
  const passageId = (index: number): string => `${document.id}#p${index}`;
  const speakerOffsets = (span: Span | null): { speaker_start: number | null; speaker_end: number | null } => {
    const { start, end } = span === null ? { start: null, end: null } : codePoints(span);
    return { speaker_start: start, speaker_end: end };
  };
  const localReference = (cluster: number | null): string | null => (cluster === null ? null : localEntityReference(cluster));
  const passages: PassageRow[] = document.passages.map((passage) => ({
    passage_id: passageId(passage.index),
    doc_id: document.id,
    index: passage.index,
    ...codePoints(passage),
    heading: passage.heading,
    is_heading: passage.isHeading,
    text: document.text.slice(passage.start, passage.end),
  }));
  const mentionIds = document.mentions.map((_, index) => `${document.id}#m${index}`);
  const mentions: MentionRow[] = document.mentions.map((mention, index) => ({
    mention_id: mentionIds[index] as string,
    doc_id: document.id,
    passage_id: passageId(mention.passageIndex),
    entity_id: entityReference(mention) ?? '',
    type: mention.type,
    text: mention.text,
    ...codePoints(mention),
  }));
  const dateIds = document.dates.map((_, index) => `${document.id}#d${index}`);
  const dates: DateRow[] = document.dates.map((date, index) => ({
    date_id: dateIds[index] as string,
    doc_id: document.id,
    passage_id: passageId(date.passageIndex),
    text: date.text,
    ...codePoints(date),
    value: date.value,
    start_date: date.startDate,
    end_date: date.endDate,
    granularity: date.granularity,
    kind: date.kind,
    approximate: date.approximate,
    reference_date: date.referenceDate,
  }));
  const figureIds = document.figures.map((_, index) => `${document.id}#f${index}`);
  const figures: FigureRow[] = document.figures.map((figure, index) => ({
    figure_id: figureIds[index] as string,
    doc_id: document.id,
    passage_id: passageId(figure.passageIndex),
    text: figure.text,
    ...codePoints(figure),
    value: figure.value,
    value_max: figure.valueMax,
    qualifier: figure.qualifier,
    kind: figure.kind,
    unit: figure.unit,
    item: figure.item,
  }));
  const speakerEntities = new SpeakerEntities(document);
  const [mentionIndex, figureIndex, dateIndex] = [new SpanIndex(document.mentions), new SpanIndex(document.figures), new SpanIndex(document.dates)];
  const claims: ClaimRow[] = document.claims.map((claim, index) => ({
    claim_id: `${document.id}#c${index}`,
    doc_id: document.id,
    passage_id: passageId(claim.passageIndex),
    kind: claim.kind,
    text: claim.text,
    ...codePoints(claim),
    speaker: claim.speaker,
    ...speakerOffsets(claim.speakerSpan),
    speaker_entity_id: localReference(speakerEntities.clusterOf(claim)),
    cue: claim.cue,
    entity_ids: unique(mentionIndex.within(claim).map((found) => entityReference(document.mentions[found] as EntityMention))),
    figure_ids: unique(figureIndex.within(claim).map((found) => figureIds[found])),
    date_ids: unique(dateIndex.within(claim).map((found) => dateIds[found])),
  }));
  return { passages, mentions, dates, figures, claims };
}

/** A document's row in the documents table: what it is, where it came from, and what happened to it. */
export function documentRow(document: PipelineDocument): DocumentRow {
  return renderedDocumentRow(documentRecord(document));
}

/** A document's row as its result keeps it, the error and warnings still diagnostics. */
function documentRecord(document: PipelineDocument): DocumentRecord {
  return {
    doc_id: document.id,
    source: document.source,
    origin: document.origin,
    format: document.format,
    sha256: document.sha256,
    chars: codePointLength(document.text),
    title: document.title,
    published: document.published,
    reference_date: document.referenceDate,
    reference_source: document.referenceSource,
    passages: document.passages.length,
    status: document.status,
    error: document.error,
    warnings: document.warnings,
    text: document.text,
  };
}

const NO_ROWS: DocumentTables = { passages: [], mentions: [], dates: [], figures: [], claims: [] };

/** What a document contributes to the run: its documents row, its validated rows and its entity clusters. */
export function documentResult(document: PipelineDocument): DocumentResult {
  const rows = document.status === 'ok' ? (document.rows ?? NO_ROWS) : NO_ROWS;
  const clusters = document.status === 'ok' ? document.entityClusters.map(({ type, name, forms }) => ({ type, name, forms })) : [];
  return { document: documentRecord(document), ...rows, clusters };
}

/** A kept documents row with its error and warnings rendered as the table writes them ("CODE: message"). */
function renderedDocumentRow(record: DocumentRecord): DocumentRow {
  return { ...record, error: record.error === null ? null : renderDiagnostic(record.error), warnings: record.warnings.map(renderDiagnostic) };
}

/** A result's rows as the tables hold them: the documents row rendered, the clusters (for linking only) left out. */
export function writtenRows({ document, clusters: _clusters, ...rows }: DocumentResult): DocumentRows {
  return { document: renderedDocumentRow(document), ...rows };
}
