import { describe, expect, it } from 'vitest';
import { labelIndex, LABELS, OUTSIDE } from '../../../src/entities/model/labels.ts';
import { PerceptronTrainer, SequenceModel, type PackedFeatures } from '../../../src/entities/model/sequence-model.ts';

const L = LABELS.length;
/** A sentence whose tokens have the given feature ids. */
const tokens = (...ids: number[][]): PackedFeatures => ({
  ids: Int32Array.from(ids.flat()),
  starts: Uint32Array.from([0, ...ids.map((_, index) => ids.slice(0, index + 1).flat().length)]),
});

describe('SequenceModel.decode', () => {
  it('follows the emissions when they form a well-made labelling', () => {
    // Feature 0 says U-person, feature 1 says O.
    const weights = new Float64Array(2 * L);
    weights[0 * L + labelIndex('U', 'person')] = 2;
    weights[1 * L + OUTSIDE] = 1;
    const model = new SequenceModel(weights, new Float64Array((L + 1) * L));
    expect(model.decode(tokens([0], [1], [0]))).toEqual([labelIndex('U', 'person'), OUTSIDE, labelIndex('U', 'person')]);
  });

  it('keeps a token from the labels it may not take', () => {
    const weights = new Float64Array(L);
    weights[labelIndex('B', 'person')] = 3;
    weights[labelIndex('L', 'person')] = 2;
    weights[labelIndex('U', 'person')] = 1;
    const model = new SequenceModel(weights, new Float64Array((L + 1) * L));
    expect(model.decode(tokens([0], [0]))).toEqual([labelIndex('B', 'person'), labelIndex('L', 'person')]);
    // The first token may not open a span (a name must end there): each token is a name of its own.
    const mustEnd = (1 << labelIndex('B', 'person')) | (1 << labelIndex('I', 'person'));
    expect(model.decode(tokens([0], [0]), Uint32Array.from([mustEnd, 0]))).toEqual([labelIndex('U', 'person'), labelIndex('U', 'person')]);
  });

  it('never returns a span left open, whatever the emissions say', () => {
    // Feature 0 prefers B-place everywhere: a lone B is not allowed, so the best allowed labelling is chosen instead.
    const weights = new Float64Array(L);
    weights[labelIndex('B', 'place')] = 5;
    weights[labelIndex('U', 'place')] = 1;
    const model = new SequenceModel(weights, new Float64Array((L + 1) * L));
    expect(model.decode(tokens([0]))).toEqual([labelIndex('U', 'place')]);
    const pair = model.decode(tokens([0], [0]));
    expect(pair).toEqual([labelIndex('B', 'place'), labelIndex('L', 'place')]);
  });
});

describe('PerceptronTrainer', () => {
  it('learns a labelling from examples, and its average keeps it', () => {
    // Feature 0: a given name, 1: a surname, 2: an ordinary word.
    const examples: [PackedFeatures, number[]][] = [
      [tokens([0], [1], [2]), [labelIndex('B', 'person'), labelIndex('L', 'person'), OUTSIDE]],
      [tokens([2], [1]), [OUTSIDE, labelIndex('U', 'person')]],
      [tokens([2], [2], [0], [1]), [OUTSIDE, OUTSIDE, labelIndex('B', 'person'), labelIndex('L', 'person')]],
    ];
    const trainer = new PerceptronTrainer(3);
    let wrong = Infinity;
    for (let epoch = 0; epoch < 10 && wrong > 0; epoch++) {
      wrong = 0;
      for (const [sentence, gold] of examples) wrong += trainer.learn(sentence, gold);
    }
    expect(wrong).toBe(0);
    const { weights, transitions } = trainer.averaged();
    const model = new SequenceModel(weights, transitions);
    for (const [sentence, gold] of examples) expect(model.decode(sentence)).toEqual(gold);
  });
});
