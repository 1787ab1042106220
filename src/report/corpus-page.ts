/**
 * The corpus view (index.html): documents with status and counts, the most
 * mentioned entities, a timeline of the dates, and claims by speaker. Every
 * section is capped, so the page stays small however large the corpus; the
 * document pages hold the detail, and documents.html lists every document
 * when there are more than the corpus view shows.
 */
import type { ClaimKind, ClaimRow, DateRow, DocumentRow, EntityRow } from '../schemas/index.ts';
import type { ReportTables } from './read-tables.ts';
import { barChart, timelineChart, type TimelineRow } from './charts.ts';
import type { DocumentRows } from '../run/document-result.ts';
import { documentPagePath, rowAnchor } from './file-names.ts';
import { escapeHtml, formatCount, page, truncate } from './html.ts';
import { HIGHLIGHT_COLOURS, HIGHLIGHT_LABELS } from './palette.ts';
import { REPORT_STYLES } from './styles.ts';

/** How much of each section the corpus view shows. */
export const CORPUS_LIMITS = {
  /** Documents in the table and in the list of failed and skipped ones; a larger corpus gets the full table in documents.html. */
  documents: 500,
  /** Entities in the bar chart. */
  entities: 50,
  /** Distinct date values on the timeline. */
  timelineRows: 80,
  /** Speakers listed. */
  speakers: 50,
  /** Claims listed under each speaker. */
  claimsPerSpeaker: 20,
  /** Characters of claim text shown in a list. */
  claimCharacters: 220,
} as const;

const ROW_TABLES = ['passages', 'mentions', 'dates', 'figures', 'claims'] as const;
type RowTable = (typeof ROW_TABLES)[number];
const CLAIM_KINDS = ['quote', 'reported', 'figure'] as const satisfies readonly ClaimKind[];

/** A document as the corpus view lists it: its row without the text, and its rows per table. */
interface DocumentSummary {
  document: Omit<DocumentRow, 'text'>;
  counts: Record<RowTable, number>;
}

/** The dates with one value: how many, the first, and the first few (for the tooltip). */
interface DateGroup {
  count: number;
  first: DateRow;
  occurrences: DateRow[];
}

/** The claims of one speaker: how many of each kind, the speaker's entity ids, and the first claims (for the list). */
interface SpeakerGroup {
  count: number;
  kinds: Record<ClaimKind, number>;
  entityIds: Set<string>;
  claims: ClaimRow[];
}

/** Occurrences of a date value named in the timeline's tooltip. */
const DATE_OCCURRENCES = 5;

/**
 * What the corpus view shows, gathered one document at a time: a summary of
 * each document, the dates grouped by value and the claims grouped by
 * speaker, each group keeping only what the page shows. A run adds the
 * documents as they stream, so the report never holds the corpus.
 */
export class CorpusSummary {
  readonly documents: DocumentSummary[] = [];
  readonly totals: Record<RowTable, number> = { passages: 0, mentions: 0, dates: 0, figures: 0, claims: 0 };
  readonly dates = new Map<string, DateGroup>();
  readonly speakers = new Map<string, SpeakerGroup>();

  /** The summary of documents' rows (see rowsByDocument). */
  static of(documents: Iterable<DocumentRows>): CorpusSummary {
    const summary = new CorpusSummary();
    for (const rows of documents) summary.add(rows);
    return summary;
  }

  add(rows: DocumentRows): void {
    const { text: _text, ...document } = rows.document;
    const counts = Object.fromEntries(ROW_TABLES.map((table) => [table, rows[table].length])) as Record<RowTable, number>;
    this.documents.push({ document, counts });
    for (const table of ROW_TABLES) this.totals[table] += counts[table];
    for (const date of rows.dates) {
      const key = `${date.value}\u0000${date.start_date}\u0000${date.end_date}`;
      const group = this.dates.get(key);
      if (group === undefined) this.dates.set(key, { count: 1, first: date, occurrences: [date] });
      else {
        group.count++;
        if (group.occurrences.length < DATE_OCCURRENCES) group.occurrences.push(date);
      }
    }
    for (const claim of rows.claims) {
      const speaker = claim.speaker ?? '';
      let group = this.speakers.get(speaker);
      if (group === undefined) {
        group = { count: 0, kinds: { quote: 0, reported: 0, figure: 0 }, entityIds: new Set(), claims: [] };
        this.speakers.set(speaker, group);
      }
      group.count++;
      group.kinds[claim.kind]++;
      if (claim.speaker_entity_id !== null) group.entityIds.add(claim.speaker_entity_id);
      if (group.claims.length < CORPUS_LIMITS.claimsPerSpeaker) group.claims.push(claim);
    }
  }
}

