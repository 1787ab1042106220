import type compromise from 'compromise';
import { loadCompromise } from './compromise.ts';

/*
 * compromise's post-tagger runs its ~570 tag patterns over every clause of a
 * text through one "bulk matcher" (world.methods.one.bulkMatch). Profiling our
 * runs showed that matcher spending more time choosing which patterns to try
 * than matching them: for every clause it tests each of its ~730 hook words
 * against the clause, filters the candidates three times over, and then tries
 * every candidate from every term, copying the rest of the clause at each
 * start. This module is a drop-in replacement with the same candidates, in
 * the same order, and the same results (tests/text/sweep.test.ts compares the
 * two on real and generated text):
 *
 * - candidates come from the clause's own words and tags (a few dozen), put
 *   in compromise's hook order, instead of from a scan of every hook word;
 * - the needs / ifNo / wants / length checks run in one pass;
 * - a pattern runs only from the first term where its first tokens (up to
 *   four) match in a row, and not at all when there is none: compromise's
 *   matcher would try it from every term, copying the rest of the clause
 *   each time, and fail at once. Only tokens with plain semantics (a word, a
 *   #Tag, a %switch% or a (fast|or) set, none optional, negative or greedy
 *   to the end) are checked this way; other patterns run from the first
 *   term.
 *
 * The replacement is installed through compromise's plugin API
 * (`installFastSweep`, called by analysis.ts), which is how compromise
 * lets plugins swap a method.
 */

/** The parts of a compromise term the start test reads. */
interface Term {
  text: string;
  normal: string;
  tags: Set<string>;
  machine?: string | null;
  root?: string;
  implicit?: string;
  alias?: string[];
  switch?: string;
}

/** One parsed token of a compromise match pattern (the fields the start test reads). */
interface MatchToken {
  word?: string;
  tag?: string;
  fastOr?: Set<string>;
  pos?: string;
  use?: 'text' | 'normal' | 'machine' | 'root' | 'implicit';
  start?: boolean;
  end?: boolean;
  optional?: boolean;
  negative?: boolean;
  greedy?: boolean;
  anything?: boolean;
  fuzzy?: boolean;
  choices?: unknown;
  switch?: string;
  id?: unknown;
}

