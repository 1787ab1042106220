/**
 * Scores pipeline output tables against gold annotations, following the
 * rules in shared/eval/FORMAT.md: per table, entity type and claim kind
 * group; strict (identical spans) and lenient (overlapping spans); one-to-one
 * matching; optional gold items neither rewarded nor punished. The counts
 * and accuracies it shares with the reference scorer, shared/tools/score.mjs,
 * are computed by the same rules, so the two agree.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describeFileError, describeIssues } from './gold.ts';
import type { EntityType } from '../schemas/mentions.ts';
import type { GoldClaim, GoldDate, GoldDocument, GoldEntity, GoldFigure } from './gold.ts';
import { align, matchModes } from './match.ts';
import type { Alignment, CategorizedSpan, GoldSpan, MatchMode } from './match.ts';
import { normalizeItem, speakerMatches, speakerMatchesLoosely } from './normalize.ts';

// Prediction rows: only the columns the scorer reads are checked, and the
// attribute columns are nullish so that a pipeline still missing a column
// gets scored (as wrong on that attribute) instead of refused.
const predictedSpanFields = {
  doc_id: z.string(),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  text: z.string().optional(),
};

/** A row of `mentions.jsonl`. */
export const mentionPredictionSchema = z.looseObject({ ...predictedSpanFields, type: z.string() });

/** A row of `dates.jsonl`. */
export const datePredictionSchema = z.looseObject({ ...predictedSpanFields, value: z.string().nullish() });

/** A row of `figures.jsonl`. */
export const figurePredictionSchema = z.looseObject({
  ...predictedSpanFields,
  value: z.number().nullish(),
  value_max: z.number().nullish(),
  qualifier: z.string().nullish(),
  kind: z.string().nullish(),
  unit: z.string().nullish(),
  item: z.string().nullish(),
});

/** A row of `claims.jsonl`. */
export const claimPredictionSchema = z.looseObject({
  ...predictedSpanFields,
  kind: z.string(),
  speaker: z.string().nullish(),
  cue: z.string().nullish(),
});

/** A predicted entity mention. */
export type MentionPrediction = z.infer<typeof mentionPredictionSchema>;
/** A predicted temporal expression. */
export type DatePrediction = z.infer<typeof datePredictionSchema>;
/** A predicted figure. */
export type FigurePrediction = z.infer<typeof figurePredictionSchema>;
/** A predicted claim. */
export type ClaimPrediction = z.infer<typeof claimPredictionSchema>;

/** The pipeline output tables the scorer reads. */
export interface PredictionTables {
  mentions: MentionPrediction[];
  dates: DatePrediction[];
  figures: FigurePrediction[];
  claims: ClaimPrediction[];
}

/** Counts and ratios for one mode; a ratio is null when its denominator is 0. */
export interface PrecisionRecall {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Predictions left out of precision because they match or overlap an optional gold item. */
  ignoredPredictions: number;
  precision: number | null;
  recall: number | null;
  /** Null only when there is nothing at all: no counted prediction and no required gold item. */
  f1: number | null;
}

/** Span-matching scores in both modes. */
export interface MatchScores {
  strict: PrecisionRecall;
  lenient: PrecisionRecall;
}

/** Share of matched pairs whose attribute is right. */
export interface Accuracy {
  correct: number;
  /** Matched pairs with a required gold item whose attribute is judged: the denominator. */
  total: number;
  accuracy: number | null;
}

/** Attribute accuracy over the strict and over the lenient matches. */
export interface AttributeAccuracy {
  strict: Accuracy;
  lenient: Accuracy;
}

/** Scores of the entities table (gold entities against predicted mentions). */
export interface EntitiesReport {
  /** Gold documents that annotate this table. */
  documents: number;
  /**
   * All gold entities against all mentions. A mention overlapping an
   * optional gold item of any type (a `misc` one, say) is ignored here, so
   * the false positives can be fewer than the sum of those by type.
   */
  overall: MatchScores;
  /**
   * Gold entities and mentions of one type; a mention is ignored only when
   * it overlaps an optional gold item of its own type.
   */
  byType: Record<EntityType, MatchScores>;
}

/** Scores of the dates table. */
export interface DatesReport {
  documents: number;
  overall: MatchScores;
  /** `value` equal as strings. */
  value: AttributeAccuracy;
}

