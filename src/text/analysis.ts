import type compromise from 'compromise';
import type { PassageAnalysis, Span } from '../document.ts';
import { loadCompromise } from './compromise.ts';
import { splitterWithQuotedStops, tokenizerOf, type SentenceSplitter } from './sentence-split.ts';
import { installFastSweep } from './sweep.ts';

// The analysis's record types belong to the document (the core); the extractors take them from here, with the analysis.
export type { PassageAnalysis, Token } from '../document.ts';

interface OffsetTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags?: Set<string>;
  offset?: { start: number; length: number };
}

const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * compromise's default compute steps, less the ones no extractor reads:
 * noun-phrase chunks, frozen-lexicon marks and typeahead. The tags do not
 * change; tagging gets about a quarter faster.
 */
const UNUSED_COMPUTE_STEPS = new Set(['chunks', 'freeze', 'typeahead']);
/** compromise set up for our tagging, at the first text tagged (see loadCompromise): its world, and our compute steps and sentence splitter. */
interface Tagger {
  nlp: typeof compromise;
  world: { hooks: string[] };
  steps: string[];
  tokenizer: { splitSentences: SentenceSplitter };
  /** compromise's splitter, and ours: sentences also end at a stop inside closing quotation marks (see sentence-split.ts). */
  ownSplitter: SentenceSplitter;
  splitter: SentenceSplitter;
}
let tagger: Tagger | null = null;

function taggerOf(): Tagger {
  if (tagger === null) {
    const nlp = loadCompromise();
    const world = nlp.world() as unknown as { hooks: string[] };
    // The same tags, found faster (see sweep.ts).
    installFastSweep(nlp);
    const tokenizer = tokenizerOf(nlp);
    const ownSplitter = tokenizer.splitSentences;
    tagger = {
      nlp,
      world,
      steps: world.hooks.filter((step) => !UNUSED_COMPUTE_STEPS.has(step)),
      tokenizer,
      ownSplitter,
      splitter: splitterWithQuotedStops(ownSplitter),
    };
  }
  return tagger;
}

/**
 * Tags a text with our compute steps and sentence splitter; compromise's own
 * are restored at once, so other users of compromise in the process are not
 * affected.
 */
function tag(text: string): ReturnType<typeof compromise> {
  const { nlp, world, steps, tokenizer, ownSplitter, splitter } = taggerOf();
  const defaults = world.hooks;
  world.hooks = steps;
  tokenizer.splitSentences = splitter;
  try {
    return nlp(text);
  } finally {
    world.hooks = defaults;
    tokenizer.splitSentences = ownSplitter;
  }
}

/**
 * Tags a stretch of text once and splits the result into its passages: each
 * passage gets its tokens and its sentences (numbered from 0 within the
 * passage; a sentence running over a passage edge is cut there). Passages
 * are analysed in batches because one nlp() call per paragraph costs more
 * than the tagging itself on short paragraphs.
 */
export function analyzeText(text: string, offset: number, passages: readonly Span[]): PassageAnalysis[] {
  const view = tag(text);
  view.compute('offset');
  const analyses: PassageAnalysis[] = passages.map((passage) => ({
    offset: passage.start,
    text: text.slice(passage.start - offset, passage.end - offset),
    tokens: [],
    sentences: [],
  }));
  let passageIndex = 0;
  let lastSentence = -1;
  let lastPassage = -1;
  (view.document as OffsetTerm[][]).forEach((terms, sentence) => {
    for (const term of terms) {
      if (term.offset === undefined) continue;
      const start = offset + term.offset.start;
      while (passageIndex < passages.length - 1 && start >= (passages[passageIndex] as Span).end) passageIndex++;
      const analysis = analyses[passageIndex] as PassageAnalysis;
      const passage = passages[passageIndex] as Span;
      if (sentence !== lastSentence || passageIndex !== lastPassage) {
        analysis.sentences.push({ start: Math.max(passage.start, start - term.pre.trimStart().length), end: start });
        lastSentence = sentence;
        lastPassage = passageIndex;
      }
      const end = start + term.offset.length;
      analysis.tokens.push({
        text: term.text,
        normal: term.normal,
        tags: term.tags ?? NO_TAGS,
        pre: term.pre,
        post: term.post,
        start,
        end,
        sentence: analysis.sentences.length - 1,
      });
      (analysis.sentences.at(-1) as Span).end = Math.min(passage.end, end + term.post.trimEnd().length);
    }
  });
  return analyses;
}

/** Tags one passage (see analyzeText). */
export function analyzePassage(text: string, offset: number): PassageAnalysis {
  return analyzeText(text, offset, [{ start: offset, end: offset + text.length }])[0] as PassageAnalysis;
}
