import { allowedTransition, LABELS } from './labels.ts';

const LABEL_COUNT = LABELS.length;

/**
 * The weights of the features: every feature has a weight for every label,
 * features × labels, row-major. Training updates doubles; a model file's
 * weights are read as the 16-bit integers it stores (with its transitions
 * in the same units, see model-file.ts).
 */
export type Weights = Int16Array | Float64Array;

/** Row of the transition table that holds the scores of a sentence's first label. */
const START = LABEL_COUNT;

/** Which label pairs BILOU allows, computed once: [previous * L + next], the start row last. */
const ALLOWED = Uint8Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, (_, index) => {
  const previous = Math.floor(index / LABEL_COUNT);
  return allowedTransition(previous === START ? null : previous, index % LABEL_COUNT) ? 1 : 0;
});
const ALLOWED_AT_END = Uint8Array.from({ length: LABEL_COUNT }, (_, label) => (allowedTransition(label, null) ? 1 : 0));
/** For each label, the labels that may come before it (Viterbi looks at these alone): label l's are PREDECESSORS[PREDECESSOR_STARTS[l] ..< PREDECESSOR_STARTS[l + 1]]. */
const PREDECESSOR_LISTS = Array.from({ length: LABEL_COUNT }, (_, label) =>
  Array.from({ length: LABEL_COUNT }, (_, previous) => previous).filter((previous) => ALLOWED[previous * LABEL_COUNT + label] === 1),
);
const PREDECESSORS = Int32Array.from(PREDECESSOR_LISTS.flat());
const PREDECESSOR_STARTS = Int32Array.from(
  [0, ...PREDECESSOR_LISTS.map((list) => list.length)].map((_, index, lengths) => lengths.slice(0, index + 1).reduce((sum, length) => sum + length, 0)),
);

/** Viterbi's tables (best score and best predecessor of each token and label), kept from sentence to sentence and grown as needed. */
let scratch = { best: new Float64Array(64 * LABEL_COUNT), back: new Int32Array(64 * LABEL_COUNT) };

/**
 * A linear-chain model: a weight per feature and label, and a weight per
 * pair of adjacent labels. A sentence is a list of tokens, each a list of
 * feature ids; its best labelling is found by Viterbi decoding under the
 * BILOU constraints, so every span it marks is well formed.
 */
/**
 * A sentence's features in two flat arrays: token i's features are
 * ids[starts[i]] to ids[starts[i + 1]] (exclusive). One allocation per
 * sentence rather than one per token.
 */
export interface PackedFeatures<Values extends Int32Array | Uint32Array = Int32Array> {
  ids: Values;
  /** One more entry than tokens. */
  starts: Uint32Array;
}

/** The number of tokens of a packed sentence. */
export function tokenCount(sentence: PackedFeatures<Int32Array | Uint32Array>): number {
  return sentence.starts.length - 1;
}

/** The features of one token of a packed sentence. */
export function featuresOfToken<Values extends Int32Array | Uint32Array>(sentence: PackedFeatures<Values>, token: number): Values {
  return sentence.ids.subarray(sentence.starts[token], sentence.starts[token + 1]) as Values;
}

/** Packs a sentence whose token i has the features of `pieces[i]`, in order; `allocate` makes the ids array. */
export function packFeatures<Values extends Int32Array | Uint32Array>(
  pieces: readonly (readonly ArrayLike<number>[])[],
  allocate: (length: number) => Values,
): PackedFeatures<Values> {
  const starts = new Uint32Array(pieces.length + 1);
  pieces.forEach((token, index) => {
    starts[index + 1] = (starts[index] as number) + token.reduce((sum, piece) => sum + piece.length, 0);
  });
  const ids = allocate(starts[pieces.length] as number);
  pieces.forEach((token, index) => {
    let at = starts[index] as number;
    for (const piece of token) {
      ids.set(piece, at);
      at += piece.length;
    }
  });
  return { ids, starts };
}

export class SequenceModel {
  constructor(
    readonly weights: Weights,
    /** (labels + 1) × labels: previous label (the last row: the sentence start) to next label. */
    readonly transitions: Float32Array | Float64Array,
  ) {}

  /** The emission scores of every token: tokens × labels. */
  emissions(sentence: PackedFeatures): Float64Array {
    const scores = new Float64Array(tokenCount(sentence) * LABEL_COUNT);
    this.addEmissions(scores, sentence);
    return scores;
  }

  /** Adds the weights of a sentence's features to its emission scores (ids of -1, features the model does not know, add nothing). */
  addEmissions(scores: Float64Array, sentence: PackedFeatures): void {
    const { ids, starts } = sentence;
    const length = tokenCount(sentence);
    for (let at = 0; at < length; at++) {
      const base = at * LABEL_COUNT;
      const end = starts[at + 1] as number;
      for (let index = starts[at] as number; index < end; index++) {
        const feature = ids[index] as number;
        if (feature >= 0) this.addFeature(feature, scores, base);
      }
    }
  }

  /** Adds the weights of feature id `feature` to the scores of the token whose scores start at `base`. */
  addFeature(feature: number, scores: Float64Array, base: number): void {
    const weights = this.weights;
    const row = feature * LABEL_COUNT;
    for (let label = 0; label < LABEL_COUNT; label++) scores[base + label] = (scores[base + label] as number) + (weights[row + label] as number);
  }