/** Scores of the figures table. */
export interface FiguresReport {
  documents: number;
  overall: MatchScores;
  /** Numeric `value` and `value_max` (null or missing alike) equal. */
  value: AttributeAccuracy;
  /** `item` equal ignoring case, surrounding space and a leading article. */
  item: AttributeAccuracy;
  qualifier: AttributeAccuracy;
  kind: AttributeAccuracy;
}

/** Scores of the claims table. */
export interface ClaimsReport {
  documents: number;
  overall: MatchScores;
  byKindGroup: {
    /** Quote and reported claims, which match each other. */
    quoteOrReported: MatchScores;
    figure: MatchScores;
  };
  /**
   * Speaker right after normalisation, counting alternatives; judged on
   * quote and reported claims whose gold speaker is scored (not
   * `speaker_scored: false`).
   */
  speaker: AttributeAccuracy;
  /**
   * The loose speaker share of FORMAT.md, on the same claims: also right
   * when one speaker contains the other or both share a name word.
   */
  speakerLoose: AttributeAccuracy;
}

/** Scores of one document; a table is null when its gold file does not annotate it. */
export interface DocumentReport {
  docId: string;
  entities: MatchScores | null;
  dates: MatchScores | null;
  figures: MatchScores | null;
  claims: MatchScores | null;
}

/** Everything `scoreDataset` measures. */
export interface EvalReport {
  /** Number of gold documents scored. */
  documents: number;
  entities: EntitiesReport;
  dates: DatesReport;
  figures: FiguresReport;
  claims: ClaimsReport;
  /** One entry per gold document, in gold order. */
  perDocument: DocumentReport[];
}

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  ignoredPredictions: number;
}

interface Tally {
  correct: number;
  total: number;
}

type PerMode<T> = Record<MatchMode, T>;

function emptyCounts(): Counts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, ignoredPredictions: 0 };
}

