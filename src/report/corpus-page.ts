/**
 * The corpus view (index.html): documents with status and counts, the most
 * mentioned entities, a timeline of the dates, and claims by speaker. Every
 * section is capped, so the page stays small however large the corpus; the
 * document pages hold the detail, and documents.html lists every document
 * when there are more than the corpus view shows.
 */
import type { ClaimRow, DateRow, TableRows } from '../schemas/index.ts';
import { barChart, timelineChart, type TimelineRow } from './charts.ts';
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

function summaryCards(tables: TableRows): string {
  const statuses = { ok: 0, failed: 0, skipped: 0 };
  for (const document of tables.documents) statuses[document.status]++;
  const cards: [number, string][] = [
    [tables.documents.length, 'documents'],
    [statuses.failed + statuses.skipped, 'failed or skipped'],
    [tables.passages.length, 'passages'],
    [tables.mentions.length, 'mentions'],
    [tables.entities.length, 'entities'],
    [tables.dates.length, 'dates'],
    [tables.figures.length, 'figures'],
    [tables.claims.length, 'claims'],
  ];
  return `<ul class="cards">${cards.map(([count, label]) => `<li><strong>${formatCount(count)}</strong><span>${label}</span></li>`).join('')}</ul>`;
}

/** The page that lists every document when the corpus view cannot. */
export const DOCUMENT_LIST_PAGE = 'documents.html';

/** Whether the corpus is too large for the corpus view to list every document. */
export function needsDocumentList(tables: TableRows): boolean {
  return tables.documents.length > CORPUS_LIMITS.documents;
}

function problemsSection(tables: TableRows): string {
  const problems = tables.documents.filter((document) => document.status !== 'ok');
  if (problems.length === 0) return '';
  const more = problems.length > CORPUS_LIMITS.documents ? `<p class="note">The first ${formatCount(CORPUS_LIMITS.documents)} of ${formatCount(problems.length)}; <a href="${DOCUMENT_LIST_PAGE}">the document list</a> has them all.</p>` : '';
  const items = problems.slice(0, CORPUS_LIMITS.documents).map(
    (document) =>
      `<li><span class="status status-${document.status}">${document.status}</span> <a href="${escapeHtml(link(document.doc_id, null))}">${escapeHtml(document.source)}</a>: <span class="reason">${escapeHtml(document.error ?? 'no reason recorded')}</span></li>`,
  );
  return `<section aria-labelledby="problems"><h2 id="problems">Failed and skipped documents</h2>${more}<ul class="problems">${items.join('')}</ul></section>`;
}

