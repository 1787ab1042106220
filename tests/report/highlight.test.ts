import { describe, expect, it } from 'vitest';
import { documentBlocks, renderHighlightedText, type Block, type Highlight } from '../../src/report/highlight.ts';
import type { HighlightType } from '../../src/report/palette.ts';

function highlight(id: string, type: HighlightType, start: number, end: number): Highlight {
  return { id, anchor: id, type, variant: null, start, end, tip: `tip of ${id}` };
}

function paragraph(start: number, end: number, anchor: string | null = null): Block {
  return { start, end, heading: false, anchor };
}

/**
 * The nesting of the output at a glance: `[id ` opens the first fragment of
 * a highlight (the one with the anchor and tab stop), `[id… ` a later
 * fragment, and `]` closes whichever is innermost.
 */
function outline(html: string): string {
  return html
    .replace(/<(?:mark|span) class="[^"]*" data-id="([^"]*)" data-tip="[^"]*"( id="[^"]*" tabindex="0")?>/g, (_, id: string, first: string | undefined) =>
      first === undefined ? `[${id}… ` : `[${id} `,
    )
    .replace(/<\/(?:mark|span)>/g, ']');
}

function render(text: string, blocks: Block[], highlights: Highlight[]): string {
  return outline(renderHighlightedText([...text], blocks, highlights));
}

describe('renderHighlightedText', () => {
  it.each<[string, string, Block[], Highlight[], string]>([
    [
      'a claim holding a mention',
      'Li Dayong said it.',
      [paragraph(0, 18)],
      [highlight('m0', 'person', 0, 9), highlight('c0', 'claim', 0, 14)],
      '<p>[c0 [m0 Li Dayong] said] it.</p>\n',
    ],
    [
      'a claim holding a figure and a date',
      'We saw 47 on May 1.',
      [paragraph(0, 19)],
      [highlight('c0', 'claim', 3, 18), highlight('d0', 'date', 13, 18), highlight('f0', 'figure', 7, 9)],
      '<p>We [c0 saw [f0 47] on [d0 May 1]].</p>\n',
    ],
    [
      'the same span: the claim outside, then the mention, date and figure',
      '12%',
      [paragraph(0, 3)],
      [highlight('f0', 'figure', 0, 3), highlight('d0', 'date', 0, 3), highlight('m0', 'place', 0, 3), highlight('c0', 'claim', 0, 3)],
      '<p>[c0 [m0 [d0 [f0 12%]]]]</p>\n',
    ],
    [
      'two highlights that cross: the later one is split',
      'abcdefghi',
      [paragraph(0, 9)],
      [highlight('a', 'date', 0, 6), highlight('b', 'figure', 3, 9)],
      '<p>[a abc[b def]][b… ghi]</p>\n',
    ],
    [
      'a claim that runs over two blocks is split at the block edge',
      'Title\n\nBody.',
      [{ start: 0, end: 5, heading: true, anchor: 'p0' }, paragraph(7, 12, 'p1')],
      [highlight('c0', 'claim', 0, 12)],
      '<h2 id="p0">[c0 Title]</h2>\n<p id="p1">[c0… Body.]</p>\n',
    ],
    ['offsets are code points: an emoji counts as one', '😀 Li said', [paragraph(0, 10)], [highlight('m0', 'person', 2, 4)], '<p>😀 [m0 Li] said</p>\n'],
    [
      'text and markup in it are escaped',
      '<b>Tom & "Jerry"</b>',
      [paragraph(0, 20)],
      [highlight('m0', 'person', 3, 6)],
      '<p>&lt;b&gt;[m0 Tom] &amp; &quot;Jerry&quot;&lt;/b&gt;</p>\n',
    ],
    [
      'an empty highlight is left out and one past the end is clipped',
      'short',
      [paragraph(0, 5)],
      [highlight('e', 'date', 2, 2), highlight('x', 'figure', 3, 40)],
      '<p>sho[x rt]</p>\n',
    ],
    ['white space between blocks is not written', 'One.\n\nTwo.', [paragraph(0, 4), paragraph(6, 10)], [], '<p>One.</p>\n<p>Two.</p>\n'],
  ])('%s', (_, text, blocks, highlights, expected) => {
    expect(render(text, blocks, highlights)).toBe(expected);
  });

  it('writes the full tags: a mark with id, tab stop and escaped tooltip, a span for a claim with its kind', () => {
    const mention: Highlight = {
      id: 'doc#m0',
      anchor: 'm0',
      type: 'person',
      variant: null,
      start: 0,
      end: 3,
      tip: 'Person: Gao <Zhisheng>\nentity: person:gao',
    };
    const claim: Highlight = { id: 'doc#c0', anchor: 'c0', type: 'claim', variant: 'quote', start: 0, end: 8, tip: 'Claim: quote\nspeaker: "Gao"' };
    expect(renderHighlightedText([...'Gao said'], [paragraph(0, 8)], [mention, claim])).toBe(
      '<p><span class="hl hl-claim hl-claim-quote" data-id="doc#c0" data-tip="Claim: quote\nspeaker: &quot;Gao&quot;" id="c0" tabindex="0">' +
        '<mark class="hl hl-person" data-id="doc#m0" data-tip="Person: Gao &lt;Zhisheng&gt;\nentity: person:gao" id="m0" tabindex="0">Gao</mark> said</span></p>\n',
    );
  });

  it('cuts a long text only at boundaries: one element per highlight, not per character', () => {
    const text = 'word '.repeat(20_000);
    const highlights = Array.from({ length: 2_000 }, (_, index) => highlight(`m${index}`, 'place', index * 50, index * 50 + 4));
    const html = renderHighlightedText([...text], [paragraph(0, text.length)], highlights);
    expect(html.match(/<mark /g)).toHaveLength(2_000);
    // Compared as a boolean so a failure does not print 100,000 characters.
    expect(html.replace(/<[^>]+>/g, '') === `${text}\n`).toBe(true);
  });
});

describe('documentBlocks', () => {
  it('gives the passages in order, and a stretch between them that holds text as its own paragraph', () => {
    const text = [...'Head\n\nlost text\n\nBody'];
    const passages = [
      { passage_id: 'd#p1', start: 17, end: 21, is_heading: false },
      { passage_id: 'd#p0', start: 0, end: 4, is_heading: true },
    ];
    expect(documentBlocks(text, passages, (id) => id.split('#')[1] as string)).toEqual([
      { start: 0, end: 4, heading: true, anchor: 'p0' },
      { start: 4, end: 17, heading: false, anchor: null },
      { start: 17, end: 21, heading: false, anchor: 'p1' },
    ]);
  });

  it('gives nothing for an empty text', () => {
    expect(documentBlocks([], [], (id) => id)).toEqual([]);
  });
});
