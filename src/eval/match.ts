/**
 * One-to-one alignment of predicted spans with gold spans inside one
 * document and one table.
 */

/** `strict`: spans must be identical. `lenient`: spans must overlap. */
export type MatchMode = 'strict' | 'lenient';

/** Both modes, in the order reports list them. */
export const matchModes: readonly MatchMode[] = ['strict', 'lenient'];

/** A code point span, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A span with the category it must share with its match: the entity type,
 * the claim kind group, or a constant for tables without categories.
 */
export interface CategorizedSpan extends Span {
  category: string;
}

/** A gold span; optional ones are neither rewarded nor punished. */
export interface GoldSpan extends CategorizedSpan {
  optional: boolean;
}

/**
 * What became of a prediction: `matched` to a required gold item (a true
 * positive), `spurious` (a false positive), or `ignored` because it matched
 * or overlaps an optional gold item and so is left out of precision.
 */
export type PredictionOutcome = 'matched' | 'spurious' | 'ignored';

/** The result of aligning one document's predictions with its gold items. */
export interface Alignment {
  /** For each gold item (by index), the index of its matched prediction, or null. */
  predictionForGold: (number | null)[];
  /** For each prediction (by index), how it counts. */
  predictionOutcomes: PredictionOutcome[];
}

/** Number of code points two spans share. */
export function overlapLength(first: Span, second: Span): number {
  return Math.max(0, Math.min(first.end, second.end) - Math.max(first.start, second.start));
}

function isIdentical(first: Span, second: Span): boolean {
  return first.start === second.start && first.end === second.end;
}

interface CandidatePair {
  goldIndex: number;
  predictionIndex: number;
  exact: boolean;
  overlap: number;
  optional: boolean;
}

/**
 * Orders candidate pairs for greedy assignment: identical spans first, then
 * the largest overlap, then required before optional gold items (so a tie
 * is resolved in the way that rewards the prediction), then document order
 * so the result is deterministic.
 */
function compareCandidates(first: CandidatePair, second: CandidatePair): number {
  return (
    Number(second.exact) - Number(first.exact) ||
    second.overlap - first.overlap ||
    Number(first.optional) - Number(second.optional) ||
    first.goldIndex - second.goldIndex ||
    first.predictionIndex - second.predictionIndex
  );
}

/**
 * Aligns predictions with gold items so that each is used at most once,
 * pairing only items of the same category. A prediction left unmatched that
 * still overlaps an optional gold item of its category is `ignored` rather
 * than `spurious`, in either mode: the optional item marks a region where
 * the annotators could not say what is right.
 */
export function align(gold: readonly GoldSpan[], predictions: readonly CategorizedSpan[], mode: MatchMode): Alignment {
  const candidates: CandidatePair[] = [];
  gold.forEach((goldItem, goldIndex) => {
    predictions.forEach((prediction, predictionIndex) => {
      if (goldItem.category !== prediction.category) return;
      const exact = isIdentical(goldItem, prediction);
      const overlap = overlapLength(goldItem, prediction);
      if (exact || (mode === 'lenient' && overlap > 0)) {
        candidates.push({ goldIndex, predictionIndex, exact, overlap, optional: goldItem.optional });
      }
    });
  });
  candidates.sort(compareCandidates);

  const predictionForGold: (number | null)[] = gold.map(() => null);
  const goldForPrediction: (GoldSpan | null)[] = predictions.map(() => null);
  for (const candidate of candidates) {
    if (predictionForGold[candidate.goldIndex] !== null || goldForPrediction[candidate.predictionIndex] !== null) {
      continue;
    }
    predictionForGold[candidate.goldIndex] = candidate.predictionIndex;
    goldForPrediction[candidate.predictionIndex] = gold[candidate.goldIndex] ?? null;
  }

  const predictionOutcomes = predictions.map((prediction, predictionIndex): PredictionOutcome => {
    const matchedGold = goldForPrediction[predictionIndex] ?? null;
    if (matchedGold !== null) return matchedGold.optional ? 'ignored' : 'matched';
    const touchesOptional = gold.some(
      (goldItem) =>
        goldItem.optional &&
        goldItem.category === prediction.category &&
        (isIdentical(goldItem, prediction) || overlapLength(goldItem, prediction) > 0),
    );
    return touchesOptional ? 'ignored' : 'spurious';
  });

  return { predictionForGold, predictionOutcomes };
}
