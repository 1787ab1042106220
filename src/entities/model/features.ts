import type { EntityMention } from '../../document.ts';
import type { PassageAnalysis, Token } from '../../text/analysis.ts';
import { tokenKey } from '../../text/names.ts';
import type { Gazetteer } from '../gazetteer.ts';
import { sentenceCase } from '../rules.ts';
import { hashRange, hashText, mix } from './feature-hash.ts';

/** One sentence as the model reads it: its tokens (empty ones left out), and the passage it is in. */
export interface ModelSentence {
  passage: number;
  tokens: Token[];
}

/** The sentences of a document's analysed passages, in order. */
export function modelSentences(analyses: readonly PassageAnalysis[]): ModelSentence[] {
  const sentences: ModelSentence[] = [];
  analyses.forEach((analysis, passage) => {
    let current: ModelSentence | null = null;
    let sentence = -1;
    for (const token of analysis.tokens) {
      if (token.text === '') continue;
      if (current === null || token.sentence !== sentence) {
        current = { passage, tokens: [] };
        sentences.push(current);
        sentence = token.sentence;
      }
      current.tokens.push(token);
    }
  });
  return sentences;
}

/**
 * The feature templates. A feature's hash mixes its template's hash with
 * its value's; renaming or reordering templates changes every feature, so
 * FEATURE_SET_VERSION (model-file.ts) goes up with any change here.
 */
const TEMPLATE_NAMES = [
  'bias', 'word', 'lower', 'shape', 'longShape', 'case', 'caseShape', 'first', 'firstShape',
  'lowerBefore', 'lowerTwoBefore', 'lowerAfter', 'lowerTwoAfter', 'lowerBeforeAndLower', 'lowerAndLowerAfter',
  'shapeBefore', 'shapeAfter', 'shapes', 'tag', 'tagBefore', 'tagAfter',
  'gazetteer', 'gazetteerShape', 'gazetteerBefore', 'gazetteerAfter', 'givenName', 'surname', 'notEntity', 'head',
  'rule', 'ruleBefore', 'ruleAfter', 'ruleCase', 'documentLowerCase', 'documentCapitalised', 'documentRule',
] as const;
/** The hash of each template, by name. */
const T = Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, hashText(name)])) as Record<(typeof TEMPLATE_NAMES)[number], number>;
/** Templates of the prefixes and suffixes of 1 to 4 characters, by length. */
const PREFIX = [0, 1, 2, 3, 4].map((length) => hashText(`prefix${length}`));
const SUFFIX = [0, 1, 2, 3, 4].map((length) => hashText(`suffix${length}`));

const BEFORE = hashText('<s>');
const AFTER = hashText('</s>');
const NONE = hashText('');

/** Hashes of small strings that recur (tags, labels, cases), computed once. */
const interned = new Map<string, number>();
function hashOf(text: string): number {
  let hash = interned.get(text);
  if (hash === undefined) {
    hash = hashText(text);
    interned.set(text, hash);
  }
  return hash;
}

/** compromise's tags that say something about names and their context. */
const TAG_FEATURES = [
  'ProperNoun', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'Place', 'Country', 'City', 'Region', 'Organization', 'Acronym', 'Noun', 'Plural',
  'Singular', 'Possessive', 'Adjective', 'Demonym', 'Verb', 'PastTense', 'PresentTense', 'Gerund', 'Infinitive', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Adverb',
  'Value', 'Cardinal', 'Ordinal', 'Date', 'Month', 'WeekDay', 'Unit', 'Money', 'Percent', 'Abbreviation', 'Url', 'Hyphenated', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary',
].map((tag) => [tag, hashText(tag)] as const);

const CAPITALISED = /^\p{Lu}/u;
const LOWER_CASE = /^\p{Ll}/u;
const DIGIT_ZERO = 48;

/** The class of a character for word shapes: X upper case, x lower case, d digit, else the character itself. */
function shapeClass(code: number, character: string): number {
  if (code >= 65 && code <= 90) return 88;
  if (code >= 97 && code <= 122) return 120;
  if (code >= 48 && code <= 57) return 100;
  if (code < 128) return code;
  if (/\p{Lu}/u.test(character)) return 88;
  if (/\p{L}/u.test(character)) return 120;
  if (/\p{N}/u.test(character)) return 100;
  return code;
}

/** What the features need of one token, computed once per token. */
interface TokenView {
  key: string;
  lower: string;
  /** The word and its lower case with digits as 0 ("1996" and "1997" share features). */
  word: number;
  lowerWord: number;
  /** Shape: X for upper-case letters, x lower case, d digits; the long one keeps 12 characters, the short one shortens runs ("Xx", "X.X.", "d-d"). */
  shape: number;
  longShape: number;
  tags: number[];
  capitalised: boolean;
}

