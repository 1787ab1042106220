import type { EntityMention } from '../../document.ts';
import type { EntityType } from '../../schemas/index.ts';
import type { PassageAnalysis, Token } from '../../text/analysis.ts';
import { tokenKey } from '../../text/names.ts';
import type { Gazetteer } from '../gazetteer.ts';
import { sentenceCase } from '../../text/title-case.ts';
import { wordCache } from '../../text/word-cache.ts';
import { NAME_CONNECTORS } from '../../text/vocabulary.ts';
import { LOWER_CASE_SUFFIXES, NAME_PARTICLES } from '../rules.ts';
import { hashRange, hashText, mix } from './feature-hash.ts';
import { LABELS, positionIn, SPAN_TYPES, type Label } from './labels.ts';
import { featuresOfToken, packFeatures, type PackedFeatures } from './sequence-model.ts';
import type { WorldLexicon } from './world-lexicon.ts';

/** One sentence as the model reads it: its tokens (empty ones left out), and the passage it is in. */
export interface ModelSentence {
  passage: number;
  tokens: Token[];
}

/**
 * Punctuation after a word that no name runs across: brackets, quotation
 * marks, a comma, colon, semicolon, pipe, ! or ?, or a full stop before an
 * opening quotation mark. A full stop alone may sit inside a name ("St.
 * Louis", "U.S. Army"); compromise keeps all of these with the word before
 * them, so the decoder is told where a name must end.
 */
