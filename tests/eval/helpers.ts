/** Builders shared by the eval tests. */
import type { z } from 'zod';
import { goldDocumentSchema } from '../../src/eval/gold.ts';
import type { GoldDocument } from '../../src/eval/gold.ts';
import type { PrecisionRecall, PredictionTables } from '../../src/eval/score.ts';

/** Validates a hand-written gold document, filling defaults as loadGold would. */
export function goldDocument(input: z.input<typeof goldDocumentSchema>): GoldDocument {
  return goldDocumentSchema.parse(input);
}

/** Prediction tables with the given rows and every other table empty. */
export function predictionTables(tables: Partial<PredictionTables>): PredictionTables {
  return { mentions: [], dates: [], figures: [], claims: [], ...tables };
}

/** Counts as a compact tuple for table-driven expectations: [tp, fp, fn, ignored]. */
export function countsOf(scores: PrecisionRecall): [number, number, number, number] {
  return [scores.truePositives, scores.falsePositives, scores.falseNegatives, scores.ignoredPredictions];
}