function viewOf(token: Token): TokenView {
  const text = token.text;
  const lower = text.toLowerCase();
  let word = 0x811c9dc5;
  let lowerWord = 0x811c9dc5;
  let shape = 0x811c9dc5;
  let longShape = 0x811c9dc5;
  let previousClass = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const isDigit = code >= 48 && code <= 57;
    word = Math.imul(word ^ (isDigit ? DIGIT_ZERO : code), 0x01000193);
    lowerWord = Math.imul(lowerWord ^ (isDigit ? DIGIT_ZERO : lower.charCodeAt(index)), 0x01000193);
    const kind = shapeClass(code, text[index] as string);
    if (index < 12) longShape = Math.imul(longShape ^ kind, 0x01000193);
    if (kind !== previousClass) shape = Math.imul(shape ^ kind, 0x01000193);
    previousClass = kind;
  }
  const tags: number[] = [];
  for (const [tag, hash] of TAG_FEATURES) if (token.tags.has(tag)) tags.push(hash);
  return { key: tokenKey(text), lower, word: word >>> 0, lowerWord: lowerWord >>> 0, shape: shape >>> 0, longShape: longShape >>> 0, tags, capitalised: CAPITALISED.test(text) };
}

/** BILOU position of each token in a list of spans, by token start: "B-place". */
function spanPositions(sentences: readonly ModelSentence[], spans: readonly { start: number; end: number; type: string }[]): Map<number, string> {
  const positions = new Map<number, string>();
  const tokens = sentences.flatMap((sentence) => sentence.tokens);
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    while (at < tokens.length && (tokens[at] as Token).end <= span.start) at++;
    const inside: Token[] = [];
    for (let index = at; index < tokens.length && (tokens[index] as Token).start < span.end; index++) inside.push(tokens[index] as Token);
    inside.forEach((token, index) => {
      const position = inside.length === 1 ? 'U' : index === 0 ? 'B' : index === inside.length - 1 ? 'L' : 'I';
      positions.set(token.start, `${position}-${span.type}`);
    });
  }
  return positions;
}

/**
 * What the whole document says about a word, for every sentence of it: the
 * types the rule engine gave the names the word is part of, whether the word
 * is also written in lower case (an ordinary word), and whether it is
 * capitalised somewhere capitals mean a name (not a sentence start, not a
 * headline).
 */
interface DocumentEvidence {
  ruleTypes: Map<string, Set<string>>;
  lowerCase: Set<string>;
  capitalisedInProse: Set<string>;
}

function documentEvidence(sentences: readonly ModelSentence[], views: readonly (readonly TokenView[])[], cases: readonly string[], rules: ReadonlyMap<number, string>): DocumentEvidence {
  const evidence: DocumentEvidence = { ruleTypes: new Map(), lowerCase: new Set(), capitalisedInProse: new Set() };
  sentences.forEach((sentence, index) => {
    const prose = cases[index] === 'normal';
    sentence.tokens.forEach((token, at) => {
      const { key, capitalised } = (views[index] as TokenView[])[at] as TokenView;
      if (LOWER_CASE.test(token.text)) evidence.lowerCase.add(key);
      else if (prose && at > 0 && capitalised) evidence.capitalisedInProse.add(key);
      const rule = rules.get(token.start);
      if (rule !== undefined) {
        const types = evidence.ruleTypes.get(key) ?? new Set<string>();
        types.add(rule.slice(2));
        evidence.ruleTypes.set(key, types);
      }
    });
  });
  return evidence;
}

/** What a document gives the feature extraction besides its sentences. */
export interface FeatureInput {
  sentences: readonly ModelSentence[];
  /** The rule engine's mentions: the model learns how far to trust them. */
  ruleMentions: readonly EntityMention[];
  gazetteer: Gazetteer;
}

/**
 * The features of every token of a document, sentence by sentence, as
 * hashes: the word, its lower case, shape, prefixes and suffixes; the words
 * and shapes around it (two on each side); compromise's tags; the sentence's
 * position and case (prose, Title Case or ALL CAPS headline); gazetteer and
 * user-lexicon matches with their type and the token's place in them; the
 * rule engine's label; and what the rest of the document says of the same
 * word.
 */
export function documentFeatures({ sentences, ruleMentions, gazetteer }: FeatureInput): Uint32Array[][] {
  const views = sentences.map((sentence) => sentence.tokens.map(viewOf));
  const cases = sentences.map((sentence) => sentenceCase(sentence.tokens));
  const rules = spanPositions(sentences, ruleMentions);
  const evidence = documentEvidence(sentences, views, cases, rules);
  return sentences.map((sentence, index) => sentenceFeatures(sentence.tokens, views[index] as TokenView[], cases[index] as string, rules, evidence, gazetteer));
}

