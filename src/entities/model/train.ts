import { resolveConfig } from '../../config.ts';
import { createDocument, type EntityMention } from '../../document.ts';
import { loadGold, type GoldDocument } from '../../eval/gold.ts';
import { runDocumentStages } from '../../run/extract-document.ts';
import { analyze } from '../../stages/analyze.ts';
import { load } from '../../stages/load.ts';
import { segment } from '../../stages/segment.ts';
import { TITLE_SMALL_WORDS } from '../../text/vocabulary.ts';
import { findEntityMentions } from '../rules.ts';
import {
  ContextHashes,
  documentFeatures,
  modelSentences,
  PREDICTED_ELSEWHERE_FEATURES,
  predictedElsewhereFeatures,
  sentenceFeatureHashes,
  type DocumentFeatures,
  type ModelSentence,
  type Vocabulary,
} from './features.ts';
import { FeatureTable } from './feature-hash.ts';
import { encodeSpans, SPAN_TYPES, type SpanType } from './labels.ts';
import { encodeModel } from './model-file.ts';
import type { WorldLexicon } from './world-lexicon.ts';
import { appendFeatures, featureIds, labelDocument, mentionsFromLabels, withEmissions, WordScores } from './recognizer.ts';
import { PerceptronTrainer, SequenceModel, tokenCount, type PackedFeatures } from './sequence-model.ts';

/** Training data that cannot be used: gold that does not slice back to its text, a gold file with no text. */
export class TrainingDataError extends Error {
  override readonly name = 'TrainingDataError';
}

/** One annotated document, analysed as the pipeline analyses it, with its features and gold labels. */
export interface TrainingDocument {
  id: string;
  text: string;
  sentences: ModelSentence[];
  features: DocumentFeatures;
  labels: number[][];
  /** Gold entities as UTF-16 spans, for scoring. */
  gold: { start: number; end: number; type: SpanType; optional: boolean }[];
}

/** Share of lines past the first that a Title Case copy capitalises. */
const TITLE_CASE_SHARE = 0.1;

/**
 * A copy of a text with its first line, and a tenth of the others, written
 * as a Title Case headline ("Policemen Line Up to Quit the Party"). Annotated
 * news seldom has such headlines (CoNLL-2003's are in capitals or in sentence
 * case), and without them the model takes every capitalised headline word
 * for a name. Only the case of letters changes, so the gold offsets stay.
 */
export function titleCaseCopy(text: string, next: () => number): string {
  return text
    .split('\n')
    .map((line, index) => {
      if (index > 0 && next() >= TITLE_CASE_SHARE) return line;
      let first = true;
      return line.replace(/\p{L}[\p{L}'’]*/gu, (word) => {
        // The small words a title leaves in lower case, as the segmenter reads headings.
        const small = !first && TITLE_SMALL_WORDS.has(word);
        first = false;
        const initial = word[0] as string;
        return small || initial.toUpperCase().length !== 1 ? word : initial.toUpperCase() + word.slice(1);
      });
    })
    .join('\n');
}

/** UTF-16 index of every code point index of a text (one more entry than code points). */
function utf16Offsets(text: string): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const character of text) {
    offsets.push(at);
    at += character.length;
  }
  offsets.push(at);
  return offsets;
}

/**
 * Reads a corpus folder as the pipeline reads its inputs, and the gold file
 * of each annotated document (shared/eval/FORMAT.md): analyses each
 * document, runs the rule engine, makes the model's features and aligns
 * the gold entities with the tokens. Documents without gold are left out.
 */
export async function readTrainingSet(
  corpus: string,
  goldDirectory: string,
  vocabulary: Vocabulary,
  options: { titleCaseCopies: boolean; seed: number } = { titleCaseCopies: false, seed: 1 },
  onDocument?: (done: number, total: number) => void,
): Promise<TrainingDocument[]> {
  const gold = new Map<string, GoldDocument>(
    (await loadGold(goldDirectory)).filter((document) => document.entities !== undefined).map((document) => [document.doc_id, document]),
  );
  if (gold.size === 0) throw new TrainingDataError(`${goldDirectory}: no gold file annotates entities`);
  const config = resolveConfig({ input: [corpus], workers: 0 });
  const documents: TrainingDocument[] = [];
  const seen = new Set<string>();
  for await (const loaded of load.run(config)) {
    const annotation = gold.get(loaded.id);
    if (annotation === undefined || loaded.status !== 'ok') continue;
    seen.add(loaded.id);
    const spans = goldSpans(loaded.id, loaded.text, annotation, goldDirectory);
    const texts = options.titleCaseCopies ? [loaded.text, titleCaseCopy(loaded.text, random(options.seed + documents.length))] : [loaded.text];
    for (const text of texts) {
      const document = createDocument({ ...loaded, text });
      runDocumentStages(document, [segment, analyze], config, {});
      documents.push(trainingDocument(loaded.id, document.text, document.analyses, spans, vocabulary));
    }
    onDocument?.(seen.size, gold.size);
  }
  const missing = [...gold.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0)
    throw new TrainingDataError(`${goldDirectory}: ${missing.length} gold file(s) have no readable document in ${corpus}, e.g. doc_id "${missing[0]}"`);
  return documents;
}

