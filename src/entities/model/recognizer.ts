import type { EntityMention, PipelineDocument } from '../../document.ts';
import type { EntityType } from '../../schemas/index.ts';
import type { PassageAnalysis, Token } from '../../text/analysis.ts';
import { nameKey } from '../../text/names.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { EntityRecognizer } from '../recognizer.ts';
import { cleanEntitySpan, findEntityMentions } from '../rules.ts';
import {
  definedType,
  documentFeatures,
  modelSentences,
  NEIGHBOUR_OFFSETS,
  neighbourOf,
  predictedElsewhereFeatures,
  Vocabulary,
  type ContextSink,
  type DocumentFeatures,
  type ModelSentence,
  type Neighbour,
  type WordView,
} from './features.ts';
import type { FeatureTable } from './feature-hash.ts';
import { decodeSpans, LABELS } from './labels.ts';
import type { EntityModel } from './model-file.ts';
import { featuresOfToken, packFeatures, tokenCount, type PackedFeatures, type SequenceModel } from './sequence-model.ts';

const LABEL_COUNT = LABELS.length;

/** A name that ends in initials ("U.S", "Washington D.C") before a period: the period is part of it. */
const INITIALS_BEFORE_PERIOD = /(?:^|[\s-])(?:\p{L}\.)+\p{L}$/u;

/** The feature ids of a sentence's feature hashes; features the model never saw are -1 (the decoder skips them). */
export function featureIds(sentence: PackedFeatures<Uint32Array>, table: FeatureTable): PackedFeatures {
  const ids = new Int32Array(sentence.ids.length);
  for (let index = 0; index < ids.length; index++) ids[index] = table.get(sentence.ids[index] as number);
  return { ids, starts: sentence.starts };
}

/** A sentence's features with more features after each token's own (both for the same tokens). */
export function appendFeatures(sentence: PackedFeatures, more: PackedFeatures): PackedFeatures {
  const tokens = Array.from({ length: tokenCount(sentence) }, (_, token) => [featuresOfToken(sentence, token), featuresOfToken(more, token)]);
  return packFeatures(tokens, (length) => new Int32Array(length));
}

/**
 * Each distinct word's emission scores from its own features
 * (WordView.features) and from those it gives its neighbours
 * (WordView.asNeighbour), summed once: most of a token's features come
 * from the words of and around it, and news repeats its words, so most
 * tokens start from a sum of five cached rows. A shipped model's weights
 * are 16-bit integers, so the rows are sums of integers, kept exactly in
 * 32 bits (half the memory of doubles, and the rows of a sentence's words
 * are read from all over the heap); a model in training keeps doubles.
 */
export class WordScores {
  /**
   * Keyed by the vocabulary's view of the word (one object per distinct word): no string to hash. Rows: own, then
   * each NEIGHBOUR_OFFSETS. Weakly: a row lives as long as its view, which the vocabulary's cache bounds.
   */
  private readonly scores = new WeakMap<Neighbour, Int32Array | Float64Array>();

  constructor(
    private readonly model: SequenceModel,
    private readonly table: FeatureTable,
  ) {}

  of(word: Neighbour): Int32Array | Float64Array {
    let scores = this.scores.get(word);
    if (scores === undefined) {
      const length = (NEIGHBOUR_OFFSETS.length + 1) * LABEL_COUNT;
      scores = this.model.weights instanceof Int16Array ? new Int32Array(length) : new Float64Array(length);
      this.addRow(scores, 0, word.features);
      for (let index = 0; index < NEIGHBOUR_OFFSETS.length; index++) this.addRow(scores, (index + 1) * LABEL_COUNT, word.asNeighbour[index] as Uint32Array);
      this.scores.set(word, scores);
    }
    return scores;
  }

  /** Adds the weights of the features `hashes` to the row of `scores` at `base` (features the model does not know add nothing). */
  private addRow(scores: Int32Array | Float64Array, base: number, hashes: Uint32Array): void {
    const weights = this.model.weights;
    for (const hash of hashes) {
      const feature = this.table.get(hash);
      if (feature < 0) continue;
      const row = feature * LABEL_COUNT;
      for (let label = 0; label < LABEL_COUNT; label++) scores[base + label] = (scores[base + label] as number) + (weights[row + label] as number);
    }
  }

