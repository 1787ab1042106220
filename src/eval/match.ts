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

/**
 * Whether two spans share at least one code point. This is the test of the
 * reference scorer (shared/tools/score.mjs), which an empty predicted span
 * strictly inside a gold span also passes.
 */
export function overlaps(first: Span, second: Span): boolean {
  return first.start < second.end && second.start < first.end;
}

function isIdentical(first: Span, second: Span): boolean {
  return first.start === second.start && first.end === second.end;
}

/**
 * Aligns predictions with gold items one to one, pairing only items of the
 * same category, exactly as the reference scorer (shared/tools/score.mjs)
 * does, so that both report the same counts:
 *
 * - gold items are taken in order, required ones before optional ones;
 * - each takes the prediction with an identical span if one is still free,
 *   else (lenient mode only) the first free prediction, in table order,
 *   that overlaps it;
 * - a prediction left over that overlaps an optional gold item of any
 *   category is `ignored` rather than `spurious`, in either mode: the
 *   optional item marks a region where the annotators could not say what
 *   is right.
 */
export function align(gold: readonly GoldSpan[], predictions: readonly CategorizedSpan[], mode: MatchMode): Alignment {
  const predictionForGold: (number | null)[] = gold.map(() => null);
  const matchedOutcomes: (PredictionOutcome | undefined)[] = predictions.map(() => undefined);
  // Array.prototype.sort is stable, so document order holds within each group.
  const goldOrder = gold.map((_item, goldIndex) => goldIndex).sort((first, second) => Number(gold[first]?.optional) - Number(gold[second]?.optional));

  for (const goldIndex of goldOrder) {
    const goldItem = gold[goldIndex];
    if (goldItem === undefined) continue;
    let chosen: number | null = null;
    for (const [predictionIndex, prediction] of predictions.entries()) {
      if (matchedOutcomes[predictionIndex] !== undefined || prediction.category !== goldItem.category) continue;
      if (isIdentical(goldItem, prediction)) {
        chosen = predictionIndex;
        break;
      }
      if (mode === 'lenient' && chosen === null && overlaps(goldItem, prediction)) chosen = predictionIndex;
    }
    if (chosen === null) continue;
    predictionForGold[goldIndex] = chosen;
    matchedOutcomes[chosen] = goldItem.optional ? 'ignored' : 'matched';
  }

  const predictionOutcomes = predictions.map(
    (prediction, predictionIndex): PredictionOutcome =>
      matchedOutcomes[predictionIndex] ?? (gold.some((goldItem) => goldItem.optional && overlaps(goldItem, prediction)) ? 'ignored' : 'spurious'),
  );
  return { predictionForGold, predictionOutcomes };
}