/** The gold entities of a document as UTF-16 spans, each checked to slice back to its text. */
function goldSpans(id: string, text: string, annotation: GoldDocument, goldDirectory: string): TrainingDocument['gold'] {
  const offsets = utf16Offsets(text);
  return (annotation.entities ?? []).map((entity, index) => {
    if (entity.end >= offsets.length)
      throw new TrainingDataError(
        `${goldDirectory}: doc_id "${id}", entities[${index}] ends at ${entity.end}, past the end of the text (${offsets.length - 1} code points)`,
      );
    const start = offsets[entity.start] as number;
    const end = offsets[entity.end] as number;
    if (text.slice(start, end) !== entity.text) {
      throw new TrainingDataError(
        `${goldDirectory}: doc_id "${id}", entities[${index}] "${entity.text}" does not slice back to the text: code points ${entity.start}-${entity.end} read "${text.slice(start, end)}"`,
      );
    }
    const type = entity.type as SpanType;
    return { start, end, type, optional: entity.optional === true || type === 'misc' };
  });
}

function trainingDocument(
  id: string,
  text: string,
  analyses: Parameters<typeof modelSentences>[0],
  gold: TrainingDocument['gold'],
  vocabulary: Vocabulary,
): TrainingDocument {
  const sentences = modelSentences(analyses);
  const ruleMentions = findEntityMentions({ text }, analyses, vocabulary.gazetteer);
  const features = documentFeatures({ sentences, ruleMentions, vocabulary }, new ContextHashes());
  const labels = sentences.map((sentence) => {
    const spans: { first: number; last: number; type: SpanType }[] = [];
    for (const entity of gold) {
      const first = sentence.tokens.findIndex((token) => token.end > entity.start);
      if (first < 0 || (sentence.tokens[first] as { start: number }).start !== entity.start) continue;
      let last = first;
      while (last + 1 < sentence.tokens.length && (sentence.tokens[last + 1] as { start: number }).start < entity.end) last++;
      if (spans.some((span) => span.last >= first && span.first <= last)) continue;
      spans.push({ first, last, type: entity.type });
    }
    return encodeSpans(sentence.tokens.length, spans);
  });
  return { id, text, sentences, features, labels, gold };
}

/** Strict precision, recall and F1 of mentions against gold, per type and overall, as shared/tools/score.mjs counts them. */
export interface MentionScores {
  f1: number;
  precision: number;
  recall: number;
  byType: Record<string, { f1: number; precision: number; recall: number }>;
}

function f1Of(truePositives: number, falsePositives: number, falseNegatives: number): { f1: number; precision: number; recall: number } {
  const precision = truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives);
  return { f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), precision, recall };
}

/**
 * Scores predicted mentions strictly (same span and type), as
 * shared/tools/score.mjs does: overall, and per type with the gold and the
 * predictions of that type alone; a prediction overlapping an optional gold
 * item of the set scored (misc items are optional) is not a false positive.
 */
export function scoreMentions(documents: readonly TrainingDocument[], predictions: readonly (readonly EntityMention[])[]): MentionScores {
  const scoreOf = (type: string | null): { f1: number; precision: number; recall: number } => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    documents.forEach((document, index) => {
      const gold = type === null ? document.gold : document.gold.filter((item) => item.type === type);
      const predicted = (predictions[index] ?? []).filter((mention) => type === null || mention.type === type);
      const required = gold.filter((item) => !item.optional);
      const matched = new Set<number>();
      for (const mention of predicted) {
        const hit = required.findIndex(
          (item, at) => !matched.has(at) && item.start === mention.start && item.end === mention.end && item.type === mention.type,
        );
        if (hit >= 0) {
          matched.add(hit);
          truePositives++;
        } else if (!gold.some((item) => item.optional && item.start < mention.end && mention.start < item.end)) falsePositives++;
      }
      falseNegatives += required.length - matched.size;
    });
    return f1Of(truePositives, falsePositives, falseNegatives);
  };
  return { ...scoreOf(null), byType: Object.fromEntries(SPAN_TYPES.filter((type) => type !== 'misc').map((type) => [type, scoreOf(type)])) };
}

/** How a model is trained. */
export interface TrainOptions {
  /** Passes over the training set; the epoch with the best mean F1 over the dev sets is kept (the last one without dev sets). */
  epochs: number;
  /** Seed of the shuffle of the training documents before every epoch. */
  seed: number;
  /** Features seen fewer times than this in the training set are left out. */
  minFeatureCount: number;
}

/** A named set of documents to score the model on after every epoch. */
export interface DevSet {
  name: string;
  documents: readonly TrainingDocument[];
}

/** What one epoch did. */
export interface EpochReport {
  epoch: number;
  /** Share of training tokens labelled wrongly during the epoch. */
  trainingErrorRate: number;
  /** Strict scores on each dev set, in the order given. */
  dev: { name: string; scores: MentionScores }[];
  /** The mean strict F1 over the dev sets, which chooses the epoch kept; null without dev sets. */
  devF1: number | null;
}

