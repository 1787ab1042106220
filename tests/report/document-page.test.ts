import { describe, expect, it } from 'vitest';
import { documentHighlights, legend, renderDocumentPage } from '../../src/report/document-page.ts';
import { rowsByDocument } from '../../src/report/index.ts';
import type { EntityRow } from '../../src/schemas/index.ts';
import { sampleTables } from './fixtures.ts';

const tables = sampleTables();
const entities = new Map<string, EntityRow>(tables.entities.map((entity) => [entity.entity_id, entity]));
const byDocument = rowsByDocument(tables);
const okRows = byDocument.get('news/2016:1');
if (okRows === undefined) throw new Error('the fixture has no news/2016:1');
const html = renderDocumentPage(okRows, entities);

describe('documentHighlights', () => {
  it('makes one highlight per row, anchored by the row id suffix, with its tooltip', () => {
    expect(documentHighlights(okRows, entities).map(({ id, anchor, type, variant, start, end }) => [id, anchor, type, variant, start, end])).toEqual([
      ['news/2016:1#c0', 'c0', 'claim', 'reported', 48, 97],
      ['news/2016:1#c1', 'c1', 'claim', 'quote', 110, 121],
      ['news/2016:1#m0', 'm0', 'person', null, 28, 37],
      ['news/2016:1#m1', 'm1', 'person', null, 100, 103],
      ['news/2016:1#d0', 'd0', 'date', null, 82, 97],
      ['news/2016:1#f0', 'f0', 'figure', null, 48, 50],
    ]);
  });
});

describe('legend', () => {
  it('has a ticked checkbox, a colour sample and a count for every type, in order', () => {
    const html = legend({ person: 2, place: 0, organization: 0, date: 1, figure: 1, claim: 2 });
    const items = [
      ...html.matchAll(
        /<input type="checkbox" id="show-(\w+)" value="\1" checked> <span class="sample sample-\1">(\w+)<\/span><span class="count">(\d+)<\/span>/g,
      ),
    ].map((match) => [match[1], match[2], match[3]]);
    expect(items).toEqual([
      ['person', 'Person', '2'],
      ['place', 'Place', '0'],
      ['organization', 'Organization', '0'],
      ['date', 'Date', '1'],
      ['figure', 'Figure', '1'],
      ['claim', 'Claim', '2'],
    ]);
  });
});

describe('renderDocumentPage', () => {
  it('renders the heading and paragraphs with nested, escaped highlights', () => {
    expect(html).toContain('<h2 id="p0">Quitting 😀 &lt;the&gt; Party</h2>');
    expect(html).toContain(
      '<p id="p1">Ms. <mark class="hl hl-person" data-id="news/2016:1#m0" data-tip="Person: Li Dayong\nentity: person:li-dayong" id="m0" tabindex="0">Li Dayong</mark> said that ' +
        '<span class="hl hl-claim hl-claim-reported" data-id="news/2016:1#c0" data-tip="Claim: reported\nspeaker: Ms. Li Dayong (person:li-dayong)\nspeaker words: “Ms. Li Dayong” at 24–37\ncue: said" id="c0" tabindex="0">' +
        '<mark class="hl hl-figure" data-id="news/2016:1#f0" data-tip="Figure: 47\ncount, exact\nitem: practitioners" id="f0" tabindex="0">47</mark> practitioners were released on ' +
        '<mark class="hl hl-date" data-id="news/2016:1#d0" data-tip="Date: 2016-01-07\nday: 2016-01-07\ndate, day" id="d0" tabindex="0">January 7, 2016</mark></span>.</p>',
    );
    expect(html).toContain(
      '<mark class="hl hl-person" data-id="news/2016:1#m1" data-tip="Person: Gao &lt;Zhisheng&gt;\nentity: person:gao" id="m1" tabindex="0">Gao</mark>',
    );
    expect(html).toContain(
      '&quot;<span class="hl hl-claim hl-claim-quote" data-id="news/2016:1#c1" data-tip="Claim: quote\nspeaker: Gao (person:gao)\nspeaker words: “Gao” at 100–103\ncue: said" id="c1" tabindex="0">Tom &amp; Jerry</span>&quot;.</p>',
    );
  });

  it('shows the document facts, a link back to the corpus view and the legend before the text', () => {
    expect(html).toContain('<a href="../index.html">← All documents</a>');
    expect(html).toContain('<h1>Quitting <span class="status status-ok">ok</span></h1>');
    expect(html).toContain('<div><dt>doc_id</dt><dd>news/2016:1</dd></div>');
    expect(html).toContain('<div><dt>reference date</dt><dd>2016-01-07 (text)</dd></div>');
    expect(html.indexOf('class="legend"')).toBeLessThan(html.indexOf('<article'));
  });

  it('shows why a document failed, and says there is no text', () => {
    const failed = renderDocumentPage(byDocument.get('broken') as NonNullable<ReturnType<typeof byDocument.get>>, entities);
    expect(failed).toContain('<p class="error-box"><strong>failed:</strong> STAGE_FAILED: stage explode failed: &lt;boom&gt;</p>');
    expect(failed).toContain('This document has no text to show.');
  });

  it('is self-contained: no external asset, and the only script is the filter', () => {
    expect(html).not.toMatch(/\ssrc=|<link|https?:\/\/|url\(/);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain("document.querySelectorAll('.legend input')");
  });
});
