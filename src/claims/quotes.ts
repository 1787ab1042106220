/**
 * Quotation mark pairing. One left-to-right pass per paragraph with a small
 * stack, so any text, however long or badly punctuated, costs linear time.
 *
 * Marks are classified by shape and by context: curly marks say which side
 * they are; a straight mark opens after a space or an opening bracket and
 * closes before a space or punctuation. Double marks make quotations; single
 * marks only nest inside them, except a curly ‘ that is closed in its
 * paragraph (the British style), and a straight ' in a paragraph with no
 * double marks (British copy typed with straight marks). A word-internal ’
 * is an apostrophe.
 */
import type { Span } from '../document.ts';

/** One quotation: the text between its marks, within one paragraph. */
export interface Quotation extends Span {
  passageIndex: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or null when the paragraph ended (or a new quote opened) first. */
  close: number | null;
  /** The quotation continues one that the previous paragraph left open (a quote running across paragraphs). */
  continued: boolean;
  /** Quotations nested inside this one ('…' inside “…”), which are part of it, not claims of their own. */
  nested: Span[];
}

type MarkRole = 'open' | 'close' | 'either';
interface Mark {
  at: number;
  double: boolean;
  role: MarkRole;
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013/:-]/u;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013…-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** What a character is as a quotation mark, in its context, or null when it is not one (an apostrophe). */
function classify(text: string, at: number, paragraph: Span): Mark | null {
  const character = text[at] as string;
  const before = at > paragraph.start ? (text[at - 1] as string) : ' ';
  const after = at + 1 < paragraph.end ? (text[at + 1] as string) : ' ';
  const opensHere = OPENING_CONTEXT.test(before) && !/\s/u.test(after);
  const closesHere = !/\s/u.test(before) && CLOSING_CONTEXT.test(after);
  switch (character) {
    // A curly mark typed the wrong way round is read by where it stands: ”Mr. Trump embodies …” opens, “… here,“ said closes.
    case '“':
      return { at, double: true, role: closesHere && !opensHere ? 'close' : 'open' };
    case '„':
    case '«':
      return { at, double: true, role: 'open' };
    case '”':
      return { at, double: true, role: opensHere && !closesHere ? 'open' : 'close' };
    case '»':
      return { at, double: true, role: 'close' };
    case '"':
      return { at, double: true, role: opensHere && !closesHere ? 'open' : closesHere && !opensHere ? 'close' : 'either' };
    case '‘':
      return { at, double: false, role: 'open' };
    case '’':
    case "'":
      // it’s, don’t, Xi’an: an apostrophe between letters is never a mark.
      if (LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after)) return null;
      if (character === "'" && opensHere) return LETTER_OR_DIGIT.test(after) ? { at, double: false, role: 'open' } : null;
      return closesHere ? { at, double: false, role: 'close' } : null;
    default:
      return null;
  }
}

const MARK_CHARACTERS = /[“”„«»"‘’']/gu;
const DOUBLE_MARK = /[“”„«»"]/u;

/**
 * Whether a straight single mark may open a top-level quotation. Only where
 * the paragraph has no double marks: there single marks are the quotation
 * marks ('We lost,' he said), while next to double marks they nest or elide.
 * Before a digit it is an elided century ('90s), never a quotation.
 */
function straightSingleOpens(text: string, at: number, paragraphHasDoubleMarks: boolean): boolean {
  return !paragraphHasDoubleMarks && !/\p{N}/u.test(text[at + 1] ?? '');
}

const trimEnd = (text: string, start: number, end: number): number => {
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return end;
};

interface OpenQuote {
  open: number;
  double: boolean;
  continued: boolean;
  nested: Span[];
  nestedOpen: number | null;
}

/**
 * Pairs the quotation marks of a document's paragraphs. A paragraph that
 * leaves a double quotation open is continued by the next paragraph when
 * that one opens with a quotation mark (the news convention for a quote
 * running across paragraphs); otherwise the open quotation ends with its
 * paragraph, so an unbalanced mark never swallows the rest of the document.
 */
export function findQuotations(text: string, paragraphs: readonly Span[]): Quotation[] {
  const quotations: Quotation[] = [];
  let carried = false;
  paragraphs.forEach((paragraph, passageIndex) => {
    let current: OpenQuote | null = null;
    const finish = (quote: OpenQuote, end: number, close: number | null): void => {
      if (quote.nestedOpen !== null) quote.nested.push({ start: quote.nestedOpen + 1, end });
      const start = quote.open + 1;
      const trimmed = trimEnd(text, start, end);
      // A one-word quotation in straight single marks is an elision ('n', 'em), not speech.
      if (!quote.double && text[quote.open] === "'" && !/\s/u.test(text.slice(start, trimmed))) return;
      if (trimmed > start) quotations.push({ passageIndex, start, end: trimmed, open: quote.open, close, continued: quote.continued, nested: quote.nested });
    };
    const firstCharacter = text.slice(paragraph.start, paragraph.end).search(/\S/u) + paragraph.start;
    const continues = carried && /[“"„«]/u.test(text[firstCharacter] ?? '');
    carried = false;
    const hasDoubleMarks = DOUBLE_MARK.test(text.slice(paragraph.start, paragraph.end));
    for (const match of text.slice(paragraph.start, paragraph.end).matchAll(MARK_CHARACTERS)) {
      const mark = classify(text, paragraph.start + match.index, paragraph);
      if (mark === null) continue;
      if (current === null) {
        if (mark.role === 'close') continue;
        if (!mark.double && mark.role !== 'open') continue;
        // A straight single mark is too often an elided letter ('90s, rock 'n' roll) to open a quotation next to double marks.
        if (!mark.double && text[mark.at] !== '‘' && !straightSingleOpens(text, mark.at, hasDoubleMarks)) continue;
        current = { open: mark.at, double: mark.double, continued: continues && mark.at === firstCharacter, nested: [], nestedOpen: null };
        continue;
      }
      if (mark.double === current.double) {
        // Curly marks inside a quotation opened with a straight one nest: "… the question: “As you know …?” Forty-three …"
        if (text[current.open] === '"' && text[mark.at] === '“' && current.nestedOpen === null) {
          current.nestedOpen = mark.at;
          continue;
        }
        if (text[mark.at] === '”' && current.nestedOpen !== null && text[current.nestedOpen] === '“') {
          current.nested.push({ start: current.nestedOpen + 1, end: mark.at });
          current.nestedOpen = null;
          continue;
        }
        if (mark.role === 'open' && (text[mark.at] === '“' || text[mark.at] === '‘' || text[mark.at] === "'") && text[mark.at] === text[current.open]) {
          // A second opening mark before any closing one: the first quotation was never closed (or was an elision: 'em).
          // An unclosed single-mark quotation was an apostrophe, as at the end of a paragraph.
          if (current.double) finish(current, mark.at, null);
          current = { open: mark.at, double: mark.double, continued: false, nested: [], nestedOpen: null };
          continue;
        }
        // Anything else of the same kind closes: writers mix straight and curly marks ("…” is common).
        finish(current, mark.at, mark.at);
        current = null;
      } else if (current.nestedOpen === null) {
        if (mark.role !== 'close') current.nestedOpen = mark.at;
      } else if (mark.role !== 'open') {
        current.nested.push({ start: current.nestedOpen + 1, end: mark.at });
        current.nestedOpen = null;
      }
    }
    if (current !== null) {
      // An open single-mark quotation at the end of its paragraph was an apostrophe after all.
      if (!current.double) return;
      finish(current, paragraph.end, null);
      carried = true;
    }
  });
  return quotations;
}
