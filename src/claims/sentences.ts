/**
 * Sentences for figure claims. compromise keeps a quotation inside the
 * sentence that introduces it, so a sentence is split again where a
 * quotation opens after a colon and where a sentence ends inside a
 * quotation; a piece inside a quotation does not take its marks.
 */
import type { Span } from '../document.ts';
import type { Quotation } from './quotes.ts';

/** A sentence end inside a quotation: terminal punctuation, optional closing marks, space, then a capital or an opening mark. */
const SENTENCE_END = /[.!?…]+[”’"']*\s+(?=[\p{Lu}“"‘])/gu;
/** Words whose period does not end a sentence. */
const ABBREVIATION = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Jr|Sr|No|vs|etc|\p{Lu})\.$/u;

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** Splits the sentences at quotation boundaries; the pieces keep document offsets. */
export function figureSentences(text: string, sentences: readonly Span[], quotations: readonly Quotation[]): Span[] {
  const pieces: Span[] = [];
  let firstQuotation = 0;
  for (const sentence of sentences) {
    // Sentences and quotations are both in document order: one pointer walks the quotations.
    while (firstQuotation < quotations.length && (quotations[firstQuotation] as Quotation).open < sentence.start) firstQuotation++;
    let lastQuotation = firstQuotation;
    while (lastQuotation < quotations.length && (quotations[lastQuotation] as Quotation).open < sentence.end) lastQuotation++;
    const inside = quotations.slice(firstQuotation, lastQuotation);
    const cuts: number[] = [];
    for (const quotation of inside) {
      if (/:\s*$/u.test(text.slice(Math.max(sentence.start, quotation.open - 3), quotation.open))) cuts.push(quotation.open);
      for (const match of text.slice(quotation.start, quotation.end).matchAll(SENTENCE_END)) {
        const at = quotation.start + match.index;
        if (!ABBREVIATION.test(text.slice(Math.max(quotation.start, at - 6), at + 1))) cuts.push(at + match[0].length);
      }
    }
    let start = sentence.start;
    for (const cut of [...cuts, sentence.end]) {
      const piece = trim(text, { start, end: cut });
      start = cut;
      if (piece.end <= piece.start) continue;
      const container = inside.find((quotation) => piece.start >= quotation.open && piece.start <= quotation.end);
      // A piece that begins inside a quotation covers words, not marks.
      if (container !== undefined) {
        if (piece.start === container.open) piece.start++;
        if (piece.end > container.end && piece.end <= container.end + 1) piece.end = container.end;
      }
      if (piece.end > piece.start) pieces.push(piece);
    }
  }
  return pieces;
}