/** The rows of every table grouped by document, in one pass over each table. */
export function rowsByDocument(tables: ReportTables): Map<string, DocumentRows> {
  const documents = new Map<string, DocumentRows>();
  for (const document of tables.documents) documents.set(document.doc_id, { document, passages: [], mentions: [], dates: [], figures: [], claims: [] });
  for (const passage of tables.passages) documents.get(passage.doc_id)?.passages.push(passage);
  for (const mention of tables.mentions) documents.get(mention.doc_id)?.mentions.push(mention);
  for (const date of tables.dates) documents.get(date.doc_id)?.dates.push(date);
  for (const figure of tables.figures) documents.get(figure.doc_id)?.figures.push(figure);
  for (const claim of tables.claims) documents.get(claim.doc_id)?.claims.push(claim);
  return documents;
}

/** Code unit order: unlike localeCompare it does not depend on the ICU data of the machine, so the bytes stay the same. */
function compareText(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

function link(documentId: string, rowId: string | null): string {
  return rowId === null ? documentPagePath(documentId) : `${documentPagePath(documentId)}#${rowAnchor(rowId, documentId)}`;
}

function summaryCards(summary: CorpusSummary, entities: readonly EntityRow[]): string {
  const statuses = { ok: 0, failed: 0, skipped: 0 };
  for (const { document } of summary.documents) statuses[document.status]++;
  const cards: [number, string][] = [
    [summary.documents.length, 'documents'],
    [statuses.failed + statuses.skipped, 'failed or skipped'],
    [summary.totals.passages, 'passages'],
    [summary.totals.mentions, 'mentions'],
    [entities.length, 'entities'],
    [summary.totals.dates, 'dates'],
    [summary.totals.figures, 'figures'],
    [summary.totals.claims, 'claims'],
  ];
  return `<ul class="cards">${cards.map(([count, label]) => `<li><strong>${formatCount(count)}</strong><span>${label}</span></li>`).join('')}</ul>`;
}

/** The page that lists every document when the corpus view cannot. */
export const DOCUMENT_LIST_PAGE = 'documents.html';

/** Whether the corpus is too large for the corpus view to list every document. */
export function needsDocumentList(summary: CorpusSummary): boolean {
  return summary.documents.length > CORPUS_LIMITS.documents;
}

function problemsSection(summary: CorpusSummary): string {
  const problems = summary.documents.map(({ document }) => document).filter((document) => document.status !== 'ok');
  if (problems.length === 0) return '';
  const more =
    problems.length > CORPUS_LIMITS.documents
      ? `<p class="note">The first ${formatCount(CORPUS_LIMITS.documents)} of ${formatCount(problems.length)}; <a href="${DOCUMENT_LIST_PAGE}">the document list</a> has them all.</p>`
      : '';
  const items = problems
    .slice(0, CORPUS_LIMITS.documents)
    .map(
      (document) =>
        `<li><span class="status status-${document.status}">${document.status}</span> <a href="${escapeHtml(link(document.doc_id, null))}">${escapeHtml(document.source)}</a>: <span class="reason">${escapeHtml(document.error ?? 'no reason recorded')}</span></li>`,
    );
  return `<section aria-labelledby="problems"><h2 id="problems">Failed and skipped documents</h2>${more}<ul class="problems">${items.join('')}</ul></section>`;
}

/** The table of documents with status and counts per table: the first `limit` documents, or all of them. */
function documentsSection(summary: CorpusSummary, limit: number): string {
  const rows = summary.documents.slice(0, limit).map(({ document, counts }) => {
    const cells = ROW_TABLES.map((table) => `<td class="number">${formatCount(counts[table])}</td>`).join('');
    const reason = document.error === null ? '' : `<div class="reason">${escapeHtml(document.error)}</div>`;
    const title = document.title === null ? '' : `<div>${escapeHtml(document.title)}</div>`;
    return `<tr><td><a href="${escapeHtml(link(document.doc_id, null))}">${escapeHtml(document.doc_id)}</a>${title}</td><td><span class="status status-${document.status}">${document.status}</span>${reason}</td><td class="number">${formatCount(document.chars)}</td>${cells}</tr>`;
  });
  const headers = ROW_TABLES.map((table) => `<th class="number" scope="col">${table}</th>`).join('');
  const shown =
    limit < summary.documents.length
      ? `<p class="note">The first ${formatCount(limit)} of ${formatCount(summary.documents.length)} documents; <a href="${DOCUMENT_LIST_PAGE}">the document list</a> has them all.</p>`
      : '';
  return `<section aria-labelledby="documents"><h2 id="documents">Documents</h2>${shown}
<div class="table-scroll"><table><thead><tr><th scope="col">document</th><th scope="col">status</th><th class="number" scope="col">characters</th>${headers}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

function entitiesSection(entities: readonly EntityRow[]): string {
  if (entities.length === 0) return '';
  const top = entities
    .toSorted(
      (first, second) =>
        second.mentions - first.mentions ||
        second.documents - first.documents ||
        compareText(first.name, second.name) ||
        compareText(first.entity_id, second.entity_id),
    )
    .slice(0, CORPUS_LIMITS.entities);
  const bars = top.map((entity) => ({
    label: entity.name,
    value: entity.mentions,
    colour: HIGHLIGHT_COLOURS[entity.type],
    title: `${entity.name} (${entity.entity_id}): ${plural(entity.mentions, 'mention')} in ${plural(entity.documents, 'document')}${entity.aliases.length > 0 ? `; also ${entity.aliases.join(', ')}` : ''}`,
  }));
  const types = (['person', 'place', 'organization'] as const)
    .map((type) => `<li><span class="swatch swatch-${type}"></span>${HIGHLIGHT_LABELS[type]}</li>`)
    .join('');
  const shown =
    top.length < entities.length
      ? `The ${formatCount(top.length)} most mentioned of ${formatCount(entities.length)} entities.`
      : `All ${plural(entities.length, 'entity', 'entities')}.`;
  return `<section aria-labelledby="entities"><h2 id="entities">Most mentioned entities</h2><p class="note">${shown} Hover over a bar for the entity id and aliases.</p>
<ul class="swatches">${types}</ul>
${barChart(bars, `Bar chart of the ${top.length} most mentioned entities by number of mentions`)}</section>`;
}

function timelineSection(summary: CorpusSummary): string {
  if (summary.totals.dates === 0) return '';
  const groups = [...summary.dates.values()]
    .toSorted((first, second) => second.count - first.count)
    .slice(0, CORPUS_LIMITS.timelineRows)
    .toSorted(({ first: a }, { first: b }) => compareText(a.start_date, b.start_date) || compareText(a.end_date, b.end_date) || compareText(a.value, b.value));
  const rows: TimelineRow[] = groups.map(({ count, first, occurrences: dates }) => {
    const occurrences = dates.map((date) => `“${date.text}” in ${date.doc_id}`);
    if (count > DATE_OCCURRENCES) occurrences.push(`and ${formatCount(count - DATE_OCCURRENCES)} more`);
    const covers = first.start_date === first.end_date ? first.start_date : `${first.start_date} to ${first.end_date}`;
    return {
      label: first.value,
      startDate: first.start_date,
      endDate: first.end_date,
      count,
      colour: HIGHLIGHT_COLOURS.date,
      title: `${first.value} (${covers})\n${occurrences.join('\n')}`,
      href: link(first.doc_id, first.date_id),
    };
  });
  const shown =
    groups.length < summary.dates.size
      ? `The ${formatCount(groups.length)} most frequent of ${formatCount(summary.dates.size)} distinct dates`
      : `All ${plural(summary.dates.size, 'distinct date')}`;
  return `<section aria-labelledby="timeline"><h2 id="timeline">Timeline of dates</h2><p class="note">${shown}, by start date; each bar runs from the first to the last day the expression covers, and links to its first occurrence.</p>
${timelineChart(rows, `Timeline of ${rows.length} dates by start date`)}</section>`;
}

function claimItem(claim: ClaimRow): string {
  return `<li><span class="kind">${claim.kind}</span> <a href="${escapeHtml(link(claim.doc_id, claim.claim_id))}">“${escapeHtml(truncate(claim.text, CORPUS_LIMITS.claimCharacters))}”</a> <span class="note">${escapeHtml(claim.doc_id)}</span></li>`;
}

function claimsSection(summary: CorpusSummary): string {
  if (summary.totals.claims === 0) return '';
  const speakers = [...summary.speakers.entries()].toSorted(
    ([firstSpeaker, first], [secondSpeaker, second]) => second.count - first.count || compareText(firstSpeaker, secondSpeaker),
  );
  const items = speakers.slice(0, CORPUS_LIMITS.speakers).map(([speaker, group]) => {
    const kinds = CLAIM_KINDS.filter((kind) => group.kinds[kind] > 0)
      .map((kind) => `${kind} ${formatCount(group.kinds[kind])}`)
      .join(', ');
    const entity = group.entityIds.size === 0 ? '' : ` <code>${escapeHtml([...group.entityIds].join(', '))}</code>`;
    const name = speaker === '' ? '<em>no speaker</em>' : escapeHtml(speaker);
    const more =
      group.count > CORPUS_LIMITS.claimsPerSpeaker
        ? `<li class="note">and ${formatCount(group.count - CORPUS_LIMITS.claimsPerSpeaker)} more in the document pages</li>`
        : '';
    return `<details class="speaker"><summary><strong>${name}</strong>${entity} <span class="count">${plural(group.count, 'claim')} (${kinds})</span></summary><ol>${group.claims.map(claimItem).join('')}${more}</ol></details>`;
  });
  const shown =
    speakers.length > CORPUS_LIMITS.speakers
      ? `The ${formatCount(CORPUS_LIMITS.speakers)} speakers with the most claims, of ${formatCount(speakers.length)}.`
      : `${plural(speakers.length, 'speaker')}, most claims first.`;
  return `<section aria-labelledby="claims"><h2 id="claims">Claims by speaker</h2><p class="note">${shown} Open a speaker to list the claims; each links to its place in the document.</p>
${items.join('\n')}</section>`;
}

/** The HTML of the corpus view. */
export function renderCorpusPage(summary: CorpusSummary, entities: readonly EntityRow[]): string {
  const body = `<header class="top"><div>
<h1>quarry review report</h1>
<p class="note">What the pipeline extracted, to look over before trusting the tables. Every document has its own page with the highlighted text.</p>
${summaryCards(summary, entities)}
</div></header>
<main>
${[problemsSection(summary), documentsSection(summary, CORPUS_LIMITS.documents), entitiesSection(entities), timelineSection(summary), claimsSection(summary)].filter((section) => section !== '').join('\n')}
</main>`;
  return page({ title: 'quarry review report', styles: REPORT_STYLES, body });
}

/** The HTML of the full document list, written when the corpus view shows only the first documents. */
export function renderDocumentListPage(summary: CorpusSummary): string {
  const body = `<header class="top"><div>
<nav class="crumbs"><a href="index.html">← Corpus view</a></nav>
<h1>All ${plural(summary.documents.length, 'document')}</h1>
</div></header>
<main>
${documentsSection(summary, summary.documents.length)}
</main>`;
  return page({ title: 'Documents · quarry report', styles: REPORT_STYLES, body });
}
