/**
 * The document text with its highlights as properly nested HTML.
 *
 * Rows point into the text by code point offsets and may overlap: a claim
 * contains the mentions, dates and figures inside it, and two rows can also
 * cross. The text is cut only at the offsets where a highlight or a block
 * starts or ends, so a long document gives one text run per boundary, never
 * a node per character. Between two boundaries the open elements are
 * compared with the highlights that cover the run; the ones that no longer
 * apply are closed and the new ones opened, outermost first. A highlight that
 * crosses another (or a block edge) is therefore split into fragments: the
 * first fragment carries its anchor and tab stop, all carry its row id.
 */
import { escapeHtml } from './html.ts';
import type { HighlightType } from './palette.ts';

/** One highlighted row, in code point offsets. */
export interface Highlight {
  /** The row id (mention_id, date_id, figure_id, claim_id). */
  id: string;
  /** Fragment id of the highlight on its page. */
  anchor: string;
  type: HighlightType;
  /** A sub-type shown by style, such as a claim's kind. */
  variant: string | null;
  start: number;
  end: number;
  /** Tooltip text: the normalised values, one per line. */
  tip: string;
}

/** A block of the page (a passage): a heading or a paragraph. */
export interface Block {
  start: number;
  end: number;
  heading: boolean;
  /** Fragment id of the block, or null. */
  anchor: string | null;
}

/** The passages of a document as it comes from the passages table. */
export interface PassageSpan {
  passage_id: string;
  start: number;
  end: number;
  is_heading: boolean;
}

/** Nesting order for highlights with the same span: claims outside, then mentions, dates, figures. */
const LAYER: Record<HighlightType, number> = { claim: 0, person: 1, place: 1, organization: 1, date: 2, figure: 3 };

/** Outer before inner: earlier start first, then the longer one, then by layer. */
function compareHighlights(first: Highlight, second: Highlight): number {
  return first.start - second.start || second.end - first.end || LAYER[first.type] - LAYER[second.type];
}

/**
 * The blocks of a document: its passages in order, plus any stretch between
 * them that holds more than white space (passages should cover every
 * non-space character; if one did not, its text must still show).
 */
export function documentBlocks(codePoints: readonly string[], passages: readonly PassageSpan[], anchorOf: (passageId: string) => string): Block[] {
  const blocks: Block[] = [];
  let covered = 0;
  const addGap = (end: number): void => {
    if (end > covered && /\S/.test(codePoints.slice(covered, end).join(''))) blocks.push({ start: covered, end, heading: false, anchor: null });
  };
  for (const passage of passages.toSorted((first, second) => first.start - second.start)) {
    const start = Math.max(passage.start, covered);
    const end = Math.min(passage.end, codePoints.length);
    if (end <= start) continue;
    addGap(start);
    blocks.push({ start, end, heading: passage.is_heading, anchor: anchorOf(passage.passage_id) });
    covered = end;
  }
  addGap(codePoints.length);
  return blocks;
}

function openHighlight(highlight: Highlight, first: boolean): string {
  const element = highlight.type === 'claim' ? 'span' : 'mark';
  const variant = highlight.variant === null ? '' : ` hl-${highlight.type}-${highlight.variant}`;
  // Only the first fragment is a tab stop and a link target, so each row is focused once.
  const identity = first ? ` id="${escapeHtml(highlight.anchor)}" tabindex="0"` : '';
  return `<${element} class="hl hl-${highlight.type}${variant}" data-id="${escapeHtml(highlight.id)}" data-tip="${escapeHtml(highlight.tip)}"${identity}>`;
}

function closeHighlight(highlight: Highlight): string {
  return highlight.type === 'claim' ? '</span>' : '</mark>';
}

function openBlock(block: Block): string {
  const anchor = block.anchor === null ? '' : ` id="${escapeHtml(block.anchor)}"`;
  return block.heading ? `<h2${anchor}>` : `<p${anchor}>`;
}

/**
 * Renders the blocks of a text with every highlight nested correctly.
 * Highlights outside the text are clipped to it; empty ones have nothing to
 * mark and are left out. Text outside every block (white space between
 * passages) is not written.
 */
export function renderHighlightedText(codePoints: readonly string[], blocks: readonly Block[], highlights: readonly Highlight[]): string {
  const length = codePoints.length;
  const sorted = highlights
    .map((highlight) => ({ ...highlight, start: Math.max(0, highlight.start), end: Math.min(length, highlight.end) }))
    .filter((highlight) => highlight.end > highlight.start)
    .toSorted(compareHighlights);
  const boundaries = [
    ...new Set([...blocks.flatMap((block) => [block.start, block.end]), ...sorted.flatMap((highlight) => [highlight.start, highlight.end])]),
  ].toSorted((first, second) => first - second);

  const output: string[] = [];
  const open: Highlight[] = [];
  const started = new Set<string>();
  // The highlights covering the current run, kept in nesting order: rows enter in sorted order and only leave.
  let active: Highlight[] = [];
  let nextHighlight = 0;
  let blockIndex = 0;
  let currentBlock: Block | null = null;

  const closeTo = (depth: number): void => {
    while (open.length > depth) output.push(closeHighlight(open.pop() as Highlight));
  };

  for (let index = 0; index + 1 < boundaries.length; index++) {
    const from = boundaries[index] as number;
    const to = boundaries[index + 1] as number;
    while (blockIndex < blocks.length && (blocks[blockIndex] as Block).end <= from) blockIndex++;
    const candidate = blocks[blockIndex];
    const block = candidate !== undefined && candidate.start <= from ? candidate : null;
    if (block !== currentBlock) {
      closeTo(0);
      if (currentBlock !== null) output.push(currentBlock.heading ? '</h2>\n' : '</p>\n');
      if (block !== null) output.push(openBlock(block));
      currentBlock = block;
    }
    active = active.filter((highlight) => highlight.end > from);
    while (nextHighlight < sorted.length && (sorted[nextHighlight] as Highlight).start <= from) {
      active.push(sorted[nextHighlight] as Highlight);
      nextHighlight++;
    }
    if (block === null) continue;
    let common = 0;
    while (common < open.length && common < active.length && open[common] === active[common]) common++;
    closeTo(common);
    for (const highlight of active.slice(common)) {
      output.push(openHighlight(highlight, !started.has(highlight.id)));
      started.add(highlight.id);
      open.push(highlight);
    }
    output.push(escapeHtml(codePoints.slice(from, to).join('')));
  }
  closeTo(0);
  if (currentBlock !== null) output.push(currentBlock.heading ? '</h2>\n' : '</p>\n');
  return output.join('');
}
