/** The page of one document: its text with every row highlighted, a legend that filters by type, and tooltips. */
import type { DocumentRows } from '../run/document-result.ts';
import type { EntityNames } from '../stage.ts';
import { rowAnchor } from './file-names.ts';
import { documentBlocks, renderHighlightedText, type Highlight } from './highlight.ts';
import { escapeHtml, formatCount, page } from './html.ts';
import { HIGHLIGHT_LABELS, HIGHLIGHT_TYPES, type HighlightType } from './palette.ts';
import { REPORT_STYLES } from './styles.ts';
import { claimTip, dateTip, figureTip, mentionTip } from './tooltips.ts';

/**
 * The filter is CSS (unticking a type hides its colours with :has), so it
 * works without script. This script only takes hidden highlights out of the
 * tab order, so the keyboard skips what the eye cannot see.
 */
const FILTER_SCRIPT = `for (const box of document.querySelectorAll('.legend input')) box.addEventListener('change', () => {
  for (const mark of document.querySelectorAll('.hl-' + box.value + '[tabindex]')) mark.tabIndex = box.checked ? 0 : -1;
});`;

/** Every row of a document as a highlight, with its tooltip. */
export function documentHighlights(rows: DocumentRows, entities: EntityNames): Highlight[] {
  const documentId = rows.document.doc_id;
  const characters = [...rows.document.text];
  const highlight = (id: string, type: HighlightType, variant: string | null, span: { start: number; end: number }, tip: string): Highlight => ({
    id,
    anchor: rowAnchor(id, documentId),
    type,
    variant,
    start: span.start,
    end: span.end,
    tip,
  });
  return [
    ...rows.claims.map((claim) => highlight(claim.claim_id, 'claim', claim.kind, claim, claimTip(claim, characters))),
    ...rows.mentions.map((mention) => highlight(mention.mention_id, mention.type, null, mention, mentionTip(mention, entities.get(mention.entity_id)))),
    ...rows.dates.map((date) => highlight(date.date_id, 'date', null, date, dateTip(date))),
    ...rows.figures.map((figure) => highlight(figure.figure_id, 'figure', null, figure, figureTip(figure))),
  ];
}

/** The legend: one checkbox per type with its colour sample and count; it is also the filter. */
export function legend(counts: Readonly<Record<HighlightType, number>>): string {
  const items = HIGHLIGHT_TYPES.map(
    (type) =>
      `<label><input type="checkbox" id="show-${type}" value="${type}" checked> <span class="sample sample-${type}">${HIGHLIGHT_LABELS[type]}</span><span class="count">${formatCount(counts[type])}</span></label>`,
  );
  return `<form class="legend" aria-label="Highlight types"><fieldset><legend>Show</legend>
${items.join('\n')}
</fieldset><p>Claims are underlined: solid for quotes, dashed for reported speech, dotted for figure statements.</p><p>Hover over a highlight, or reach it with Tab, to see its values.</p></form>`;
}

function fact(term: string, value: string | number | null): string {
  return value === null ? '' : `<div><dt>${term}</dt><dd>${escapeHtml(String(value))}</dd></div>`;
}

/** The HTML page of one document. */
export function renderDocumentPage(rows: DocumentRows, entities: EntityNames): string {
  const { document } = rows;
  const codePoints = [...document.text];
  const highlights = documentHighlights(rows, entities);
  const counts = Object.fromEntries(HIGHLIGHT_TYPES.map((type) => [type, 0])) as Record<HighlightType, number>;
  for (const highlight of highlights) counts[highlight.type]++;
  const blocks = documentBlocks(codePoints, rows.passages, (passageId) => rowAnchor(passageId, document.doc_id));
  const title = document.title ?? document.doc_id;
  const reference = document.reference_date === null ? null : `${document.reference_date} (${document.reference_source ?? 'unknown'})`;
  const facts = [
    fact('doc_id', document.doc_id),
    fact('source', document.source),
    fact('format', document.format),
    fact('published', document.published),
    fact('reference date', reference),
    fact('characters', formatCount(document.chars)),
    fact('passages', document.passages),
  ].join('');
  const problems = [
    document.error === null ? '' : `<p class="error-box"><strong>${escapeHtml(document.status)}:</strong> ${escapeHtml(document.error)}</p>`,
    document.warnings.length === 0
      ? ''
      : `<details><summary>${document.warnings.length} warning${document.warnings.length === 1 ? '' : 's'}</summary><ul>${document.warnings.map((warning) => `<li><code>${escapeHtml(warning)}</code></li>`).join('')}</ul></details>`,
  ].join('');
  const text = blocks.length === 0 ? '<p class="note">This document has no text to show.</p>' : renderHighlightedText(codePoints, blocks, highlights);
  const body = `<header class="top"><div>
<nav class="crumbs"><a href="../index.html">← All documents</a></nav>
<h1>${escapeHtml(title)} <span class="status status-${document.status}">${document.status}</span></h1>
<dl class="facts">${facts}</dl>
</div></header>
<main>
${problems}
<div class="document-layout">
${legend(counts)}
<article class="text">
${text}</article>
</div>
</main>`;
  return page({ title: `${title} · quarry report`, styles: REPORT_STYLES, body, script: FILTER_SCRIPT });
}