/** Each token's place in the longest gazetteer phrase over it, with the phrase's type: "B-place", "U-organization-acronym", or "". */
function gazetteerPositions(views: readonly TokenView[], gazetteer: Gazetteer): string[] {
  const keys = views.map((view) => view.key);
  const positions = new Array<string>(keys.length).fill('');
  for (let index = 0; index < keys.length; index++) {
    const match = gazetteer.phrases.longestMatch(keys, index);
    if (match === null) continue;
    const { length, value } = match;
    for (let at = 0; at < length; at++) {
      const position = length === 1 ? 'U' : at === 0 ? 'B' : at === length - 1 ? 'L' : 'I';
      positions[index + at] = `${position}-${value.type}${value.acronym ? '-acronym' : ''}`;
    }
    index += length - 1;
  }
  return positions;
}

function sentenceFeatures(tokens: readonly Token[], views: readonly TokenView[], sentenceCase: string, rules: ReadonlyMap<number, string>, evidence: DocumentEvidence, gazetteer: Gazetteer): Uint32Array[] {
  const gazetteerAt = gazetteerPositions(views, gazetteer).map((position) => (position === '' ? NONE : hashOf(position)));
  const ruleAt = tokens.map((token) => hashOf(rules.get(token.start) ?? 'O'));
  const caseHash = hashOf(sentenceCase);
  const last = tokens.length - 1;
  const lowerAt = (at: number): number => (at < 0 ? BEFORE : at > last ? AFTER : (views[at] as TokenView).lowerWord);
  const shapeAt = (at: number): number => (at < 0 ? BEFORE : at > last ? AFTER : (views[at] as TokenView).shape);
  const scratch: number[] = [];
  return views.map((view, at) => {
    const features = scratch;
    features.length = 0;
    features.push(
      mix(T.bias, NONE),
      mix(T.word, view.word),
      mix(T.lower, view.lowerWord),
      mix(T.shape, view.shape),
      mix(T.longShape, view.longShape),
      mix(T.case, caseHash),
      mix(T.caseShape, mix(caseHash, view.shape)),
    );
    const lower = view.lower;
    for (let length = 1; length <= 4 && length < lower.length; length++) {
      features.push(mix(PREFIX[length] as number, hashRange(lower, 0, length)), mix(SUFFIX[length] as number, hashRange(lower, lower.length - length, lower.length)));
    }
    if (at === 0) features.push(mix(T.first, NONE), mix(T.firstShape, view.shape));
    const before = lowerAt(at - 1);
    const after = lowerAt(at + 1);
    features.push(
      mix(T.lowerBefore, before),
      mix(T.lowerTwoBefore, lowerAt(at - 2)),
      mix(T.lowerAfter, after),
      mix(T.lowerTwoAfter, lowerAt(at + 2)),
      mix(T.lowerBeforeAndLower, mix(before, view.lowerWord)),
      mix(T.lowerAndLowerAfter, mix(view.lowerWord, after)),
      mix(T.shapeBefore, shapeAt(at - 1)),
      mix(T.shapeAfter, shapeAt(at + 1)),
      mix(T.shapes, mix(mix(shapeAt(at - 1), view.shape), shapeAt(at + 1))),
    );
    for (const tag of view.tags) features.push(mix(T.tag, tag));
    if (at > 0) for (const tag of (views[at - 1] as TokenView).tags) features.push(mix(T.tagBefore, tag));
    if (at < last) for (const tag of (views[at + 1] as TokenView).tags) features.push(mix(T.tagAfter, tag));
    const gazetteerHere = gazetteerAt[at] as number;
    if (gazetteerHere !== NONE) features.push(mix(T.gazetteer, gazetteerHere), mix(T.gazetteerShape, mix(gazetteerHere, view.shape)));
    if (at > 0 && gazetteerAt[at - 1] !== NONE) features.push(mix(T.gazetteerBefore, gazetteerAt[at - 1] as number));
    if (at < last && gazetteerAt[at + 1] !== NONE) features.push(mix(T.gazetteerAfter, gazetteerAt[at + 1] as number));
    const key = view.key;
    if (gazetteer.givenNames.has(key)) features.push(mix(T.givenName, NONE));
    if (gazetteer.surnames.has(key)) features.push(mix(T.surname, NONE));
    if (gazetteer.notEntities.has(key)) features.push(mix(T.notEntity, NONE));
    const head = gazetteer.heads.get(key);
    if (head !== undefined) features.push(mix(T.head, hashOf(head)));
    const rule = ruleAt[at] as number;
    features.push(mix(T.rule, rule), mix(T.ruleBefore, at > 0 ? (ruleAt[at - 1] as number) : BEFORE), mix(T.ruleAfter, at < last ? (ruleAt[at + 1] as number) : AFTER), mix(T.ruleCase, mix(rule, caseHash)));
    if (view.capitalised) {
      if (evidence.lowerCase.has(key)) features.push(mix(T.documentLowerCase, NONE));
      if (evidence.capitalisedInProse.has(key)) features.push(mix(T.documentCapitalised, NONE));
      for (const type of evidence.ruleTypes.get(key) ?? []) features.push(mix(T.documentRule, hashOf(type)));
    }
    return new Uint32Array(features);
  });
}
