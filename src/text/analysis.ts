import nlp from 'compromise';
import type { Span } from '../document.ts';

/** compromise's document view (its `nlp()` return type). */
export type NlpView = ReturnType<typeof nlp>;

/** One compromise term with its tags and its offsets in the document (UTF-16). */
export interface Token extends Span {
  text: string;
  normal: string;
  tags: ReadonlySet<string>;
  /** Punctuation and spaces before and after the term, as compromise split them. */
  pre: string;
  post: string;
  sentence: number;
}

/**
 * The one NLP pass over a passage, shared by every extractor: compromise
 * tags the passage once, and extractors read its tokens and sentences or run
 * matches on the tagged view (matching does not re-tag).
 */
export interface PassageAnalysis {
  /** Document offset of the passage start (UTF-16): view offsets are relative to it. */
  offset: number;
  text: string;
  view: NlpView;
  tokens: Token[];
  /** Sentences as document spans (UTF-16), trimmed. */
  sentences: Span[];
}

interface OffsetTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags?: Set<string>;
  offset?: { start: number; length: number };
}

const NO_TAGS: ReadonlySet<string> = new Set();

/** Tags a passage once and records its tokens and sentences with document offsets. */
export function analyzePassage(text: string, offset: number): PassageAnalysis {
  const view = nlp(text);
  view.compute('offset');
  const tokens: Token[] = [];
  const sentences: Span[] = [];
  (view.document as OffsetTerm[][]).forEach((terms, sentence) => {
    for (const term of terms) {
      if (term.offset === undefined) continue;
      const start = offset + term.offset.start;
      tokens.push({
        text: term.text,
        normal: term.normal,
        tags: term.tags ?? NO_TAGS,
        pre: term.pre,
        post: term.post,
        start,
        end: start + term.offset.length,
        sentence,
      });
    }
    const first = terms.find((term) => term.offset !== undefined);
    const last = terms.findLast((term) => term.offset !== undefined);
    if (first?.offset && last?.offset) {
      const start = offset + first.offset.start - first.pre.trimStart().length;
      const end = offset + last.offset.start + last.offset.length + last.post.trimEnd().length;
      sentences.push({ start: Math.max(offset, start), end: Math.min(offset + text.length, end) });
    }
  });
  return { offset, text, view, tokens, sentences };
}

/** A compromise match (a View or one of its subclasses); method syntax lets every subclass's json() fit. */
export interface CompromiseMatch {
  json(options: { offset: boolean }): unknown;
}

/** The document spans of a compromise match (one per matched phrase). */
export function matchSpans(analysis: PassageAnalysis, match: CompromiseMatch): Span[] {
  const json = match.json({ offset: true }) as { offset: { start: number; length: number } }[];
  return json.map(({ offset }) => ({ start: analysis.offset + offset.start, end: analysis.offset + offset.start + offset.length }));
}
