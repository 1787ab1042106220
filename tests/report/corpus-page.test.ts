import { describe, expect, it } from 'vitest';
import { CORPUS_LIMITS, CorpusSummary, needsDocumentList, renderCorpusPage, renderDocumentListPage, rowsByDocument } from '../../src/report/corpus-page.ts';
import type { ClaimRow, DateRow, DocumentRow, EntityRow } from '../../src/schemas/index.ts';
import type { ReportTables } from '../../src/report/read-tables.ts';
import { sampleTables } from './fixtures.ts';

/** The summary and the corpus view of whole tables. */
const summaryOf = (tables: ReportTables): CorpusSummary => CorpusSummary.of(rowsByDocument(tables).values());
const corpusPage = (tables: ReportTables): string => renderCorpusPage(summaryOf(tables), tables.entities);

const tables = sampleTables();
const html = corpusPage(tables);

describe('renderCorpusPage', () => {
  it('lists every document with its status and counts per table, linking to its page', () => {
    expect(html).toContain(
      '<tr><td><a href="documents/news-2016-1--d0b505cbed44.html">news/2016:1</a><div>Quitting</div></td><td><span class="status status-ok">ok</span></td><td class="number">123</td><td class="number">3</td><td class="number">2</td><td class="number">1</td><td class="number">1</td><td class="number">2</td></tr>',
    );
    expect(html).toContain(
      '<td><a href="documents/broken.html">broken</a></td><td><span class="status status-failed">failed</span><div class="reason">STAGE_FAILED: stage explode failed: &lt;boom&gt;</div></td>',
    );
  });

  it('lists the failed and skipped documents with their reasons', () => {
    expect(html).toContain('<h2 id="problems">Failed and skipped documents</h2>');
    expect(html).toContain(
      '<li><span class="status status-skipped">skipped</span> <a href="documents/picture.html">picture.png</a>: <span class="reason">LOAD_UNSUPPORTED: not a text format</span></li>',
    );
  });

  it('charts the entities, the dates and the claims by speaker', () => {
    expect(html).toContain('aria-label="Bar chart of the 2 most mentioned entities by number of mentions"');
    expect(html).toContain('>Gao &lt;Zhisheng&gt;</text>');
    expect(html).toContain('<a href="documents/news-2016-1--d0b505cbed44.html#d0">');
    expect(html).toContain('<summary><strong>Gao</strong> <code>person:gao</code> <span class="count">1 claim (quote 1)</span></summary>');
    expect(html).toContain('<a href="documents/news-2016-1--d0b505cbed44.html#c1">“Tom &amp; Jerry”</a>');
  });

  it('stays bounded on a large corpus: top entities, capped speakers and claims, with the totals said', () => {
    const entities: EntityRow[] = Array.from({ length: 120 }, (_, index) => ({
      entity_id: `place:p${index}`,
      type: 'place',
      name: `Place ${index}`,
      aliases: [],
      mentions: index + 1,
      documents: 1,
    }));
    const claim = tables.claims[0] as ClaimRow;
    const claims: ClaimRow[] = Array.from({ length: 400 }, (_, index) => ({ ...claim, claim_id: `news/2016:1#c${index}`, speaker: `Speaker ${index % 80}` }));
    const large: ReportTables = { ...tables, entities, claims };
    const page = corpusPage(large);
    const entitySection = page.slice(page.indexOf('id="entities"'), page.indexOf('id="timeline"'));
    expect(entitySection.match(/<rect /g)).toHaveLength(CORPUS_LIMITS.entities);
    expect(entitySection).toContain('The 50 most mentioned of 120 entities.');
    expect(entitySection).toContain('>Place 119</text>');
    expect(entitySection).not.toContain('>Place 69</text>');
    expect(page.match(/<details class="speaker">/g)).toHaveLength(CORPUS_LIMITS.speakers);
    expect(page).toContain('The 50 speakers with the most claims, of 80.');
  });

  it('caps the claims listed under one speaker', () => {
    const claim = tables.claims[1] as ClaimRow;
    const claims: ClaimRow[] = Array.from({ length: 25 }, (_, index) => ({ ...claim, claim_id: `news/2016:1#c${index}` }));
    const page = corpusPage({ ...tables, claims });
    expect(page.match(/<li><span class="kind">quote<\/span>/g)).toHaveLength(CORPUS_LIMITS.claimsPerSpeaker);
    expect(page).toContain('<li class="note">and 5 more in the document pages</li>');
  });

  it('leaves out the sections with no rows, and loads nothing from elsewhere', () => {
    const empty = corpusPage({ documents: [], passages: [], mentions: [], entities: [], dates: [], figures: [], claims: [] });
    for (const id of ['problems', 'entities', 'timeline', 'claims']) expect(empty).not.toContain(`id="${id}"`);
    expect(html).not.toMatch(/\ssrc=|<link|<script|https?:\/\/|url\(/);
  });
});

describe('a corpus with more documents than the corpus view lists', () => {
  const documents = Array.from({ length: CORPUS_LIMITS.documents + 20 }, (_, index) => ({ ...(tables.documents[1] as DocumentRow), doc_id: `d${index}` }));
  const large: ReportTables = { ...tables, documents };

  it('lists the first documents and failures, and links to the full list', () => {
    const page = corpusPage(large);
    const documentSection = page.slice(page.indexOf('id="documents"'));
    expect(documentSection.match(/<tr><td>/g)).toHaveLength(CORPUS_LIMITS.documents);
    expect(documentSection).toContain('<p class="note">The first 500 of 520 documents; <a href="documents.html">the document list</a> has them all.</p>');
    expect(page).toContain('<p class="note">The first 500 of 520; <a href="documents.html">the document list</a> has them all.</p>');
  });

  it('gets a document list page with every document', () => {
    expect(needsDocumentList(summaryOf(tables))).toBe(false);
    expect(needsDocumentList(summaryOf(large))).toBe(true);
    const list = renderDocumentListPage(summaryOf(large));
    expect(list.match(/<tr><td>/g)).toHaveLength(520);
    expect(list).toContain('<h1>All 520 documents</h1>');
    expect(list).toContain('<a href="documents/d519.html">d519</a>');
  });
});

describe('CorpusSummary', () => {
  it('counts every row but keeps only what the corpus view shows: five occurrences per date value, the first claims per speaker, documents without their text', () => {
    const date = tables.dates[0] as DateRow;
    const claim = tables.claims[1] as ClaimRow;
    const dates: DateRow[] = Array.from({ length: 8 }, (_, index) => ({ ...date, date_id: `news/2016:1#d${index}` }));
    const claims: ClaimRow[] = Array.from({ length: 25 }, (_, index) => ({ ...claim, claim_id: `news/2016:1#c${index}` }));
    const summary = summaryOf({ ...tables, dates, claims });
    expect(summary.totals.dates).toBe(8);
    expect([...summary.dates.values()].map((group) => [group.count, group.occurrences.map((row) => row.date_id)])).toEqual([
      [8, ['news/2016:1#d0', 'news/2016:1#d1', 'news/2016:1#d2', 'news/2016:1#d3', 'news/2016:1#d4']],
    ]);
    const speaker = summary.speakers.get(claim.speaker ?? '');
    expect([speaker?.count, speaker?.claims.length, speaker?.kinds]).toEqual([25, CORPUS_LIMITS.claimsPerSpeaker, { quote: 25, reported: 0, figure: 0 }]);
    expect(summary.documents.map(({ document }) => 'text' in document)).toEqual([false, false, false]);
    expect(corpusPage({ ...tables, dates, claims })).toContain('and 3 more');
  });
});