const NAME_BREAK = /[,;:|!?()[\]{}"“”«»]|\.\s*[“"‘']/u;
/** An opening bracket or quotation mark before a word: the name before it has ended ("National Parks (SANParks)"). */
const OPENING_BEFORE = /[([{"“«‘]/u;
/** Labels that leave a span open for the next token (B and I), and the inside labels (I), as bit masks over the label indexes. */
const OPENING_LABELS = LABELS.reduce((mask, label, index) => (label.position === 'B' || label.position === 'I' ? mask | (1 << index) : mask), 0);
const INSIDE_LABELS = LABELS.reduce((mask, label, index) => (label.position === 'I' ? mask | (1 << index) : mask), 0);
const NAME_LABELS = LABELS.reduce((mask, label, index) => (label.position === 'O' ? mask : mask | (1 << index)), 0);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The labels a word may not take wherever it is: a word in lower case is
 * inside a name only when it is a connector or a name particle ("Bank of
 * England", "Charles de Gaulle"), never "near" ("Sava near Belgrade" is two
 * names); and a token of punctuation alone ("|", "--") is no part of a
 * name, except an ampersand ("Smith & Wesson").
 */
function wordForbiddenLabels(text: string, lower: string): number {
  if (!LETTER_OR_DIGIT.test(text) && !NAME_CONNECTORS.has(text)) return NAME_LABELS;
  return LOWER_CASE.test(text) && !NAME_CONNECTORS.has(lower) && !NAME_PARTICLES.has(lower) && !LOWER_CASE_SUFFIXES.has(lower) ? INSIDE_LABELS : 0;
}

/**
 * The labels each token of a sentence may not take, as bit masks: its
 * word's (wordForbiddenLabels), and a name ends at a word followed by a
 * NAME_BREAK or before an opening bracket or quotation mark.
 */
function forbiddenLabels(views: readonly TokenView[]): Uint32Array {
  const masks = new Uint32Array(views.length);
  for (let at = 0; at < views.length; at++) {
    const view = views[at] as TokenView;
    const mask = view.word.forbidden;
    masks[at] = mask === NAME_LABELS || !(view.after.breaksName || views[at + 1]?.before.opens === true) ? mask : mask | OPENING_LABELS;
  }
  return masks;
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
  'bias',
  'word',
  'lower',
  'shape',
  'longShape',
  'case',
  'caseShape',
  'first',
  'firstShape',
  'lowerBefore',
  'lowerTwoBefore',
  'lowerAfter',
  'lowerTwoAfter',
  'lowerBeforeAndLower',
  'lowerAndLowerAfter',
  'shapeBefore',
  'shapeAfter',
  'shapes',
  'tag',
  'tagBefore',
  'tagAfter',
  'gazetteer',
  'gazetteerShape',
  'gazetteerBefore',
  'gazetteerAfter',
  'givenName',
  'surname',
  'notEntity',
  'head',
  'rule',
  'ruleBefore',
  'ruleAfter',
  'ruleCase',
  'documentLowerCase',
  'documentCapitalised',
  'documentRule',
  'predictedElsewhere',
  'predictedMostElsewhere',
  'punctuationBefore',
  'punctuationAfter',
  'punctuationAfterPrevious',
  'personName',
  'city',
  'cityShape',
  'category',
  'categoryType',
  'possessive',
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
  'ProperNoun',
  'Person',
  'FirstName',
  'LastName',
  'MaleName',
  'FemaleName',
  'Honorific',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'Acronym',
  'Noun',
  'Plural',
  'Singular',
  'Possessive',
  'Adjective',
  'Demonym',
  'Verb',
  'PastTense',
  'PresentTense',
  'Gerund',
  'Infinitive',
  'Preposition',
  'Determiner',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'Value',
  'Cardinal',
  'Ordinal',
  'Date',
  'Month',
  'WeekDay',
  'Unit',
  'Money',
  'Percent',
  'Abbreviation',
  'Url',
  'Hyphenated',
  'QuestionWord',
  'Copula',
  'Modal',
  'Auxiliary',
].map((tag) => [tag, hashText(tag)] as const);
/** The features a tag gives: `own` to its token, `before` to the token after it ("the tag before"), `after` to the token before it. */
interface TagFeatures {
  own: number;
  before: number;
  after: number;
}

const CAPITALISED = /^\p{Lu}/u;
const POSSESSIVE = /\p{L}['’]s?$/u;
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

/**
 * What the features need of a word's text alone: the same for every
 * occurrence of the word, so computed once per distinct word (see Vocabulary).
 */
export interface WordView {
  text: string;
  key: string;
  lower: string;
  /** The word and its lower case with digits as 0 ("1996" and "1997" share features). */
  wordHash: number;
  lowerHash: number;
  /** Shape: X for upper-case letters, x lower case, d digits; the long one keeps 12 characters, the short one shortens runs ("Xx", "X.X.", "d-d"). */
  shape: number;
  longShape: number;
  capitalised: boolean;
  /** Whether it starts with a lower-case letter (an ordinary word, or a connector inside a name). */
  lowerCase: boolean;
  /** The labels the word may not take wherever it is, as a bit mask (wordForbiddenLabels). */
  forbidden: number;
  /** The population class of the city the word names alone, or -1; and whether it is the first word of a longer city name. */
  city: number;
  opensCity: boolean;
  /**
   * The features of the word itself, as hashes: the bias, the word and its
   * lower case (always at 1 and 2: training hides them, see train.ts), the
   * shapes, prefixes and suffixes, whether it is a possessive, and the word
   * lists it is in. A token's features are these, then its context's.
   */
  features: Uint32Array;
  /** The features the word gives the tokens near it, by NEIGHBOUR_OFFSETS: "the word before is 'said'", its shape, ... */
  asNeighbour: readonly Uint32Array[];
}

/**
 * Where the words whose own words and shapes are a token's features are,
 * from the token: two before, one before, one after, two after.
 */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/** The features a word (its lower case and shape) gives the token at each NEIGHBOUR_OFFSETS from it. */
function neighbourFeatures(lowerHash: number, shape: number): Uint32Array[] {
  return [
    Uint32Array.of(mix(T.lowerTwoBefore, lowerHash)),
    Uint32Array.of(mix(T.lowerBefore, lowerHash), mix(T.shapeBefore, shape)),
    Uint32Array.of(mix(T.lowerAfter, lowerHash), mix(T.shapeAfter, shape)),
    Uint32Array.of(mix(T.lowerTwoAfter, lowerHash)),
  ];
}

/** What stands for the words before a sentence's first token and after its last, as neighbours. */
export type Neighbour = Pick<WordView, 'features' | 'asNeighbour'>;
const SENTENCE_START: Neighbour = { features: new Uint32Array(0), asNeighbour: neighbourFeatures(BEFORE, BEFORE) };
const SENTENCE_END: Neighbour = { features: new Uint32Array(0), asNeighbour: neighbourFeatures(AFTER, AFTER) };

/** The word at NEIGHBOUR_OFFSETS[index] from token `at` of a sentence, or what stands for none there. */
export function neighbourOf(words: readonly WordView[], at: number, index: number): Neighbour {
  const position = at + (NEIGHBOUR_OFFSETS[index] as number);
  return position < 0 ? SENTENCE_START : position >= words.length ? SENTENCE_END : (words[position] as WordView);
}

/** The punctuation compromise attached before or after a word ("(", "“", ",", ":", "."), and what it says. */
interface PunctuationView {
  /** Without spaces, as a feature value: NONE for none. */
  hash: number;
  /** After a word: the name ends there (NAME_BREAK). */
  breaksName: boolean;
  /** Before a word: an opening bracket or quotation mark (OPENING_BEFORE), so a name before it has ended. */
  opens: boolean;
}

/** What the features need of one token: its word, and what compromise said of this occurrence. */
interface TokenView {
  word: WordView;
  tags: TagFeatures[];
  before: PunctuationView;
  after: PunctuationView;
}

/** The punctuation strings met so far (a few dozen: "", " ", ", ", ". “", " ("). */
const punctuationViews = new Map<string, PunctuationView>();

function punctuationView(text: string): PunctuationView {
  let view = punctuationViews.get(text);
  if (view === undefined) {
    const punctuation = text.replace(/\s+/gu, '');
    view = { hash: punctuation === '' ? NONE : hashOf(punctuation.slice(0, 3)), breaksName: NAME_BREAK.test(text), opens: OPENING_BEFORE.test(text) };
    if (punctuationViews.size < 10_000) punctuationViews.set(text, view);
  }
  return view;
}

const NO_FEATURES = new Uint32Array(0);

/**
 * What the features know of words: the gazetteer (with the user's
 * lexicons), the cities and name words stored in the model, and each
 * distinct word's view, computed once: news repeats its words, so most
 * tokens of a document cost a lookup.
 */
export class Vocabulary {
  /** The views of the words seen last (see wordCache). */
  private readonly views = wordCache<WordView>();

  constructor(
    readonly gazetteer: Gazetteer,
    readonly lexicon: WorldLexicon,
  ) {}

  word(text: string): WordView {
    let view = this.views.get(text);
    if (view === undefined) {
      view = this.viewOf(text);
      this.views.set(text, view);
    }
    return view;
  }

  private viewOf(text: string): WordView {
    const lower = text.toLowerCase();
    let wordHash = 0x811c9dc5;
    let lowerHash = 0x811c9dc5;
    let shape = 0x811c9dc5;
    let longShape = 0x811c9dc5;
    let previousClass = -1;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      const isDigit = code >= 48 && code <= 57;
      wordHash = Math.imul(wordHash ^ (isDigit ? DIGIT_ZERO : code), 0x01000193);
      lowerHash = Math.imul(lowerHash ^ (isDigit ? DIGIT_ZERO : lower.charCodeAt(index)), 0x01000193);
      const kind = shapeClass(code, text[index] as string);
      if (index < 12) longShape = Math.imul(longShape ^ kind, 0x01000193);
      if (kind !== previousClass) shape = Math.imul(shape ^ kind, 0x01000193);
      previousClass = kind;
    }
    // One object literal with every field, so that every view has the same hidden class (a spread gives each its own, and every read of a view turns megamorphic).
    const view: WordView = {
      text,
      key: tokenKey(text),
      lower,
      wordHash: wordHash >>> 0,
      lowerHash: lowerHash >>> 0,
      shape: shape >>> 0,
      longShape: longShape >>> 0,
      capitalised: CAPITALISED.test(text),
      lowerCase: LOWER_CASE.test(text),
      forbidden: wordForbiddenLabels(text, lower),
      city: -1,
      opensCity: false,
      features: NO_FEATURES,
      asNeighbour: [],
    };
    if (view.capitalised) {
      view.city = this.lexicon.cities.get(view.key) ?? -1;
      view.opensCity = this.lexicon.openingWords.has(view.key);
    }
    view.features = this.featuresOf(view);
    view.asNeighbour = neighbourFeatures(view.lowerHash, view.shape);
    return view;
  }

  private featuresOf(view: Omit<WordView, 'features' | 'asNeighbour'>): Uint32Array {
    const { key, lower } = view;
    const features = [mix(T.bias, NONE), mix(T.word, view.wordHash), mix(T.lower, view.lowerHash), mix(T.shape, view.shape), mix(T.longShape, view.longShape)];
    for (let length = 1; length <= 4 && length < lower.length; length++) {
      features.push(
        mix(PREFIX[length] as number, hashRange(lower, 0, length)),
        mix(SUFFIX[length] as number, hashRange(lower, lower.length - length, lower.length)),
      );
    }
    // "CCP's Central Committee": a possessive usually ends a name (compromise keeps the 's in the word).
    if (POSSESSIVE.test(view.text)) features.push(mix(T.possessive, NONE));
    if (this.lexicon.personNames.has(key)) features.push(mix(T.personName, NONE));
    if (this.gazetteer.givenNames.has(key)) features.push(mix(T.givenName, NONE));
    if (this.gazetteer.surnames.has(key)) features.push(mix(T.surname, NONE));
    if (this.gazetteer.notEntities.has(key)) features.push(mix(T.notEntity, NONE));
    const head = this.gazetteer.heads.get(key);
    if (head !== undefined) features.push(mix(T.head, hashOf(head)));
    return Uint32Array.from(features);
  }
}

/** The features of each of compromise's tags that the features read, by tag. */
const TAG_HASHES = new Map(
  TAG_FEATURES.map(([tag, hash]): [string, TagFeatures] => [tag, { own: mix(T.tag, hash), before: mix(T.tagBefore, hash), after: mix(T.tagAfter, hash) }]),
);

function tokenView(token: Token, vocabulary: Vocabulary): TokenView {
  const tags: TagFeatures[] = [];
  for (const tag of token.tags) {
    const features = TAG_HASHES.get(tag);
    if (features !== undefined) tags.push(features);
  }
  return { word: vocabulary.word(token.text), tags, before: punctuationView(token.pre), after: punctuationView(token.post) };
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
      positions.set(token.start, `${positionIn(index, inside.length)}-${span.type}`);
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

function documentEvidence(
  sentences: readonly ModelSentence[],
  views: readonly (readonly TokenView[])[],
  cases: readonly string[],
  rules: ReadonlyMap<number, string>,
): DocumentEvidence {
  const evidence: DocumentEvidence = { ruleTypes: new Map(), lowerCase: new Set(), capitalisedInProse: new Set() };
  sentences.forEach((sentence, index) => {
    const prose = cases[index] === 'normal';
    sentence.tokens.forEach((token, at) => {
      const { key, capitalised, lowerCase } = ((views[index] as TokenView[])[at] as TokenView).word;
      if (lowerCase) evidence.lowerCase.add(key);
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
  vocabulary: Vocabulary;
}

/**
 * The features of a document's tokens, sentence by sentence, with what the
 * second pass needs. A token's features are its word's own
 * (WordView.features) and its context's, which go to a ContextSink as they
 * are made: training keeps them as lists of hashes (ContextHashes), a run
 * adds their weights to the scores at once (see recognizer.ts).
 */
export interface DocumentFeatures<Context = PackedFeatures<Uint32Array>> {
  /** Each sentence's words, token by token. */
  words: WordView[][];
  /** What the sink made of each sentence's context features. */
  context: Context[];
  /** The labels each token may not take, per sentence (see forbiddenLabels). */
  forbidden: Uint32Array[];
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
export function documentFeatures<Context>({ sentences, ruleMentions, vocabulary }: FeatureInput, sink: ContextSink<Context>): DocumentFeatures<Context> {
  const views = sentences.map((sentence) => sentence.tokens.map((token) => tokenView(token, vocabulary)));
  const words = views.map((sentence) => sentence.map((view) => view.word));
  const cases = sentences.map((sentence) => sentenceCase(sentence.tokens));
  const rules = spanPositions(sentences, ruleMentions);
  const evidence = documentEvidence(sentences, views, cases, rules);
  return {
    words,
    context: sentences.map((sentence, index) =>
      contextFeatures(sink, sentence.tokens, views[index] as TokenView[], words[index] as WordView[], cases[index] as string, rules, evidence, vocabulary),
    ),
    forbidden: views.map(forbiddenLabels),
  };
}

/** Where the context features of a sentence go as they are made, token by token. */
export interface ContextSink<Context> {
  /** A sentence of these words begins. */
  begin(words: readonly WordView[]): void;
  add(hash: number): void;
  /** The current token's features are all added; the next ones are the next token's. */
  endToken(): void;
  /** The sentence is done: what the sink made of it. */
  end(): Context;
}

/**
 * A sentence's full features, as training reads them: for each token, its
 * word's features, those its neighbours' words give it (NEIGHBOUR_OFFSETS),
 * then its context features.
 */
export function sentenceFeatureHashes(document: DocumentFeatures, sentence: number): PackedFeatures<Uint32Array> {
  const words = document.words[sentence] as WordView[];
  const context = document.context[sentence] as PackedFeatures<Uint32Array>;
  const tokens = words.map((word, token) => [
    word.features,
    ...NEIGHBOUR_OFFSETS.map((_, index) => neighbourOf(words, token, index).asNeighbour[index] as Uint32Array),
    featuresOfToken(context, token),
  ]);
  return packFeatures(tokens, (length) => new Uint32Array(length));
}

/** Keeps each sentence's context features as hashes, token by token (what training reads), in one buffer reused from sentence to sentence. */
export class ContextHashes implements ContextSink<PackedFeatures<Uint32Array>> {
  private buffer = new Uint32Array(4096);
  private length = 0;
  private starts = new Uint32Array(1);
  private token = 0;

  begin(words: readonly WordView[]): void {
    this.starts = new Uint32Array(words.length + 1);
    this.length = 0;
    this.token = 0;
  }

  add(hash: number): void {
    if (this.length === this.buffer.length) {
      const larger = new Uint32Array(this.buffer.length * 2);
      larger.set(this.buffer);
      this.buffer = larger;
    }
    this.buffer[this.length++] = hash;
  }

  endToken(): void {
    this.starts[++this.token] = this.length;
  }

  end(): PackedFeatures<Uint32Array> {
    return { ids: this.buffer.slice(0, this.length), starts: this.starts };
  }
}

const ELSEWHERE = SPAN_TYPES.map((type) => mix(T.predictedElsewhere, hashOf(type)));
const MOST_ELSEWHERE = SPAN_TYPES.map((type) => mix(T.predictedMostElsewhere, hashOf(type)));
/** Every feature the second pass can add, so training gives each a weight. */
export const PREDICTED_ELSEWHERE_FEATURES = Uint32Array.from([...ELSEWHERE, ...MOST_ELSEWHERE]);

/**
 * The second pass's features (Ratinov and Roth's non-local features): for
 * each capitalised token, the types the first pass gave the same word
 * elsewhere in the document, and the type it gave it most often. A name
 * typed with confidence in one sentence ("Newmont Mining Corp") informs the
 * bare mention in another ("Newmont"), and a headline in capitals is read
 * with what the body says.
 */
export function predictedElsewhereFeatures(
  document: Pick<DocumentFeatures<unknown>, 'words'>,
  firstPass: readonly (readonly number[])[],
): (PackedFeatures<Uint32Array> | null)[] {
  const counts = new Map<string, number[]>();
  const typeAt = (sentence: number, at: number): number => {
    const label = LABELS[(firstPass[sentence] as readonly number[])[at] as number] as Label;
    return label.position === 'O' ? -1 : SPAN_TYPES.indexOf(label.type);
  };
  document.words.forEach((words, sentence) => {
    words.forEach(({ key, capitalised }, at) => {
      const type = typeAt(sentence, at);
      if (type < 0 || !capitalised) return;
      let perType = counts.get(key);
      if (perType === undefined) {
        perType = SPAN_TYPES.map(() => 0);
        counts.set(key, perType);
      }
      perType[type] = (perType[type] as number) + 1;
    });
  });
  return document.words.map((words, sentence) => {
    const hashes: number[] = [];
    const starts = new Uint32Array(words.length + 1);
    words.forEach(({ key, capitalised }, at) => {
      const perType = counts.get(key);
      if (perType !== undefined && capitalised) {
        const own = typeAt(sentence, at);
        let most = -1;
        let mostCount = 0;
        perType.forEach((total, type) => {
          const count = total - (type === own ? 1 : 0);
          if (count <= 0) return;
          hashes.push(ELSEWHERE[type] as number);
          if (count > mostCount) {
            most = type;
            mostCount = count;
          }
        });
        if (most >= 0) hashes.push(MOST_ELSEWHERE[most] as number);
      }
      starts[at + 1] = hashes.length;
    });
    return hashes.length === 0 ? null : { ids: Uint32Array.from(hashes), starts };
  });
}

/** Each token's place in the longest gazetteer phrase over it, with the phrase's type: "B-place", "U-organization-acronym", or "". */
function gazetteerPositions(views: readonly TokenView[], gazetteer: Gazetteer): string[] {
  const keys = views.map((view) => view.word.key);
  const positions = new Array<string>(keys.length).fill('');
  for (let index = 0; index < keys.length; index++) {
    const match = gazetteer.phrases.longestMatch(keys, index);
    if (match === null) continue;
    const { length, value } = match;
    for (let at = 0; at < length; at++) {
      positions[index + at] = `${positionIn(at, length)}-${value.type}${value.acronym ? '-acronym' : ''}`;
    }
    index += length - 1;
  }
  return positions;
}

/** Each token's place in the longest city name over it, with the city's population class: "B-2", or "". */
function cityPositions(words: readonly WordView[], lexicon: WorldLexicon): string[] {
  const positions = new Array<string>(words.length).fill('');
  for (let index = 0; index < words.length; index++) {
    const first = words[index] as WordView;
    if (!first.capitalised) continue;
    let found = first.city >= 0 ? 1 : 0;
    let level = first.city;
    if (first.opensCity) {
      let phrase = first.key;
      for (let length = 2; length <= lexicon.longestCity && index + length <= words.length; length++) {
        phrase = `${phrase} ${(words[index + length - 1] as WordView).key}`;
        const match = lexicon.cities.get(phrase);
        if (match !== undefined) {
          found = length;
          level = match;
        }
      }
    }
    for (let at = 0; at < found; at++) positions[index + at] = `${positionIn(at, found)}-${level}`;
    if (found > 0) index += found - 1;
  }
  return positions;
}

const COPULAS = new Set(['is', 'was', 'are', 'were', 'remains', 'became', 'becomes']);
const ARTICLES = new Set(['a', 'an', 'the']);
/** Words between an article and its noun that say nothing of the kind ("a large", "the fourth-largest", "an independent"). */
const MODIFIER_TAGS = ['Adjective', 'Adverb', 'Value', 'Hyphenated'];

/**
 * The noun a sentence uses to say what a name is, for each token of the
 * name: "Regensburg (...) is a city", "Newmont, the mining company",
 * "Radiohead are an English rock band". The noun ("city", "company",
 * "band") is a feature, and so is its type where the gazetteer's head words
 * give it one; the second pass then carries the type to the name's other
 * mentions. This is how definitions and appositions type a name nobody has
 * listed, in encyclopedias and in news alike.
 */
function categoryNouns(tokens: readonly Token[], words: readonly WordView[]): string[] {
  const categories = new Array<string>(tokens.length).fill('');
  let runStart = -1;
  for (let index = 0; index < tokens.length; index++) {
    if (!(words[index] as WordView).capitalised) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = index;
    const next = tokens[index + 1];
    if (next !== undefined && (words[index + 1] as WordView).capitalised && !/[,(]/u.test((tokens[index] as Token).post)) continue;
    const noun = definingNoun(tokens, index);
    if (noun !== '') for (let at = runStart; at <= index; at++) categories[at] = noun;
    runStart = -1;
  }
  return categories;
}

/**
 * The type the sentence's own definition of the name ending at token
 * `last` gives it, through the gazetteer's head words ("Augsburg is a
 * city": place; "Newmont, the mining company": organization), or null.
 */
export function definedType(tokens: readonly Token[], last: number, gazetteer: Gazetteer): EntityType | null {
  // Only a definition proper: "X (…) is a/the N", the name its subject and the noun its predicate, no possessive between.
  const at = afterAside(tokens, last);
  const copula = tokens[at];
  if (copula === undefined || !DEFINING_COPULAS.has(copula.text.toLowerCase()) || /[,;:]/u.test((tokens[last] as Token).post)) return null;
  const predicate = tokens.slice(at + 1, at + 6);
  if (predicate.some((token) => token.tags.has('Possessive') || /['’]s$/u.test(token.text))) return null;
  const noun = definingNoun(tokens, last);
  const type = noun === '' ? undefined : gazetteer.heads.get(tokenKey(noun));
  return type === undefined || type === 'none' ? null : type;
}

/** The verbs of a definition ("Augsburg is a city"); "became" and "remains" tell of a change or a state, not a kind. */
const DEFINING_COPULAS = new Set(['is', 'was', 'are', 'were']);

/** Longest bracketed aside after a name, in tokens. */
const MAX_ASIDE_TOKENS = 20;

/** The index after a name ending at `last`, past a bracketed aside ("Regensburg (Bavarian: Rengschburg) is"). */
function afterAside(tokens: readonly Token[], last: number): number {
  let at = last + 1;
  if (!/\(/u.test((tokens[last] as Token).post) && !/\(/u.test(tokens[at]?.pre ?? '')) return at;
  while (at < tokens.length && at < last + 1 + MAX_ASIDE_TOKENS && !/\)/u.test((tokens[at] as Token).post)) at++;
  return at + 1;
}

/** The noun after a name ending at `last`: past a bracketed aside, a copula or an apposition's comma, an article and modifiers. */
function definingNoun(tokens: readonly Token[], last: number): string {
  let at = afterAside(tokens, last);
  const word = (index: number): string => (tokens[index]?.text ?? '').toLowerCase();
  const apposition = /,/u.test((tokens[at - 1] as Token | undefined)?.post ?? '');
  if (!apposition) {
    if (!COPULAS.has(word(at))) return '';
    at++;
  }
  if (!ARTICLES.has(word(at))) return '';
  at++;
  for (
    let skipped = 0;
    skipped < 3 && at < tokens.length && MODIFIER_TAGS.some((tag) => (tokens[at] as Token).tags.has(tag)) && !(tokens[at] as Token).tags.has('Noun');
    skipped++
  )
    at++;
  let noun = -1;
  while (at < tokens.length && (tokens[at] as Token).tags.has('Noun') && LOWER_CASE.test((tokens[at] as Token).text)) {
    noun = at;
    if (/[,;:()]/u.test((tokens[at] as Token).post)) break;
    at++;
  }
  if (noun < 0) return '';
  const found = tokens[noun] as Token;
  return found.tags.has('Plural') ? found.normal.replace(/s$/u, '') : found.normal;
}

/**
 * The features of each token of a sentence beside its word's own: the
 * sentence's case and position, the words, shapes and tags around it, its
 * tags and punctuation, gazetteer, city and rule-engine matches over it and
 * its neighbours, the noun defining it, and the document's evidence.
 */
function contextFeatures<Context>(
  sink: ContextSink<Context>,
  tokens: readonly Token[],
  views: readonly TokenView[],
  words: readonly WordView[],
  sentenceCase: string,
  rules: ReadonlyMap<number, string>,
  evidence: DocumentEvidence,
  { gazetteer, lexicon }: Vocabulary,
): Context {
  const gazetteerAt = gazetteerPositions(views, gazetteer).map((position) => (position === '' ? NONE : hashOf(position)));
  const cityAt = cityPositions(words, lexicon).map((position) => (position === '' ? NONE : hashOf(position)));
  const categoryAt = categoryNouns(tokens, words);
  const ruleAt = tokens.map((token) => hashOf(rules.get(token.start) ?? 'O'));
  const caseHash = hashOf(sentenceCase);
  const last = tokens.length - 1;
  const lowerAt = (at: number): number => (at < 0 ? BEFORE : at > last ? AFTER : (words[at] as WordView).lowerHash);
  const shapeAt = (at: number): number => (at < 0 ? BEFORE : at > last ? AFTER : (words[at] as WordView).shape);
  const push = (hash: number): void => sink.add(hash);
  sink.begin(words);
  views.forEach((view, at) => {
    const word = view.word;
    push(mix(T.case, caseHash));
    push(mix(T.caseShape, mix(caseHash, word.shape)));
    if (at === 0) {
      push(mix(T.first, NONE));
      push(mix(T.firstShape, word.shape));
    }
    // The words two either side and their shapes are the neighbours' features (WordView.asNeighbour); the pairs are the token's.
    push(mix(T.lowerBeforeAndLower, mix(lowerAt(at - 1), word.lowerHash)));
    push(mix(T.lowerAndLowerAfter, mix(word.lowerHash, lowerAt(at + 1))));
    push(mix(T.shapes, mix(mix(shapeAt(at - 1), word.shape), shapeAt(at + 1))));
    // Punctuation is part of compromise's tokens, not tokens of its own as in CoNLL-2003: a comma, colon or bracket between words ends a name.
    if (view.before.hash !== NONE) push(mix(T.punctuationBefore, view.before.hash));
    if (view.after.hash !== NONE) push(mix(T.punctuationAfter, view.after.hash));
    if (at > 0 && (views[at - 1] as TokenView).after.hash !== NONE) push(mix(T.punctuationAfterPrevious, (views[at - 1] as TokenView).after.hash));
    for (const tag of view.tags) push(tag.own);
    if (at > 0) for (const tag of (views[at - 1] as TokenView).tags) push(tag.before);
    if (at < last) for (const tag of (views[at + 1] as TokenView).tags) push(tag.after);
    const gazetteerHere = gazetteerAt[at] as number;
    if (gazetteerHere !== NONE) {
      push(mix(T.gazetteer, gazetteerHere));
      push(mix(T.gazetteerShape, mix(gazetteerHere, word.shape)));
    }
    if (at > 0 && gazetteerAt[at - 1] !== NONE) push(mix(T.gazetteerBefore, gazetteerAt[at - 1] as number));
    if (at < last && gazetteerAt[at + 1] !== NONE) push(mix(T.gazetteerAfter, gazetteerAt[at + 1] as number));
    const category = categoryAt[at] as string;
    if (category !== '') {
      push(mix(T.category, hashOf(category)));
      const type = gazetteer.heads.get(category);
      if (type !== undefined) push(mix(T.categoryType, hashOf(type)));
    }
    const city = cityAt[at] as number;
    if (city !== NONE) {
      push(mix(T.city, city));
      push(mix(T.cityShape, mix(city, word.shape)));
    }
    const rule = ruleAt[at] as number;
    push(mix(T.rule, rule));
    push(mix(T.ruleBefore, at > 0 ? (ruleAt[at - 1] as number) : BEFORE));
    push(mix(T.ruleAfter, at < last ? (ruleAt[at + 1] as number) : AFTER));
    push(mix(T.ruleCase, mix(rule, caseHash)));
    if (word.capitalised) {
      const key = word.key;
      if (evidence.lowerCase.has(key)) push(mix(T.documentLowerCase, NONE));
      if (evidence.capitalisedInProse.has(key)) push(mix(T.documentCapitalised, NONE));
      for (const type of evidence.ruleTypes.get(key) ?? []) push(mix(T.documentRule, hashOf(type)));
    }
    sink.endToken();
  });
  return sink.end();
}