  /** The scores of a sentence's tokens from their words and their neighbours' (tokens × labels). */
  sentence(words: readonly WordView[]): Float64Array {
    const scores = new Float64Array(words.length * LABEL_COUNT);
    const rows = words.map((word) => this.of(word));
    const start = this.of(neighbourOf(words, 0, 0));
    const end = this.of(neighbourOf(words, words.length - 1, NEIGHBOUR_OFFSETS.length - 1));
    const rowAt = (position: number): Int32Array | Float64Array =>
      position < 0 ? start : position >= words.length ? end : (rows[position] as Int32Array | Float64Array);
    for (let at = 0; at < words.length; at++) {
      // Each row read once: the token's word's own, then the rows its neighbours give it (NEIGHBOUR_OFFSETS: two before, one before, one after, two after).
      const own = rows[at] as Int32Array | Float64Array;
      const twoBefore = rowAt(at + NEIGHBOUR_OFFSETS[0]);
      const before = rowAt(at + NEIGHBOUR_OFFSETS[1]);
      const after = rowAt(at + NEIGHBOUR_OFFSETS[2]);
      const twoAfter = rowAt(at + NEIGHBOUR_OFFSETS[3]);
      const base = at * LABEL_COUNT;
      for (let label = 0; label < LABEL_COUNT; label++) {
        scores[base + label] =
          (own[label] as number) +
          (twoBefore[LABEL_COUNT + label] as number) +
          (before[2 * LABEL_COUNT + label] as number) +
          (after[3 * LABEL_COUNT + label] as number) +
          (twoAfter[4 * LABEL_COUNT + label] as number);
      }
    }
    return scores;
  }
}

/**
 * The emission scores of each sentence's tokens (tokens × labels), made as
 * the features are: each token starts from its word's scores (WordScores)
 * and adds the weight of each context feature as it comes, so no list of
 * features is kept.
 */
export class ContextScores implements ContextSink<Float64Array> {
  private scores: Float64Array = new Float64Array(0);
  private base = 0;

  constructor(
    private readonly model: SequenceModel,
    private readonly table: FeatureTable,
    private readonly wordScores: WordScores,
  ) {}

  begin(words: readonly WordView[]): void {
    this.scores = this.wordScores.sentence(words);
    this.base = 0;
  }

  add(hash: number): void {
    const feature = this.table.get(hash);
    if (feature >= 0) this.model.addFeature(feature, this.scores, this.base);
  }

  endToken(): void {
    this.base += LABEL_COUNT;
  }

  end(): Float64Array {
    return this.scores;
  }
}

/** A document's features with the emission scores of its tokens in place of their context features' hashes (as ContextScores makes them). */
export function withEmissions(
  features: DocumentFeatures,
  model: SequenceModel,
  table: FeatureTable,
  wordScores = new WordScores(model, table),
): DocumentFeatures<Float64Array> {
  const context = features.words.map((words, index) => {
    const scores = wordScores.sentence(words);
    model.addEmissions(scores, featureIds(features.context[index] as PackedFeatures<Uint32Array>, table));
    return scores;
  });
  return { ...features, context };
}

/**
 * Labels a document in two passes: the first with the tokens' own
 * features, the second adding what the first said of the same words
 * elsewhere in the document. The second pass adds those features' weights
 * to the first pass's scores, and decodes again only the sentences they
 * touch.
 */
export function labelDocument(model: SequenceModel, table: FeatureTable, features: DocumentFeatures<Float64Array>): number[][] {
  const emissions = features.context;
  const firstPass = emissions.map((scores, index) => model.viterbi(scores, features.forbidden[index]));
  const elsewhere = predictedElsewhereFeatures(features, firstPass);
  return emissions.map((scores, index) => {
    const extra = elsewhere[index];
    if (extra === null || extra === undefined) return firstPass[index] as number[];
    const second = scores.slice();
    model.addEmissions(second, featureIds(extra, table));
    return model.viterbi(second, features.forbidden[index]);
  });
}

/** A span the model labelled, with the sentence it is in (token indices are the sentence's). */
interface LabelledSpan {
  sentence: ModelSentence;
  first: number;
  last: number;
  type: ReturnType<typeof decodeSpans>[number]['type'];
}

/** The spans a labelling marks, every sentence decoded once. */
function labelledSpans(sentences: readonly ModelSentence[], labels: readonly (readonly number[])[]): LabelledSpan[] {
  return sentences.flatMap((sentence, index) => decodeSpans(labels[index] ?? []).map(({ first, last, type }) => ({ sentence, first, last, type })));
}