function addCounts(target: Counts, source: Counts): void {
  target.truePositives += source.truePositives;
  target.falsePositives += source.falsePositives;
  target.falseNegatives += source.falseNegatives;
  target.ignoredPredictions += source.ignoredPredictions;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function toPrecisionRecall(counts: Counts): PrecisionRecall {
  const { truePositives, falsePositives, falseNegatives } = counts;
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  // The harmonic mean, computed as the reference scorer computes it so the
  // two agree to the last bit. With no true positive it is 0, or null when
  // there is nothing at all to count.
  const f1 =
    truePositives === 0 || precision === null || recall === null
      ? ratio(0, truePositives + falsePositives + falseNegatives)
      : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

function toMatchScores(counts: PerMode<Counts>): MatchScores {
  return { strict: toPrecisionRecall(counts.strict), lenient: toPrecisionRecall(counts.lenient) };
}

function toAccuracy(tally: Tally): Accuracy {
  return { ...tally, accuracy: ratio(tally.correct, tally.total) };
}

/** Counts one alignment: required gold items found or missed, and what became of each prediction. */
function countAlignment(alignment: Alignment, gold: readonly GoldSpan[]): Counts {
  const counts = emptyCounts();
  gold.forEach((goldItem, goldIndex) => {
    if (goldItem.optional) return;
    if (alignment.predictionForGold[goldIndex] === null) counts.falseNegatives += 1;
    else counts.truePositives += 1;
  });
  for (const outcome of alignment.predictionOutcomes) {
    if (outcome === 'spurious') counts.falsePositives += 1;
    else if (outcome === 'ignored') counts.ignoredPredictions += 1;
  }
  return counts;
}

/** Gold item fields the generic table scorer needs. */
interface GoldRow {
  start: number;
  end: number;
  optional?: boolean | undefined;
}

/** Prediction fields the generic table scorer needs. */
interface PredictedRow {
  start: number;
  end: number;
}

/** One document's gold items and predictions for one table. */
interface DocumentRows<G, P> {
  docId: string;
  gold: readonly G[];
  predictions: readonly P[];
}

/**
 * Judges one attribute of a matched pair: true when right, false when
 * wrong, null when the pair does not count for this attribute.
 */
type AttributeJudge<G, P> = (gold: G, prediction: P) => boolean | null;

/** How to score one table: how to categorise rows and which attributes to check. */
interface TableRules<G extends GoldRow, P extends PredictedRow, A extends string> {
  goldCategory: (item: G) => string;
  predictionCategory: (row: P) => string;
  /** The categories reported on their own (entity types, claim kind groups). */
  categories: readonly string[];
  /** Whether a gold item is optional; by default, when it says so. */
  isOptional?: (item: G) => boolean;
  attributes: Record<A, AttributeJudge<G, P>>;
}

interface TableResult<A extends string> {
  documents: number;
  overall: MatchScores;
  byCategory: Map<string, MatchScores>;
  attributes: Record<A, AttributeAccuracy>;
  perDocument: Map<string, MatchScores>;
}

/**
 * Scores one table over all documents that annotate it (micro-averaged).
 *
 * The table as a whole and each category are aligned apart, as the
 * reference scorer does: the pairs are the same (a pair never crosses
 * categories), but a prediction overlapping an optional gold item of
 * another category is ignored in the whole table and not in its own
 * category. Attributes are judged on the pairs of the whole table.
 */
function scoreTable<G extends GoldRow, P extends PredictedRow, A extends string>(
  documents: readonly DocumentRows<G, P>[],
  rules: TableRules<G, P, A>,
): TableResult<A> {
  const isOptional = rules.isOptional ?? ((item: G) => item.optional === true);
  const overall: PerMode<Counts> = { strict: emptyCounts(), lenient: emptyCounts() };
  const byCategory = new Map<string, PerMode<Counts>>(rules.categories.map((category) => [category, { strict: emptyCounts(), lenient: emptyCounts() }]));
  // Object.keys loses the key type; the keys are exactly those of `rules.attributes`.
  const tallies = new Map<A, PerMode<Tally>>(
    (Object.keys(rules.attributes) as A[]).map((name) => [name, { strict: { correct: 0, total: 0 }, lenient: { correct: 0, total: 0 } }]),
  );
  const perDocument = new Map<string, MatchScores>();

  for (const document of documents) {
    const goldSpans: GoldSpan[] = document.gold.map((item) => ({
      start: item.start,
      end: item.end,
      category: rules.goldCategory(item),
      optional: isOptional(item),
    }));
    const predictedSpans: CategorizedSpan[] = document.predictions.map((row) => ({
      start: row.start,
      end: row.end,
      category: rules.predictionCategory(row),
    }));
    const documentCounts: PerMode<Counts> = { strict: emptyCounts(), lenient: emptyCounts() };

    for (const mode of matchModes) {
      const alignment = align(goldSpans, predictedSpans, mode);
      const counts = countAlignment(alignment, goldSpans);
      addCounts(overall[mode], counts);
      addCounts(documentCounts[mode], counts);
      for (const [category, categoryCounts] of byCategory) {
        const categoryGold = goldSpans.filter((span) => span.category === category);
        const categoryPredictions = predictedSpans.filter((span) => span.category === category);
        addCounts(categoryCounts[mode], countAlignment(align(categoryGold, categoryPredictions, mode), categoryGold));
      }
      alignment.predictionForGold.forEach((predictionIndex, goldIndex) => {
        const goldItem = document.gold[goldIndex];
        const prediction = predictionIndex === null ? undefined : document.predictions[predictionIndex];
        // Attributes are judged only on required items: an optional item's
        // attributes are as uncertain as its existence.
        if (goldItem === undefined || prediction === undefined || goldSpans[goldIndex]?.optional !== false) return;
        for (const [name, tally] of tallies) {
          const right = rules.attributes[name](goldItem, prediction);
          if (right === null) continue;
          tally[mode].total += 1;
          if (right) tally[mode].correct += 1;
        }
      });
    }
    perDocument.set(document.docId, toMatchScores(documentCounts));
  }

  // Object.fromEntries loses the key type; `tallies` has one entry per attribute.
  const attributes = Object.fromEntries(
    [...tallies].map(([name, tally]) => [name, { strict: toAccuracy(tally.strict), lenient: toAccuracy(tally.lenient) }]),
  ) as Record<A, AttributeAccuracy>;

  return {
    documents: documents.length,
    overall: toMatchScores(overall),
    byCategory: new Map([...byCategory].map(([category, counts]) => [category, toMatchScores(counts)])),
    attributes,
    perDocument,
  };
}

/** Scores of one category (entity type, claim kind group) of a table. */
function categoryScores(result: TableResult<string>, category: string): MatchScores {
  const scores = result.byCategory.get(category);
  if (scores === undefined) throw new Error(`category ${category} is not scored on its own`);
  return scores;
}

/**
 * Pairs each gold document that has a table with that document's predicted
 * rows, keeping those `keep` accepts.
 */
function documentRows<G, P extends { doc_id: string }>(
  gold: readonly GoldDocument[],
  goldTable: (document: GoldDocument) => readonly G[] | undefined,
  predictions: readonly P[],
  keep: (document: GoldDocument, row: P) => boolean = () => true,
): DocumentRows<G, P>[] {
  const predictionsByDocument = new Map<string, P[]>();
  for (const row of predictions) {
    const rows = predictionsByDocument.get(row.doc_id);
    if (rows === undefined) predictionsByDocument.set(row.doc_id, [row]);
    else rows.push(row);
  }
  const result: DocumentRows<G, P>[] = [];
  for (const document of gold) {
    const goldItems = goldTable(document);
    // A missing key means "not annotated", not "nothing to find".
    if (goldItems === undefined) continue;
    result.push({
      docId: document.doc_id,
      gold: goldItems,
      predictions: (predictionsByDocument.get(document.doc_id) ?? []).filter((row) => keep(document, row)),
    });
  }
  return result;
}

/** Quote and reported claims match each other; figure claims only each other. */
function claimKindGroup(kind: string): string {
  return kind === 'quote' || kind === 'reported' ? 'quote+reported' : kind;
}

/** Compares categorical attributes, treating missing and null alike. */
function sameLabel(predicted: string | null | undefined, gold: string | null | undefined): boolean {
  return (predicted ?? null) === (gold ?? null);
}

/** A claim's speaker is judged on quote and reported claims, unless the gold file says it is not scored. */
function isSpeakerScored(claim: GoldClaim): boolean {
  return claim.kind !== 'figure' && claim.speaker_scored !== false;
}

// Dates and figures have no categories: every row may match every other.
const singleCategory = (): string => 'all';

/**
 * Scores pipeline predictions against gold documents. Only documents with a
 * gold file are scored (other predictions are ignored), and each gold file
 * scores only the tables it has a key for. Gold entities of type `misc` are
 * always optional; a gold file's `claim_kinds_scored` leaves predicted claims
 * of other kinds out of that document.
 *
 * @throws Error when two gold documents share a `doc_id`, which would count
 *   that document twice.
 */
export function scoreDataset(predictions: PredictionTables, gold: readonly GoldDocument[]): EvalReport {
  const seen = new Set<string>();
  for (const document of gold) {
    if (seen.has(document.doc_id)) throw new Error(`Duplicate gold doc_id "${document.doc_id}"`);
    seen.add(document.doc_id);
  }

  const entities = scoreTable<GoldEntity, MentionPrediction, never>(
    documentRows(gold, (document) => document.entities, predictions.mentions),
    {
      goldCategory: (item) => item.type,
      predictionCategory: (row) => row.type,
      categories: ['person', 'place', 'organization'] satisfies EntityType[],
      isOptional: (item) => item.optional === true || item.type === 'misc',
      attributes: {},
    },
  );
  const dates = scoreTable<GoldDate, DatePrediction, 'value'>(
    documentRows(gold, (document) => document.dates, predictions.dates),
    {
      goldCategory: singleCategory,
      predictionCategory: singleCategory,
      categories: [],
      attributes: { value: (goldItem, prediction) => prediction.value === goldItem.value },
    },
  );
  const figures = scoreTable<GoldFigure, FigurePrediction, 'value' | 'item' | 'qualifier' | 'kind'>(
    documentRows(gold, (document) => document.figures, predictions.figures),
    {
      goldCategory: singleCategory,
      predictionCategory: singleCategory,
      categories: [],
      attributes: {
        value: (goldItem, prediction) => prediction.value === goldItem.value && (prediction.value_max ?? null) === (goldItem.value_max ?? null),
        item: (goldItem, prediction) => normalizeItem(prediction.item) === normalizeItem(goldItem.item),
        qualifier: (goldItem, prediction) => sameLabel(prediction.qualifier, goldItem.qualifier),
        kind: (goldItem, prediction) => sameLabel(prediction.kind, goldItem.kind),
      },
    },
  );
  const claims = scoreTable<GoldClaim, ClaimPrediction, 'speaker' | 'speakerLoose'>(
    documentRows(
      gold,
      (document) => document.claims,
      predictions.claims,
      (document, row) => document.claim_kinds_scored?.some((kind) => kind === row.kind) ?? true,
    ),
    {
      goldCategory: (item) => claimKindGroup(item.kind),
      predictionCategory: (row) => claimKindGroup(row.kind),
      categories: ['quote+reported', 'figure'],
      attributes: {
        speaker: (goldItem, prediction) => (isSpeakerScored(goldItem) ? speakerMatches(prediction.speaker, goldItem) : null),
        speakerLoose: (goldItem, prediction) => (isSpeakerScored(goldItem) ? speakerMatchesLoosely(prediction.speaker, goldItem) : null),
      },
    },
  );

  return {
    documents: gold.length,
    entities: {
      documents: entities.documents,
      overall: entities.overall,
      byType: {
        person: categoryScores(entities, 'person'),
        place: categoryScores(entities, 'place'),
        organization: categoryScores(entities, 'organization'),
      },
    },
    dates: { documents: dates.documents, overall: dates.overall, value: dates.attributes.value },
    figures: { documents: figures.documents, overall: figures.overall, ...figures.attributes },
    claims: {
      documents: claims.documents,
      overall: claims.overall,
      byKindGroup: {
        quoteOrReported: categoryScores(claims, 'quote+reported'),
        figure: categoryScores(claims, 'figure'),
      },
      speaker: claims.attributes.speaker,
      speakerLoose: claims.attributes.speakerLoose,
    },
    perDocument: gold.map((document) => ({
      docId: document.doc_id,
      entities: entities.perDocument.get(document.doc_id) ?? null,
      dates: dates.perDocument.get(document.doc_id) ?? null,
      figures: figures.perDocument.get(document.doc_id) ?? null,
      claims: claims.perDocument.get(document.doc_id) ?? null,
    })),
  };
}

/**
 * A predictions folder that cannot be scored: it is missing, a table file
 * is missing, or a line is not JSON or lacks a column the scorer needs. The
 * message names the folder, or the file and line.
 */
export class PredictionsError extends Error {
  override readonly name = 'PredictionsError';
}

/** Reads one JSON Lines file, validating each non-blank line against `schema`. */
async function readJsonLines<S extends z.ZodType>(filePath: string, schema: S): Promise<z.infer<S>[]> {
  let content: string;
  try {
    content = await readFile(filePath, 'utf8');
  } catch (error) {
    throw new PredictionsError(`cannot read the predictions table ${filePath}: ${describeFileError(error)}`, { cause: error });
  }
  const rows: z.infer<S>[] = [];
  content.split(/\r?\n/u).forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    const location = `${filePath}:${lineIndex + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new PredictionsError(`${location} is not valid JSON: ${reason}`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new PredictionsError(`invalid row at ${location}: ${describeIssues(parsed.error)}`, { cause: parsed.error });
    }
    rows.push(parsed.data);
  });
  return rows;
}

/**
 * Reads `mentions.jsonl`, `dates.jsonl`, `figures.jsonl` and `claims.jsonl`
 * from a pipeline output directory.
 *
 * @throws PredictionsError naming the folder when it cannot be read, or the
 *   file (and line) when a file is missing, a line is not JSON, or a row
 *   lacks a column the scorer needs.
 */
export async function loadPredictions(directory: string | URL): Promise<PredictionTables> {
  const directoryPath = directory instanceof URL ? fileURLToPath(directory) : directory;
  let isFolder: boolean;
  try {
    isFolder = (await stat(directoryPath)).isDirectory();
  } catch (error) {
    throw new PredictionsError(`cannot read the predictions folder ${directoryPath}: ${describeFileError(error)}`, {
      cause: error,
    });
  }
  if (!isFolder) throw new PredictionsError(`cannot read the predictions folder ${directoryPath}: it is not a folder`);
  const [mentions, dates, figures, claims] = await Promise.all([
    readJsonLines(join(directoryPath, 'mentions.jsonl'), mentionPredictionSchema),
    readJsonLines(join(directoryPath, 'dates.jsonl'), datePredictionSchema),
    readJsonLines(join(directoryPath, 'figures.jsonl'), figurePredictionSchema),
    readJsonLines(join(directoryPath, 'claims.jsonl'), claimPredictionSchema),
  ]);
  return { mentions, dates, figures, claims };
}
