import type { ResolvedConfig } from '../config.ts';
import type { Passage, Span } from '../document.ts';
import type { DocumentStage } from '../stage.ts';
import { isTitleCase, titleWords } from '../text/title-case.ts';
import { segmentOptions } from './options/segment.ts';

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Paragraphs: blocks separated by blank lines; a text without any blank line has one paragraph per line. */
export function findParagraphs(text: string): Span[] {
  const separator = /\n[ \t\r\f\v\u00a0]*\n\s*/.test(text) ? /\n[ \t\r\f\v\u00a0]*\n\s*/g : /\n\s*/g;
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: text.length });
  return spans.map((span) => trimSpan(text, span)).filter((span) => span.end > span.start);
}

/** Shrinks a span to exclude whitespace at either end. */
export function trimSpan(text: string, { start, end }: Span): Span {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

const MARKDOWN_HEADING = /^#{1,6}\s+\S/;
/**
 * A heading is a single short line that does not end like a sentence and is
 * written as a title (most words capitalised, or ALL CAPS), or a Markdown `#` line.
 */
export function isHeading(paragraph: string, maxHeadingChars: number): boolean {
  if (paragraph.includes('\n') || paragraph.length > maxHeadingChars) return false;
  if (MARKDOWN_HEADING.test(paragraph)) return true;
  if (/[.,;!"”'’)\]]$/.test(paragraph) && !/[?!]$/.test(paragraph)) return false;
  const words = titleWords(paragraph);
  if (words.length === 0 || words.length > 20) return false;
  return isTitleCase(words, HEADING_CAPITALISED_SHARE);
}

/** Share of a heading's content words that are capitalised. */
const HEADING_CAPITALISED_SHARE = 0.75;

/** Splits a long span at sentence boundaries into pieces of at most maxChars, then at spaces, and only then anywhere. */
export function splitLongSpan(text: string, span: Span, maxChars: number): Span[] {
  if (span.end - span.start <= maxChars) return [span];
  const boundaries: number[] = [];
  for (const { index } of sentenceSegmenter.segment(text.slice(span.start, span.end))) if (index > 0) boundaries.push(span.start + index);
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const limit = start + maxChars;
    let cut = -1;
    for (const boundary of boundaries) {
      if (boundary > limit) break;
      if (boundary > start) cut = boundary;
    }
    if (cut === -1) {
      const space = text.lastIndexOf(' ', limit);
      cut = space > start ? space + 1 : limit;
    }
    // Never cut a surrogate pair in two.
    if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--;
    pieces.push(trimSpan(text, { start, end: cut }));
    start = cut;
  }
  pieces.push(trimSpan(text, { start, end: span.end }));
  return pieces.filter((piece) => piece.end > piece.start);
}

/** Cuts a text into passages: paragraphs, headings detected, long paragraphs split at sentence boundaries. */
export function segmentText(text: string, options: ResolvedConfig['segment']): Passage[] {
  const passages: Passage[] = [];
  let heading: string | null = null;
  for (const paragraph of findParagraphs(text)) {
    const paragraphText = text.slice(paragraph.start, paragraph.end);
    const headingParagraph = isHeading(paragraphText, options.maxHeadingChars);
    if (headingParagraph) heading = paragraphText.replace(/^#{1,6}\s+/, '');
    for (const piece of splitLongSpan(text, paragraph, options.maxPassageChars)) {
      passages.push({ ...piece, index: passages.length, isHeading: headingParagraph, heading });
    }
  }
  return passages;
}

/** Splits each document into passages. */
export const segment: DocumentStage = {
  kind: 'document',
  name: 'segment',
  options: segmentOptions,
  requires: ['document.text'],
  assigns: ['document.passages'],
  run(document, config) {
    document.passages = segmentText(document.text, config.segment);
  },
};