/** Share of training tokens whose word features are hidden in each epoch (see withoutWord). */
const WORD_DROPOUT = 0.25;

/**
 * A sentence where a share of the tokens (WORD_DROPOUT) lose their word and
 * lower-case word features (the first two after the bias, see features.ts):
 * as if the word had never been seen. Training on such tokens teaches the
 * model to read a name it does not know from its shape, context,
 * gazetteers and the rules, as it must on text unlike the training news.
 */
function withoutSomeWords(sentence: PackedFeatures, next: () => number): PackedFeatures {
  const ids = sentence.ids.slice();
  for (let token = 0; token < tokenCount(sentence); token++) {
    if (next() >= WORD_DROPOUT) continue;
    ids[(sentence.starts[token] as number) + 1] = -1;
    ids[(sentence.starts[token] as number) + 2] = -1;
  }
  return { ids, starts: sentence.starts };
}

/** A deterministic pseudo-random generator (mulberry32), so the same data and seed give the same model bytes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Predicts the mentions of documents with a model over the given feature ids. */
function predict(model: SequenceModel, ids: FeatureTable, documents: readonly TrainingDocument[]): EntityMention[][] {
  const wordScores = new WordScores(model, ids);
  return documents.map((document) =>
    mentionsFromLabels(document.text, document.sentences, labelDocument(model, ids, withEmissions(document.features, model, ids, wordScores))),
  );
}

/**
 * Trains the entity model with the averaged perceptron and returns the
 * model file's bytes with the report of every epoch. The same documents,
 * options and card give the same bytes.
 */
export function trainEntityModel(
  training: readonly TrainingDocument[],
  devSets: readonly DevSet[],
  lexicon: WorldLexicon,
  options: TrainOptions,
  card: Record<string, unknown>,
  onEpoch?: (report: EpochReport) => void,
): { bytes: Buffer; epochs: EpochReport[]; best: EpochReport } {
  const counts = new Map<number, number>();
  const hashes = training.map((document) => document.features.context.map((_, sentence) => sentenceFeatureHashes(document.features, sentence)));
  for (const document of hashes) for (const sentence of document) for (const feature of sentence.ids) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  for (const feature of PREDICTED_ELSEWHERE_FEATURES) counts.set(feature, options.minFeatureCount);
  const features = Uint32Array.from([...counts].filter(([, count]) => count >= options.minFeatureCount).map(([feature]) => feature));
  const ids = new FeatureTable(features);
  const sentences = hashes.map((document) => document.map((sentence) => featureIds(sentence, ids)));
  const trainer = new PerceptronTrainer(features.length);
  const next = random(options.seed);
  const order = training.map((_, index) => index);
  const reports: EpochReport[] = [];
  let best: { report: EpochReport; weights: Float64Array; transitions: Float64Array } | null = null;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const swap = Math.floor(next() * (index + 1));
      [order[index], order[swap]] = [order[swap] as number, order[index] as number];
    }
    let wrong = 0;
    let tokens = 0;
    for (const documentIndex of order) {
      const document = training[documentIndex] as TrainingDocument;
      // The second pass learns from what the current weights' first pass says of the words elsewhere in the document.
      const documentSentences = sentences[documentIndex] as PackedFeatures[];
      const elsewhere = predictedElsewhereFeatures(
        document.features,
        documentSentences.map((sentence, at) => trainer.current.decode(sentence, document.features.forbidden[at])),
      );
      documentSentences.forEach((sentence, at) => {
        const own = withoutSomeWords(sentence, next);
        const extra = elsewhere[at];
        wrong += trainer.learn(
          extra === null || extra === undefined ? own : appendFeatures(own, featureIds(extra, ids)),
          document.labels[at] as number[],
          document.features.forbidden[at],
        );
        tokens += tokenCount(sentence);
      });
    }
    const averaged = trainer.averaged();
    const model = new SequenceModel(averaged.weights, averaged.transitions);
    const dev = devSets.map(({ name, documents }) => ({ name, scores: scoreMentions(documents, predict(model, ids, documents)) }));
    const devF1 = dev.length === 0 ? null : dev.reduce((sum, set) => sum + set.scores.f1, 0) / dev.length;
    const report: EpochReport = { epoch, trainingErrorRate: tokens === 0 ? 0 : wrong / tokens, dev, devF1 };
    reports.push(report);
    onEpoch?.(report);
    if (best === null || (report.devF1 ?? epoch) >= (best.report.devF1 ?? best.report.epoch)) best = { report, ...averaged };
  }
  if (best === null) throw new TrainingDataError('training needs at least one epoch');
  const bytes = encodeModel(features, best.weights, best.transitions, lexicon, {
    ...card,
    epochs: reports.map(({ epoch, trainingErrorRate, dev }) => ({
      epoch,
      trainingErrorRate,
      dev: dev.map(({ name, scores }) => ({
        name,
        f1: scores.f1,
        byType: Object.fromEntries(Object.entries(scores.byType).map(([type, score]) => [type, score.f1])),
      })),
    })),
    keptEpoch: best.report.epoch,
  });
  return { bytes, epochs: reports, best: best.report };
}
