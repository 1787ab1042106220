import { describe, expect, it } from 'vitest';
import { labelIndex, LABELS, OUTSIDE } from '../../../src/entities/model/labels.ts';
import { decodeModel, encodeModel, FEATURE_SET_VERSION, ModelFileError } from '../../../src/entities/model/model-file.ts';
import { featureIds } from '../../../src/entities/model/recognizer.ts';
import type { PackedFeatures } from '../../../src/entities/model/sequence-model.ts';
import { hashText } from '../../../src/entities/model/feature-hash.ts';
import { buildWorldLexicon } from '../../../src/entities/model/world-lexicon.ts';

const L = LABELS.length;
const [OSLO, SAID, NEVER_USEFUL, CAPITALISED, UNKNOWN] = ['word=Oslo', 'word=said', 'never-useful', 'capitalised', 'unknown'].map((feature) =>
  hashText(feature),
) as [number, number, number, number, number];
const FEATURES = Uint32Array.from([OSLO, SAID, NEVER_USEFUL, CAPITALISED]);
/** A sentence of one token per argument, each with the given feature hashes. */
const sentence = (...tokens: number[][]): PackedFeatures<Uint32Array> => ({
  ids: Uint32Array.from(tokens.flat()),
  starts: Uint32Array.from([0, ...tokens.map((_, index) => tokens.slice(0, index + 1).flat().length)]),
});
const LEXICON = buildWorldLexicon(
  [
    { name: 'Oslo', population: 700_000 },
    { name: 'New Glasgow', population: 9_000 },
  ],
  ['Maria', 'Lopez'],
);

function smallModel(): Buffer {
  const weights = new Float64Array(FEATURES.length * L);
  weights[0 * L + labelIndex('U', 'place')] = 2.5;
  weights[1 * L + OUTSIDE] = 1.25;
  weights[3 * L + labelIndex('U', 'person')] = 0.5;
  const transitions = new Float64Array((L + 1) * L);
  transitions[L * L + OUTSIDE] = 0.75;
  return encodeModel(FEATURES, weights, transitions, LEXICON, { note: 'test' });
}

describe('model files', () => {
  it('read back the weights, the features with a weight, and the card', () => {
    const model = decodeModel(smallModel(), 'small.model');
    expect([...model.features.hashes]).toEqual([OSLO, SAID, CAPITALISED]);
    expect(model.features.get(NEVER_USEFUL)).toBe(-1);
    expect(model.metadata.card).toEqual({ note: 'test' });
    expect([model.lexicon.cities.get('oslo'), model.lexicon.cities.get('new glasgow'), model.lexicon.cities.get('glasgow'), model.lexicon.cities.size]).toEqual(
      [2, 0, undefined, 2],
    );
    expect([model.lexicon.personNames.has('maria'), model.lexicon.personNames.has('lopez'), model.lexicon.personNames.has('oslo')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([model.lexicon.openingWords.has('new'), model.lexicon.openingWords.has('oslo'), model.lexicon.longestCity]).toEqual([true, false, 2]);
    expect(model.metadata.features).toBe(FEATURE_SET_VERSION);
    const ids = featureIds(sentence([OSLO, UNKNOWN], [SAID], [CAPITALISED]), model.features);
    expect([...ids.ids]).toEqual([0, -1, 1, 2]);
    expect(model.sequenceModel.decode(ids)).toEqual([labelIndex('U', 'place'), OUTSIDE, labelIndex('U', 'person')]);
    const scores = model.sequenceModel.emissions(featureIds(sentence([OSLO]), model.features));
    // Scores are in the stored units (weight × scale), transitions too.
    expect((scores[labelIndex('U', 'place')] as number) / model.metadata.scale).toBeCloseTo(2.5, 3);
  });

  it('are the same bytes for the same model', () => {
    expect(smallModel().equals(smallModel())).toBe(true);
  });

  it.each([
    ['a file that is not a model', Buffer.from('name,type\n'), /not a usable quarry entity model: it does not start like one/],
    ['a cut file', smallModel().subarray(0, 200), /holds 200 bytes where its sizes say/],
    [
      'a model of another feature set',
      Buffer.from(smallModel().toString('latin1').replace(`"features":${FEATURE_SET_VERSION}`, '"features":0'), 'latin1'),
      /trained for feature set 0/,
    ],
  ])('%s is a ModelFileError naming the file', (_case, bytes, message) => {
    expect(() => decodeModel(bytes, 'some.model')).toThrow(ModelFileError);
    expect(() => decodeModel(bytes, 'some.model')).toThrow(message);
    expect(() => decodeModel(bytes, 'some.model')).toThrow(/^some\.model /);
  });
});