/** The table of documents with status and counts per table: the first `limit` documents, or all of them. */
function documentsSection(tables: TableRows, limit: number): string {
  const counts = new Map<string, Record<RowTable, number>>();
  for (const table of ROW_TABLES) {
    for (const row of tables[table]) {
      const documentCounts = counts.get(row.doc_id) ?? { passages: 0, mentions: 0, dates: 0, figures: 0, claims: 0 };
      documentCounts[table]++;
      counts.set(row.doc_id, documentCounts);
    }
  }
  const rows = tables.documents.slice(0, limit).map((document) => {
    const documentCounts = counts.get(document.doc_id);
    const cells = ROW_TABLES.map((table) => `<td class="number">${formatCount(documentCounts?.[table] ?? 0)}</td>`).join('');
    const reason = document.error === null ? '' : `<div class="reason">${escapeHtml(document.error)}</div>`;
    const title = document.title === null ? '' : `<div>${escapeHtml(document.title)}</div>`;
    return `<tr><td><a href="${escapeHtml(link(document.doc_id, null))}">${escapeHtml(document.doc_id)}</a>${title}</td><td><span class="status status-${document.status}">${document.status}</span>${reason}</td><td class="number">${formatCount(document.chars)}</td>${cells}</tr>`;
  });
  const headers = ROW_TABLES.map((table) => `<th class="number" scope="col">${table}</th>`).join('');
  const shown = limit < tables.documents.length ? `<p class="note">The first ${formatCount(limit)} of ${formatCount(tables.documents.length)} documents; <a href="${DOCUMENT_LIST_PAGE}">the document list</a> has them all.</p>` : '';
  return `<section aria-labelledby="documents"><h2 id="documents">Documents</h2>${shown}
<div class="table-scroll"><table><thead><tr><th scope="col">document</th><th scope="col">status</th><th class="number" scope="col">characters</th>${headers}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

function entitiesSection(tables: TableRows): string {
  if (tables.entities.length === 0) return '';
  const top = tables.entities
    .toSorted((first, second) => second.mentions - first.mentions || second.documents - first.documents || compareText(first.name, second.name) || compareText(first.entity_id, second.entity_id))
    .slice(0, CORPUS_LIMITS.entities);
  const bars = top.map((entity) => ({
    label: entity.name,
    value: entity.mentions,
    colour: HIGHLIGHT_COLOURS[entity.type],
    title: `${entity.name} (${entity.entity_id}): ${plural(entity.mentions, 'mention')} in ${plural(entity.documents, 'document')}${entity.aliases.length > 0 ? `; also ${entity.aliases.join(', ')}` : ''}`,
  }));
  const types = (['person', 'place', 'organization'] as const).map((type) => `<li><span class="swatch swatch-${type}"></span>${HIGHLIGHT_LABELS[type]}</li>`).join('');
  const shown = top.length < tables.entities.length ? `The ${formatCount(top.length)} most mentioned of ${formatCount(tables.entities.length)} entities.` : `All ${plural(tables.entities.length, 'entity', 'entities')}.`;
  return `<section aria-labelledby="entities"><h2 id="entities">Most mentioned entities</h2><p class="note">${shown} Hover over a bar for the entity id and aliases.</p>
<ul class="swatches">${types}</ul>
${barChart(bars, `Bar chart of the ${top.length} most mentioned entities by number of mentions`)}</section>`;
}

function timelineSection(tables: TableRows): string {
  if (tables.dates.length === 0) return '';
  const byValue = new Map<string, DateRow[]>();
  for (const date of tables.dates) {
    const key = `${date.value}\u0000${date.start_date}\u0000${date.end_date}`;
    const group = byValue.get(key);
    if (group === undefined) byValue.set(key, [date]);
    else group.push(date);
  }
  const groups = [...byValue.values()]
    .toSorted((first, second) => second.length - first.length)
    .slice(0, CORPUS_LIMITS.timelineRows)
    .toSorted((first, second) => {
      const [a, b] = [first[0] as DateRow, second[0] as DateRow];
      return compareText(a.start_date, b.start_date) || compareText(a.end_date, b.end_date) || compareText(a.value, b.value);
    });
  const rows: TimelineRow[] = groups.map((dates) => {
    const first = dates[0] as DateRow;
    const occurrences = dates.slice(0, 5).map((date) => `“${date.text}” in ${date.doc_id}`);
    if (dates.length > 5) occurrences.push(`and ${formatCount(dates.length - 5)} more`);
    const covers = first.start_date === first.end_date ? first.start_date : `${first.start_date} to ${first.end_date}`;
    return { label: first.value, startDate: first.start_date, endDate: first.end_date, count: dates.length, colour: HIGHLIGHT_COLOURS.date, title: `${first.value} (${covers})\n${occurrences.join('\n')}`, href: link(first.doc_id, first.date_id) };
  });
  const shown = groups.length < byValue.size ? `The ${formatCount(groups.length)} most frequent of ${formatCount(byValue.size)} distinct dates` : `All ${plural(byValue.size, 'distinct date')}`;
  return `<section aria-labelledby="timeline"><h2 id="timeline">Timeline of dates</h2><p class="note">${shown}, by start date; each bar runs from the first to the last day the expression covers, and links to its first occurrence.</p>
${timelineChart(rows, `Timeline of ${rows.length} dates by start date`)}</section>`;
}

function claimItem(claim: ClaimRow): string {
  return `<li><span class="kind">${claim.kind}</span> <a href="${escapeHtml(link(claim.doc_id, claim.claim_id))}">“${escapeHtml(truncate(claim.text, CORPUS_LIMITS.claimCharacters))}”</a> <span class="note">${escapeHtml(claim.doc_id)}</span></li>`;
}

function claimsSection(tables: TableRows): string {
  if (tables.claims.length === 0) return '';
  const bySpeaker = new Map<string, ClaimRow[]>();
  for (const claim of tables.claims) {
    const speaker = claim.speaker ?? '';
    const group = bySpeaker.get(speaker);
    if (group === undefined) bySpeaker.set(speaker, [claim]);
    else group.push(claim);
  }
  const speakers = [...bySpeaker.entries()].toSorted(([firstSpeaker, first], [secondSpeaker, second]) => second.length - first.length || compareText(firstSpeaker, secondSpeaker));
  const items = speakers.slice(0, CORPUS_LIMITS.speakers).map(([speaker, claims]) => {
    const kinds = (['quote', 'reported', 'figure'] as const)
      .map((kind) => [kind, claims.filter((claim) => claim.kind === kind).length] as const)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${formatCount(count)}`)
      .join(', ');
    const entityIds = [...new Set(claims.map((claim) => claim.speaker_entity_id).filter((id) => id !== null))];
    const entity = entityIds.length === 0 ? '' : ` <code>${escapeHtml(entityIds.join(', '))}</code>`;
    const name = speaker === '' ? '<em>no speaker</em>' : escapeHtml(speaker);
    const more = claims.length > CORPUS_LIMITS.claimsPerSpeaker ? `<li class="note">and ${formatCount(claims.length - CORPUS_LIMITS.claimsPerSpeaker)} more in the document pages</li>` : '';
    return `<details class="speaker"><summary><strong>${name}</strong>${entity} <span class="count">${plural(claims.length, 'claim')} (${kinds})</span></summary><ol>${claims.slice(0, CORPUS_LIMITS.claimsPerSpeaker).map(claimItem).join('')}${more}</ol></details>`;
  });
  const shown = speakers.length > CORPUS_LIMITS.speakers ? `The ${formatCount(CORPUS_LIMITS.speakers)} speakers with the most claims, of ${formatCount(speakers.length)}.` : `${plural(speakers.length, 'speaker')}, most claims first.`;
  return `<section aria-labelledby="claims"><h2 id="claims">Claims by speaker</h2><p class="note">${shown} Open a speaker to list the claims; each links to its place in the document.</p>
${items.join('\n')}</section>`;
}

/** The HTML of the corpus view. */
export function renderCorpusPage(tables: TableRows): string {
  const body = `<header class="top"><div>
<h1>quarry review report</h1>
<p class="note">What the pipeline extracted, to look over before trusting the tables. Every document has its own page with the highlighted text.</p>
${summaryCards(tables)}
</div></header>
<main>
${[problemsSection(tables), documentsSection(tables, CORPUS_LIMITS.documents), entitiesSection(tables), timelineSection(tables), claimsSection(tables)].filter((section) => section !== '').join('\n')}
</main>`;
  return page({ title: 'quarry review report', styles: REPORT_STYLES, body });
}

/** The HTML of the full document list, written when the corpus view shows only the first documents. */
export function renderDocumentListPage(tables: TableRows): string {
  const body = `<header class="top"><div>
<nav class="crumbs"><a href="index.html">← Corpus view</a></nav>
<h1>All ${plural(tables.documents.length, 'document')}</h1>
</div></header>
<main>
${documentsSection(tables, tables.documents.length)}
</main>`;
  return page({ title: 'Documents · quarry report', styles: REPORT_STYLES, body });
}