/**
 * The mentions a labelling marks, trimmed to the name as SPEC says (no
 * leading "the" or honorific, no possessive or trailing punctuation);
 * `misc` spans are not entities and are dropped.
 */
export function mentionsFromLabels(text: string, sentences: readonly ModelSentence[], labels: readonly (readonly number[])[]): EntityMention[] {
  return mentionsOfSpans(text, labelledSpans(sentences, labels));
}

function mentionsOfSpans(text: string, spans: readonly LabelledSpan[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (const { sentence, first, last, type } of spans) {
    if (type === 'misc') continue;
    const span = cleanEntitySpan(text, { start: (sentence.tokens[first] as { start: number }).start, end: (sentence.tokens[last] as { end: number }).end });
    if (span === null) continue;
    // The period of an abbreviation ending the name is part of it ("U.S.", "Norwest Corp.", "Kenya Airways Ltd."), as compromise's Abbreviation tag says.
    const lastToken = sentence.tokens[last] as Token;
    if (
      text[span.end] === '.' &&
      span.end === lastToken.end &&
      (lastToken.tags.has('Abbreviation') || INITIALS_BEFORE_PERIOD.test(text.slice(span.start, span.end)))
    )
      span.end++;
    mentions.push({ start: span.start, end: span.end, passageIndex: sentence.passage, type, text: text.slice(span.start, span.end) });
  }
  return mentions;
}

/**
 * A name the text defines as a place ("Augsburg is a city", "Regensburg
 * (Latin: Ratisbona) is a city in eastern Bavaria") is a place at every
 * mention in the document: what the text says of a name outweighs what the
 * model learnt of the word elsewhere (CoNLL-2003's Augsburg and Leeds are
 * football clubs). Only places: the organization head words are also
 * common nouns of other kinds ("Hobart is the capital", "the administrative
 * centre"), so for them the definition stays a feature of the model.
 */
function definitionsWin(text: string, spans: readonly LabelledSpan[], mentions: readonly EntityMention[], gazetteer: Gazetteer): EntityMention[] {
  const places = new Set<string>();
  for (const { sentence, first, last, type } of spans) {
    if (type === 'misc' || definedType(sentence.tokens, last, gazetteer) !== 'place') continue;
    places.add(nameKey(text.slice((sentence.tokens[first] as Token).start, (sentence.tokens[last] as Token).end)));
  }
  if (places.size === 0) return [...mentions];
  return mentions.map((mention) => (places.has(nameKey(mention.text)) ? { ...mention, type: 'place' } : mention));
}

/** Mentions of a user's lexicon entries replace whatever the model found where they are: the user's word is final. */
function userLexiconWins(mentions: readonly EntityMention[], ruleMentions: readonly EntityMention[], gazetteer: Gazetteer): EntityMention[] {
  const userMentions = ruleMentions.flatMap((mention): EntityMention[] => {
    const entry = gazetteer.canonicalByName.get(nameKey(mention.text));
    return entry?.user === true ? [{ ...mention, type: entry.type as EntityType }] : [];
  });
  if (userMentions.length === 0) return [...mentions];
  const overlapsUser = (mention: EntityMention): boolean => userMentions.some((user) => mention.start < user.end && user.start < mention.end);
  return [...mentions.filter((mention) => !overlapsUser(mention)), ...userMentions].sort((a, b) => a.start - b.start);
}

/**
 * The trained recognizer: the rule engine runs first and its mentions are
 * features, as are the gazetteers and the user's lexicons; the model labels
 * every sentence (Viterbi over BILOU labels); the user's lexicon entries
 * win over the model.
 */
export function modelRecognizer(model: EntityModel, gazetteer: Gazetteer): EntityRecognizer {
  const vocabulary = new Vocabulary(gazetteer, model.lexicon);
  const emissions = new ContextScores(model.sequenceModel, model.features, new WordScores(model.sequenceModel, model.features));
  return {
    recognize(document: Pick<PipelineDocument, 'text'>, analyses: readonly PassageAnalysis[]): EntityMention[] {
      const sentences = modelSentences(analyses);
      const ruleMentions = findEntityMentions(document, analyses, gazetteer);
      const labels = labelDocument(model.sequenceModel, model.features, documentFeatures({ sentences, ruleMentions, vocabulary }, emissions));
      const spans = labelledSpans(sentences, labels);
      const mentions = definitionsWin(document.text, spans, mentionsOfSpans(document.text, spans), gazetteer);
      return userLexiconWins(mentions, ruleMentions, gazetteer);
    },
  };
}
