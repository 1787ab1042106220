import type { EntityMention, PipelineDocument } from '../../document.ts';
import type { EntityType } from '../../schemas/index.ts';
import type { PassageAnalysis, Token } from '../../text/analysis.ts';
import { nameKey } from '../../text/names.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { EntityRecognizer } from '../recognizer.ts';
import { cleanEntitySpan, findEntityMentions } from '../rules.ts';
import { definedType, documentFeatures, modelSentences, predictedElsewhereFeatures, Vocabulary, type DocumentFeatures, type ModelSentence, type WordView } from './features.ts';
import type { FeatureTable } from './feature-hash.ts';
import { decodeSpans, LABELS } from './labels.ts';
import type { EntityModel } from './model-file.ts';
import { tokenCount, type PackedFeatures, type SequenceModel } from './sequence-model.ts';

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
  const length = tokenCount(sentence);
  const ids = new Int32Array(sentence.ids.length + more.ids.length);
  const starts = new Uint32Array(length + 1);
  let at = 0;
  for (let token = 0; token < length; token++) {
    ids.set(sentence.ids.subarray(sentence.starts[token], sentence.starts[token + 1]), at);
    at += (sentence.starts[token + 1] as number) - (sentence.starts[token] as number);
    ids.set(more.ids.subarray(more.starts[token], more.starts[token + 1]), at);
    at += (more.starts[token + 1] as number) - (more.starts[token] as number);
    starts[token + 1] = at;
  }
  return { ids, starts };
}

/** Distinct words whose scores are kept before the cache starts again (memory stays flat on a long run). */
const WORD_SCORES_KEPT = 50_000;

/**
 * Each distinct word's emission scores from its own features (WordView.features),
 * summed once: about half of a token's features are its word's, and news
 * repeats its words, so most tokens start from a copy of these.
 */
export class WordScores {
  /** Keyed by the vocabulary's view of the word (one object per distinct word): no string to hash. */
  private readonly scores = new Map<WordView, Float64Array>();

  constructor(
    private readonly model: SequenceModel,
    private readonly table: FeatureTable,
  ) {}

  of(word: WordView): Float64Array {
    let scores = this.scores.get(word);
    if (scores === undefined) {
      scores = this.model.emissions(featureIds({ ids: word.features, starts: Uint32Array.of(0, word.features.length) }, this.table));
      if (this.scores.size >= WORD_SCORES_KEPT) this.scores.clear();
      this.scores.set(word, scores);
    }
    return scores;
  }
}

/** The emission scores of a sentence's tokens: their words' scores plus the weights of their context features. */
function sentenceEmissions(model: SequenceModel, table: FeatureTable, words: readonly WordView[], context: PackedFeatures<Uint32Array>, wordScores: WordScores): Float64Array {
  const scores = new Float64Array(words.length * LABEL_COUNT);
  words.forEach((word, at) => scores.set(wordScores.of(word), at * LABEL_COUNT));
  model.addEmissions(scores, featureIds(context, table));
  return scores;
}

/**
 * Labels a document in two passes: the first with the tokens' own
 * features, the second adding what the first said of the same words
 * elsewhere in the document. The second pass adds those features' weights
 * to the first pass's scores, and decodes again only the sentences they
 * touch.
 */
export function labelDocument(model: SequenceModel, table: FeatureTable, features: DocumentFeatures, wordScores = new WordScores(model, table)): number[][] {
  const emissions = features.words.map((words, index) => sentenceEmissions(model, table, words, features.context[index] as PackedFeatures<Uint32Array>, wordScores));
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
  return sentences.flatMap((sentence, index) => decodeSpans(labels[index] ?? []).map((span) => ({ sentence, ...span })));
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
    if (text[span.end] === '.' && span.end === lastToken.end && (lastToken.tags.has('Abbreviation') || INITIALS_BEFORE_PERIOD.test(text.slice(span.start, span.end)))) span.end++;
    mentions.push({ ...span, passageIndex: sentence.passage, type, text: text.slice(span.start, span.end) });
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
  const wordScores = new WordScores(model.sequenceModel, model.features);
  return {
    recognize(document: Pick<PipelineDocument, 'text'>, analyses: readonly PassageAnalysis[]): EntityMention[] {
      const sentences = modelSentences(analyses);
      const ruleMentions = findEntityMentions(document, analyses, gazetteer);
      const labels = labelDocument(model.sequenceModel, model.features, documentFeatures({ sentences, ruleMentions, vocabulary }), wordScores);
      const spans = labelledSpans(sentences, labels);
      const mentions = definitionsWin(document.text, spans, mentionsOfSpans(document.text, spans), gazetteer);
      return userLexiconWins(mentions, ruleMentions, gazetteer);
    },
  };
}