/** A compiled post-tagger pattern. */
interface Pattern {
  match: string;
  regs: MatchToken[];
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

/** compromise's pattern index: patterns by the word or #Tag they need or want, in hook order. */
interface Net {
  hooks: Record<string, Pattern[]>;
  always: Pattern[];
}

/** A pattern that matched, at a pointer [sentence, start, end, startId, endId]. */
type Found = Pattern & { pointer: unknown[] };

interface Methods {
  one: {
    cacheDoc(document: Term[][]): Set<string>[];
    match(document: Term[][], pattern: Pattern): { ptrs: unknown[][] };
    bulkMatch: BulkMatch;
  };
}

export type BulkMatch = (document: Term[][], net: Net, methods: Methods, options?: { matchOne?: boolean }) => Found[];

/** A pattern under a hook word, with a number shared by every pattern of the same text (compromise deduplicates candidates by pattern text) and its needs, ifNo and wants as word numbers (see HookIndex). */
interface Hooked {
  pattern: Pattern;
  text: number;
  start: StartTest | null;
  needs: number[];
  ifNo: number[];
  wants: number[];
}

/**
 * A pattern index prepared for fast lookup. Every word or #Tag a pattern
 * hooks on, needs, wants or must not have gets a number, the hook words
 * first in compromise's order of hooks (the order its own matcher tries
 * them in), so a clause's words are marked once in an array and each check
 * is an array read.
 */
interface HookIndex {
  words: Map<string, number>;
  hookCount: number;
  /** The patterns of each hook word, by its number. */
  patterns: Hooked[][];
  /** The patterns with no hook, tried on every clause. */
  always: Hooked[];
  /** The last clause that took each pattern text as a candidate (deduplication without a set per clause). */
  takenIn: Int32Array;
  /** The last clause that had each word. */
  presentIn: Int32Array;
  clauses: number;
}

/** Clause numbers wrap here (an Int32Array holds them). */
const CLAUSE_LIMIT = 2 ** 31 - 1;

const hookIndexes = new WeakMap<Net, HookIndex>();

function hookIndexOf(net: Net): HookIndex {
  let index = hookIndexes.get(net);
  if (index === undefined) {
    const hooks = Object.keys(net.hooks);
    const words = new Map(hooks.map((hook, number) => [hook, number]));
    const wordNumbers = (items: readonly string[] | undefined): number[] =>
      (items ?? []).map((item) => {
        let number = words.get(item);
        if (number === undefined) {
          number = words.size;
          words.set(item, number);
        }
        return number;
      });
    const texts = new Map<string, number>();
    const hooked = (pattern: Pattern): Hooked => {
      let text = texts.get(pattern.match);
      if (text === undefined) {
        text = texts.size;
        texts.set(pattern.match, text);
      }
      return {
        pattern,
        text,
        start: startTestOf(pattern),
        needs: wordNumbers(pattern.needs),
        ifNo: wordNumbers(pattern.ifNo),
        wants: wordNumbers(pattern.wants),
      };
    };
    const patterns = hooks.map((hook) => (net.hooks[hook] as Pattern[]).map(hooked));
    const always = net.always.map(hooked);
    index = {
      words,
      hookCount: hooks.length,
      patterns,
      always,
      takenIn: new Int32Array(texts.size).fill(-1),
      presentIn: new Int32Array(words.size).fill(-1),
      clauses: 0,
    };
    hookIndexes.set(net, index);
  }
  return index;
}

function countPresent(index: HookIndex, words: readonly number[], clause: number): number {
  let count = 0;
  for (const word of words) if (index.presentIn[word] === clause) count++;
  return count;
}

/** The patterns worth trying on a clause, in compromise's order: hooked by the clause's words and tags, deduplicated by pattern text, with their needs met, no ifNo word present, enough wants and enough words. */
function candidates(index: HookIndex, haves: Set<string>, termCount: number): Hooked[] {
  if (index.clauses === CLAUSE_LIMIT) {
    index.takenIn.fill(-1);
    index.presentIn.fill(-1);
    index.clauses = 0;
  }
  const clause = index.clauses++;
  const hooks: number[] = [];
  for (const item of haves) {
    const word = index.words.get(item);
    if (word === undefined) continue;
    index.presentIn[word] = clause;
    if (word < index.hookCount) hooks.push(word);
  }
  hooks.sort((a, b) => a - b);
  const chosen: Hooked[] = [];
  for (const hook of hooks) {
    for (const hooked of index.patterns[hook] as Hooked[]) {
      if (index.takenIn[hooked.text] === clause) continue;
      index.takenIn[hooked.text] = clause;
      if (countPresent(index, hooked.needs, clause) < hooked.needs.length) continue;
      if (countPresent(index, hooked.ifNo, clause) > 0) continue;
      if (hooked.wants.length > 0 && countPresent(index, hooked.wants, clause) < hooked.pattern.minWant) continue;
      if (termCount >= hooked.pattern.minWords) chosen.push(hooked);
    }
  }
  for (const hooked of index.always) if (termCount >= hooked.pattern.minWords) chosen.push(hooked);
  return chosen;
}

/** Whether compromise's matcher tests this token against exactly one term, the plain way, and dies when it fails (see tokenMatches). */
function isPlainToken(token: MatchToken | undefined): token is MatchToken {
  if (
    token === undefined ||
    token.optional === true ||
    token.negative === true ||
    token.anything === true ||
    token.choices !== undefined ||
    token.id !== undefined
  )
    return false;
  if (token.end === true && token.greedy === true) return false;
  if (token.word !== undefined) return token.fuzzy !== true;
  return token.tag !== undefined || token.fastOr !== undefined || token.switch !== undefined;
}

/** compromise's term test (match/term/doesMatch.js) for the plain tokens isPlainToken admits. */
function tokenMatches(term: Term, token: MatchToken, index: number, length: number): boolean {
  if (token.start === true && index !== 0) return false;
  if (token.end === true && index !== length - 1) return false;
  if (token.word !== undefined) {
    if (token.use !== undefined) return token.word === term[token.use];
    if (term.machine !== null && term.machine !== undefined && term.machine === token.word) return true;
    if (term.alias?.some((alias) => alias === token.word)) return true;
    return token.word === term.text || token.word === term.normal;
  }
  if (token.tag !== undefined) return term.tags.has(token.tag);
  if (token.switch !== undefined) return term.switch === token.switch;
  const fastOr = token.fastOr as Set<string>;
  if (token.pos !== undefined && !term.tags.has(token.pos)) return false;
  const form = term.root || term.implicit || term.machine || term.normal;
  return fastOr.has(form) || fastOr.has(term.text);
}

/**
 * What must hold where a pattern starts: its leading plain tokens, each on
 * the term after the one before (a greedy token is the last of them: what
 * follows it may sit further on). Null when the first token is not plain.
 */
type StartTest = readonly MatchToken[];

/** Leading tokens checked at most (past these, few patterns are left to rule out). */
const START_TOKENS = 4;

function startTestOf(pattern: Pattern): StartTest | null {
  const test: MatchToken[] = [];
  for (const token of pattern.regs.slice(0, START_TOKENS)) {
    if (!isPlainToken(token)) break;
    test.push(token);
    if (token.greedy === true) break;
  }
  return test.length === 0 ? null : test;
}

/**
 * The first term a pattern could start from, or -1 when none passes the
 * start test (0 when there is no test). After a plain token the matcher
 * moves to the next term, unless the term it matched is the first half of a
 * contraction (it may skip the other half) or the clause ends there: then
 * the tokens after it are not checked.
 */
function firstStart(test: StartTest | null, terms: readonly Term[]): number {
  if (test === null) return 0;
  const first = test[0] as MatchToken;
  const length = terms.length;
  const last = first.start === true ? Math.min(1, length) : length;
  for (let index = 0; index < last; index++) {
    let passes = true;
    for (let token = 0; token < test.length; token++) {
      const at = index + token;
      if (token > 0 && ((terms[at - 1] as Term).implicit || at >= length)) break;
      if (!tokenMatches(terms[at] as Term, test[token] as MatchToken, at, length)) {
        passes = false;
        break;
      }
    }
    if (passes) return index;
  }
  return -1;
}

/**
 * Runs a pattern on a clause from its first possible start. compromise's
 * matcher tries every start in turn, so running it on the clause from
 * `from` finds the same matches (shifted back here). A term's place only
 * matters to ^ (the clause start) and $ (the clause end): $ reads the
 * distance to the end, which the suffix keeps, and a start past 0 comes
 * from a plain first token, which never carries ^ there (firstStart tries
 * such a token at 0 only) and takes up a term, so every later token sits
 * past the start in the suffix as in the clause.
 */
function matchFrom(methods: Methods, terms: Term[], pattern: Pattern, from: number): unknown[][] {
  if (from === 0) return methods.one.match([terms], pattern).ptrs;
  const pointers = methods.one.match([terms.slice(from)], pattern).ptrs;
  for (const pointer of pointers) {
    (pointer[1] as number) += from;
    (pointer[2] as number) += from;
  }
  return pointers;
}

/** The drop-in for compromise's bulkMatch (sweep/index.js and sweep/04-runMatch.js): the same matches, in the same order. */
export const fastBulkMatch: BulkMatch = (document, net, methods, options = {}) => {
  const haves = methods.one.cacheDoc(document);
  const index = hookIndexOf(net);
  const results: Found[] = [];
  for (let sentence = 0; sentence < document.length; sentence++) {
    const terms = document[sentence] as Term[];
    for (const { pattern, start } of candidates(index, haves[sentence] as Set<string>, terms.length)) {
      const from = firstStart(start, terms);
      if (from === -1) continue;
      const pointers = matchFrom(methods, terms, pattern, from);
      if (pointers.length === 0) continue;
      for (const pointer of pointers) {
        pointer[0] = sentence;
        const todo: Found = Object.assign({}, pattern, { pointer });
        if (pattern.unTag !== undefined) todo.unTag = pattern.unTag;
        results.push(todo);
      }
      if (options.matchOne === true) return [results[0] as Found];
    }
  }
  return results;
};

/** compromise's own bulk matcher, kept when fastBulkMatch replaces it. */
let ownBulkMatch: BulkMatch | undefined;

/** compromise's own bulk matcher (as it was before installFastSweep), for comparison in tests. */
export function compromiseBulkMatch(): BulkMatch {
  // compromise's typings do not describe its internal methods; this is the shape it has at run time.
  ownBulkMatch ??= (loadCompromise().world() as unknown as { methods: Methods }).methods.one.bulkMatch;
  return ownBulkMatch;
}

/** Makes fastBulkMatch compromise's bulk matcher (a compromise plugin), keeping compromise's own (compromiseBulkMatch). */
export function installFastSweep(nlp: typeof compromise): void {
  // Keeps compromise's own matcher before the plugin replaces it.
  compromiseBulkMatch();
  nlp.plugin({ methods: { one: { bulkMatch: fastBulkMatch } } } as unknown as Parameters<typeof nlp.plugin>[0]);
}