  /** The highest-scoring allowed label sequence; `forbidden[token]` has bit `label` set for each label the token may not take. */
  decode(sentence: PackedFeatures, forbidden?: Uint32Array): number[] {
    return this.viterbi(this.emissions(sentence), forbidden);
  }

  /** The best allowed label sequence for emission scores (tokens × labels). */
  viterbi(emissions: Float64Array, forbidden?: Uint32Array): number[] {
    const length = emissions.length / LABEL_COUNT;
    if (length === 0) return [];
    const transitions = this.transitions;
    if (scratch.best.length < length * LABEL_COUNT)
      scratch = { best: new Float64Array(length * LABEL_COUNT * 2), back: new Int32Array(length * LABEL_COUNT * 2) };
    const { best, back } = scratch;
    best.fill(-Infinity, 0, length * LABEL_COUNT);
    const firstForbidden = forbidden === undefined ? 0 : (forbidden[0] as number);
    for (let label = 0; label < LABEL_COUNT; label++) {
      if (ALLOWED[START * LABEL_COUNT + label] && (firstForbidden & (1 << label)) === 0)
        best[label] = (emissions[label] as number) + (transitions[START * LABEL_COUNT + label] as number);
    }
    for (let at = 1; at < length; at++) {
      const row = at * LABEL_COUNT;
      const previousRow = row - LABEL_COUNT;
      const mask = forbidden === undefined ? 0 : (forbidden[at] as number);
      for (let label = 0; label < LABEL_COUNT; label++) {
        if ((mask & (1 << label)) !== 0) continue;
        let top = -Infinity;
        let from = 0;
        const end = PREDECESSOR_STARTS[label + 1] as number;
        for (let index = PREDECESSOR_STARTS[label] as number; index < end; index++) {
          const previous = PREDECESSORS[index] as number;
          const score = (best[previousRow + previous] as number) + (transitions[previous * LABEL_COUNT + label] as number);
          if (score > top) {
            top = score;
            from = previous;
          }
        }
        best[row + label] = top + (emissions[row + label] as number);
        back[row + label] = from;
      }
    }
    let last = 0;
    let top = -Infinity;
    const lastRow = (length - 1) * LABEL_COUNT;
    for (let label = 0; label < LABEL_COUNT; label++) {
      if (ALLOWED_AT_END[label] && (best[lastRow + label] as number) > top) {
        top = best[lastRow + label] as number;
        last = label;
      }
    }
    const labels = new Array<number>(length);
    labels[length - 1] = last;
    for (let at = length - 1; at > 0; at--) labels[at - 1] = back[at * LABEL_COUNT + (labels[at] as number)] as number;
    return labels;
  }
}

/**
 * Trains a SequenceModel with the averaged structured perceptron (Collins
 * 2002): decode a sentence, and where the labels differ from the gold ones,
 * add the gold labels' features and subtract the predicted ones'. The model
 * it returns averages the weights over every step, which generalises far
 * better than the last weights.
 */
export class PerceptronTrainer {
  private readonly weights: Float64Array;
  private readonly transitions = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  /** Sums of step × change, for the average (Daumé's trick: average = w - sum / steps). */
  private readonly weightSums: Float64Array;
  private readonly transitionSums = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  private step = 1;

  constructor(featureCount: number) {
    this.weights = new Float64Array(featureCount * LABEL_COUNT);
    this.weightSums = new Float64Array(featureCount * LABEL_COUNT);
  }

  /** The current (not averaged) model, for decoding during training. */
  get current(): SequenceModel {
    return new SequenceModel(this.weights, this.transitions);
  }

  /** One training step on one sentence; returns the number of tokens it got wrong. */
  learn(sentence: PackedFeatures, gold: readonly number[], forbidden?: Uint32Array): number {
    const predicted = this.current.decode(sentence, forbidden);
    let wrong = 0;
    for (let at = 0; at < predicted.length; at++) {
      const goldLabel = gold[at] as number;
      const predictedLabel = predicted[at] as number;
      if (goldLabel !== predictedLabel) {
        wrong++;
        for (let index = sentence.starts[at] as number; index < (sentence.starts[at + 1] as number); index++) {
          const feature = sentence.ids[index] as number;
          if (feature < 0) continue;
          this.add(this.weights, this.weightSums, feature * LABEL_COUNT + goldLabel, 1);
          this.add(this.weights, this.weightSums, feature * LABEL_COUNT + predictedLabel, -1);
        }
      }
      const goldPrevious = at === 0 ? START : (gold[at - 1] as number);
      const predictedPrevious = at === 0 ? START : (predicted[at - 1] as number);
      if (goldLabel !== predictedLabel || goldPrevious !== predictedPrevious) {
        this.add(this.transitions, this.transitionSums, goldPrevious * LABEL_COUNT + goldLabel, 1);
        this.add(this.transitions, this.transitionSums, predictedPrevious * LABEL_COUNT + predictedLabel, -1);
      }
    }
    this.step++;
    return wrong;
  }

  /** The averaged model. */
  averaged(): { weights: Float64Array; transitions: Float64Array } {
    const average = (values: Float64Array, sums: Float64Array): Float64Array => values.map((value, index) => value - (sums[index] as number) / this.step);
    return { weights: average(this.weights, this.weightSums), transitions: average(this.transitions, this.transitionSums) };
  }

  private add(values: Float64Array, sums: Float64Array, index: number, change: number): void {
    values[index] = (values[index] as number) + change;
    sums[index] = (sums[index] as number) + this.step * change;
  }
}
