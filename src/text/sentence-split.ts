import type compromise from 'compromise';

/**
 * The end of a sentence whose final stop is inside its closing quotation
 * mark, as American news writes it: `said Clinton "caused death." Sanders
 * called ...`. compromise splits only where a stop is followed by
 * whitespace, so such a sentence runs on into the next one. A stop, the
 * closing marks, whitespace, and the next sentence opening with a capital
 * (or an opening mark and a capital); the stop is looked behind, so a long
 * run of stops costs no backtracking. A quote that goes on after the stop
 * (`"It is bad. We lose," he said`) does not match: its stop is followed by
 * a space, not by a closing mark. A lower-case word after the marks (`"Stop!"
 * he shouted`) goes on the same sentence.
 */
const STOP_IN_CLOSING_QUOTE = /(?<=[.!?])[”"’']+[)\]]*\s+(?=[“"‘'(]?\p{Lu})/gu;

/** Splits one of compromise's sentences after each stop inside closing quotation marks (see STOP_IN_CLOSING_QUOTE); the pieces keep every character. */
export function splitAfterQuotedStops(sentence: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const match of sentence.matchAll(STOP_IN_CLOSING_QUOTE)) {
    const end = match.index + match[0].length;
    if (end < sentence.length) {
      pieces.push(sentence.slice(from, end));
      from = end;
    }
  }
  pieces.push(sentence.slice(from));
  return pieces;
}

/** compromise's sentence splitter, as its tokenizer holds it. */
export type SentenceSplitter = (text: string, world: unknown) => string[];

/** compromise's tokenizer methods, where its sentence splitter is (its typings do not describe its internal methods). */
export function tokenizerOf(nlp: typeof compromise): { splitSentences: SentenceSplitter } {
  return (nlp.world() as unknown as { methods: { one: { tokenize: { splitSentences: SentenceSplitter } } } }).methods.one.tokenize;
}

/** compromise's own splitter, then splitAfterQuotedStops on each of its sentences. */
export function splitterWithQuotedStops(own: SentenceSplitter): SentenceSplitter {
  return (text, world) => own(text, world).flatMap(splitAfterQuotedStops);
}
