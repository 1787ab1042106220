import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/entities/gazetteer.ts';
import { documentFeatures, modelSentences, sentenceFeatureHashes, Vocabulary } from '../../../src/entities/model/features.ts';
import { LABELS } from '../../../src/entities/model/labels.ts';
import { loadModel, SHIPPED_ENTITY_MODEL } from '../../../src/entities/model/model-file.ts';
import { featureIds, labelDocument, WordScores } from '../../../src/entities/model/recognizer.ts';
import { findEntityMentions } from '../../../src/entities/rules.ts';
import { buildWorldLexicon } from '../../../src/entities/model/world-lexicon.ts';
import { documentOf } from '../../claims/helpers.ts';

const gazetteer = loadGazetteer();
const TEXT = 'Maria Lopez joined Acme Widgets in Springfield on Monday.\nAcme Widgets said Lopez would run its German sales from 1996.\n';

function featuresOf(text: string, vocabulary: Vocabulary): ReturnType<typeof documentFeatures> {
  const document = documentOf(text);
  return documentFeatures({ sentences: modelSentences(document.analyses), ruleMentions: findEntityMentions(document, document.analyses, gazetteer), vocabulary });
}

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary(gazetteer, buildWorldLexicon([{ name: 'Springfield', population: 150_000 }], ['Quenby']));

  it("computes a word's view once and gives the same object for every occurrence", () => {
    const first = vocabulary.word('Lopez');
    expect(vocabulary.word('Lopez')).toBe(first);
    expect(first).toMatchObject({ text: 'Lopez', key: 'lopez', lower: 'lopez', capitalised: true });
  });

  it('reads digits as 0, so years share their word features but not their prefixes', () => {
    const [year, other] = [vocabulary.word('1996'), vocabulary.word('1997')];
    expect(year.wordHash).toBe(other.wordHash);
    expect([...year.features.subarray(0, 5)]).toEqual([...other.features.subarray(0, 5)]);
    expect([...year.features]).not.toEqual([...other.features]);
  });

  it("lists the model's name words among a word's own features", () => {
    const known = vocabulary.word('Quenby').features;
    const unknown = vocabulary.word('Quenbx').features;
    expect(known.length).toBe(unknown.length + 1);
    // The same shape, short and long (features 3 and 4); a different word (features 1 and 2).
    expect([...known.subarray(3, 5)]).toEqual([...unknown.subarray(3, 5)]);
    expect(known[1]).not.toBe(unknown[1]);
  });
});

describe('documentFeatures', () => {
  const vocabulary = new Vocabulary(gazetteer, buildWorldLexicon([], []));

  it("gives training each token's word features first, then its context features", () => {
    const features = featuresOf(TEXT, vocabulary);
    expect(features.words.map((sentence) => sentence.map((word) => word.text))).toEqual([
      ['Maria', 'Lopez', 'joined', 'Acme', 'Widgets', 'in', 'Springfield', 'on', 'Monday'],
      ['Acme', 'Widgets', 'said', 'Lopez', 'would', 'run', 'its', 'German', 'sales', 'from', '1996'],
    ]);
    const packed = sentenceFeatureHashes(features, 1);
    const context = features.context[1]!;
    (features.words[1] ?? []).forEach((word, token) => {
      const own = packed.ids.subarray(packed.starts[token], packed.starts[token + 1]);
      const contextOfToken = context.ids.subarray(context.starts[token], context.starts[token + 1]);
      expect([...own]).toEqual([...word.features, ...contextOfToken]);
    });
    expect(packed.starts[packed.starts.length - 1]).toBe(packed.ids.length);
  });
});

describe('WordScores', () => {
  const model = loadModel(SHIPPED_ENTITY_MODEL);
  const vocabulary = new Vocabulary(gazetteer, model.lexicon);

  it("adds a word's cached scores to its context's: the sum of every feature's weights, as the model defines a token's score", () => {
    const features = featuresOf(TEXT, vocabulary);
    const scores = new WordScores(model.sequenceModel, model.features);
    const token = 3;
    const full = model.sequenceModel.emissions(featureIds(sentenceFeatureHashes(features, 0), model.features)).subarray(token * LABELS.length, (token + 1) * LABELS.length);
    const context = features.context[0]!;
    const split = Float64Array.from(scores.of(features.words[0]![token]!));
    model.sequenceModel.addEmissions(split, featureIds({ ids: context.ids.subarray(context.starts[token], context.starts[token + 1]), starts: Uint32Array.of(0, context.starts[token + 1]! - context.starts[token]!) }, model.features));
    [...full].forEach((score, label) => expect(split[label]).toBeCloseTo(score, 9));
  });

  it('labels a document the same with a cache warmed by other documents as with a new one', () => {
    const warmed = new WordScores(model.sequenceModel, model.features);
    labelDocument(model.sequenceModel, model.features, featuresOf('Lopez met Widgets in Monday Springfield. German 1996 Acme.', vocabulary), warmed);
    const features = featuresOf(TEXT, vocabulary);
    expect(labelDocument(model.sequenceModel, model.features, features, warmed)).toEqual(labelDocument(model.sequenceModel, model.features, features));
  });
});
