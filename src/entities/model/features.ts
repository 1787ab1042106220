import type { EntityMention } from '../../document.ts';
import type { PassageAnalysis, Token } from '../../text/analysis.ts';
import { tokenKey } from '../../text/names.ts';
import type { Gazetteer } from '../gazetteer.ts';
import { sentenceCase } from '../rules.ts';

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

const CAPITALISED = /^\p{Lu}/u;
const LOWER_CASE = /^\p{Ll}/u;

function documentEvidence(sentences: readonly ModelSentence[], cases: readonly string[], rules: ReadonlyMap<number, string>): DocumentEvidence {
  const evidence: DocumentEvidence = { ruleTypes: new Map(), lowerCase: new Set(), capitalisedInProse: new Set() };
  sentences.forEach((sentence, index) => {
    const prose = cases[index] === 'normal';
    sentence.tokens.forEach((token, at) => {
      const key = tokenKey(token.text);
      if (LOWER_CASE.test(token.text)) evidence.lowerCase.add(key);
      else if (prose && at > 0 && CAPITALISED.test(token.text)) evidence.capitalisedInProse.add(key);
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

/** Word shape: X for upper-case letters, x for lower case, d for digits, other characters as they are. */
function longShape(word: string): string {
  let shape = '';
  for (const character of word.slice(0, 12)) {
    if (/\p{Lu}/u.test(character)) shape += 'X';
    else if (/\p{L}/u.test(character)) shape += 'x';
    else if (/\p{N}/u.test(character)) shape += 'd';
    else shape += character;
  }
  return shape;
}

/** The shape with runs of one class shortened to one character: "Xx", "X.X.", "d-d". */
function shortShape(word: string): string {
  return longShape(word).replace(/(.)\1+/gu, '$1');
}

/** compromise's tags that say something about names and their context. */
const TAG_FEATURES = new Set([
  'ProperNoun', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'Place', 'Country', 'City', 'Region', 'Organization', 'Acronym', 'Noun', 'Plural',
  'Singular', 'Possessive', 'Adjective', 'Demonym', 'Verb', 'PastTense', 'PresentTense', 'Gerund', 'Infinitive', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Adverb',
  'Value', 'Cardinal', 'Ordinal', 'Date', 'Month', 'WeekDay', 'Unit', 'Money', 'Percent', 'Abbreviation', 'Url', 'Hyphenated', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary',
]);

function tagsOf(token: Token | undefined): string[] {
  if (token === undefined) return [];
  const tags: string[] = [];
  for (const tag of token.tags) if (TAG_FEATURES.has(tag)) tags.push(tag);
  return tags.sort();
}

/** The word with its digits replaced by 0, so numbers share features ("1996" and "1997"). */
function wordForm(text: string): string {
  return text.replace(/\p{N}/gu, '0');
}

/** What a document gives the feature extraction besides its sentences. */
export interface FeatureInput {
  sentences: readonly ModelSentence[];
  /** The rule engine's mentions: the model learns how far to trust them. */
  ruleMentions: readonly EntityMention[];
  gazetteer: Gazetteer;
}

/**
 * The features of every token of a document, sentence by sentence: the word,
 * its lower case, shape, prefixes and suffixes; the words and shapes around
 * it (two on each side); compromise's tags; the sentence's position and case
 * (prose, Title Case or ALL CAPS headline); gazetteer and user-lexicon
 * matches with their type and the token's place in them; the rule engine's
 * label; and what the rest of the document says of the same word.
 */
export function documentFeatures({ sentences, ruleMentions, gazetteer }: FeatureInput): string[][][] {
  const cases = sentences.map((sentence) => sentenceCase(sentence.tokens));
  const rules = spanPositions(sentences, ruleMentions);
  const evidence = documentEvidence(sentences, cases, rules);
  return sentences.map((sentence, index) => sentenceFeatures(sentence.tokens, cases[index] as string, rules, evidence, gazetteer));
}

function gazetteerPositions(keys: readonly string[], gazetteer: Gazetteer): string[] {
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

function sentenceFeatures(tokens: readonly Token[], sentenceCase: string, rules: ReadonlyMap<number, string>, evidence: DocumentEvidence, gazetteer: Gazetteer): string[][] {
  const words = tokens.map((token) => wordForm(token.text));
  const lower = words.map((word) => word.toLowerCase());
  const keys = tokens.map((token) => tokenKey(token.text));
  const shapes = words.map(shortShape);
  const gazetteerAt = gazetteerPositions(keys, gazetteer);
  const ruleAt = tokens.map((token) => rules.get(token.start) ?? 'O');
  const word = (at: number): string => (at < 0 ? '<s>' : at >= tokens.length ? '</s>' : (lower[at] as string));
  const shape = (at: number): string => (at < 0 ? '<s>' : at >= tokens.length ? '</s>' : (shapes[at] as string));
  return tokens.map((token, at) => {
    const form = words[at] as string;
    const low = lower[at] as string;
    const key = keys[at] as string;
    const features = ['bias', `w=${form}`, `l=${low}`, `s=${shapes[at]}`, `S=${longShape(form)}`, `case=${sentenceCase}`, `case.s=${sentenceCase}|${shapes[at]}`];
    for (let length = 1; length <= 4 && length < low.length; length++) features.push(`p${length}=${low.slice(0, length)}`, `x${length}=${low.slice(-length)}`);
    if (at === 0) features.push('first', `first.s=${shapes[at]}`);
    features.push(`l-1=${word(at - 1)}`, `l-2=${word(at - 2)}`, `l+1=${word(at + 1)}`, `l+2=${word(at + 2)}`);
    features.push(`l-1.l=${word(at - 1)}|${low}`, `l.l+1=${low}|${word(at + 1)}`);
    features.push(`s-1=${shape(at - 1)}`, `s+1=${shape(at + 1)}`, `s-1.s.s+1=${shape(at - 1)}|${shapes[at]}|${shape(at + 1)}`);
    for (const tag of tagsOf(token)) features.push(`t=${tag}`);
    for (const tag of tagsOf(tokens[at - 1])) features.push(`t-1=${tag}`);
    for (const tag of tagsOf(tokens[at + 1])) features.push(`t+1=${tag}`);
    const gazetteerHere = gazetteerAt[at] as string;
    if (gazetteerHere !== '') features.push(`g=${gazetteerHere}`, `g.s=${gazetteerHere}|${shapes[at]}`);
    if (at > 0 && gazetteerAt[at - 1] !== '') features.push(`g-1=${gazetteerAt[at - 1]}`);
    if (at + 1 < tokens.length && gazetteerAt[at + 1] !== '') features.push(`g+1=${gazetteerAt[at + 1]}`);
    if (gazetteer.givenNames.has(key)) features.push('given');
    if (gazetteer.surnames.has(key)) features.push('surname');
    if (gazetteer.notEntities.has(key)) features.push('not-entity');
    const head = gazetteer.heads.get(key);
    if (head !== undefined) features.push(`head=${head}`);
    features.push(`r=${ruleAt[at]}`, `r-1=${at > 0 ? ruleAt[at - 1] : '<s>'}`, `r+1=${at + 1 < tokens.length ? ruleAt[at + 1] : '</s>'}`, `r.case=${ruleAt[at]}|${sentenceCase}`);
    if (CAPITALISED.test(token.text)) {
      if (evidence.lowerCase.has(key)) features.push('doc.lower');
      if (evidence.capitalisedInProse.has(key)) features.push('doc.capitalised');
      for (const type of evidence.ruleTypes.get(key) ?? []) features.push(`doc.rule=${type}`);
    }
    return features;
  });
}
