import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/entities/gazetteer.ts';
import {
  ContextHashes,
  documentFeatures,
  modelSentences,
  NEIGHBOUR_OFFSETS,
  neighbourOf,
  sentenceFeatureHashes,
  Vocabulary,
  type DocumentFeatures,
  type FeatureInput,
  type WordView,
} from '../../../src/entities/model/features.ts';
import { OUTSIDE } from '../../../src/entities/model/labels.ts';
import { loadModel, SHIPPED_ENTITY_MODEL } from '../../../src/entities/model/model-file.ts';
import { ContextScores, featureIds, labelDocument, withEmissions, WordScores } from '../../../src/entities/model/recognizer.ts';
import { SequenceModel, type PackedFeatures } from '../../../src/entities/model/sequence-model.ts';
import { findEntityMentions } from '../../../src/entities/rules.ts';
import { buildWorldLexicon } from '../../../src/entities/model/world-lexicon.ts';
import { documentOf } from '../../claims/helpers.ts';

const gazetteer = loadGazetteer();
const TEXT = 'Maria Lopez joined Acme Widgets in Springfield on Monday.\nAcme Widgets said Lopez would run its German sales from 1996.\n';

function featuresOf(text: string, vocabulary: Vocabulary): DocumentFeatures {
  const document = documentOf(text);
  return documentFeatures(
    { sentences: modelSentences(document.analyses), ruleMentions: findEntityMentions(document, document.analyses, gazetteer), vocabulary },
    new ContextHashes(),
  );
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

  it("gives training each token's word features first, then those of the words around it, then its context features", () => {
    const features = featuresOf(TEXT, vocabulary);
    expect(features.words.map((sentence) => sentence.map((word) => word.text))).toEqual([
      ['Maria', 'Lopez', 'joined', 'Acme', 'Widgets', 'in', 'Springfield', 'on', 'Monday'],
      ['Acme', 'Widgets', 'said', 'Lopez', 'would', 'run', 'its', 'German', 'sales', 'from', '1996'],
    ]);
    const packed = sentenceFeatureHashes(features, 1);
    const secondSentence = features.words[1] as WordView[];
    const context = features.context[1] as PackedFeatures<Uint32Array>;
    secondSentence.forEach((word, token) => {
      const own = packed.ids.subarray(packed.starts[token], packed.starts[token + 1]);
      const contextOfToken = context.ids.subarray(context.starts[token], context.starts[token + 1]);
      const around = NEIGHBOUR_OFFSETS.flatMap((_, index) => [...(neighbourOf(secondSentence, token, index).asNeighbour[index] as Uint32Array)]);
      expect(around).toHaveLength(6);
      expect([...own]).toEqual([...word.features, ...around, ...contextOfToken]);
    });
    expect(packed.starts[packed.starts.length - 1]).toBe(packed.ids.length);
    // "said" is the word before "Lopez", and nothing comes two before "Acme", the first word.
    const acme = secondSentence[0] as WordView;
    const said = secondSentence[2] as WordView;
    const lopez = secondSentence[3] as WordView;
    const acmeStart = packed.starts[0] as number;
    const lopezStart = packed.starts[3] as number;
    expect([...packed.ids.subarray(lopezStart + lopez.features.length + 1, lopezStart + lopez.features.length + 3)]).toEqual([
      ...(said.asNeighbour[1] as Uint32Array),
    ]);
    expect([...packed.ids.subarray(acmeStart + acme.features.length, acmeStart + acme.features.length + 1)]).not.toEqual([
      ...(said.asNeighbour[0] as Uint32Array),
    ]);
  });
});

describe('ContextScores', () => {
  const model = loadModel(SHIPPED_ENTITY_MODEL);
  const vocabulary = new Vocabulary(gazetteer, model.lexicon);
  const input = (text: string): FeatureInput => {
    const document = documentOf(text);
    return { sentences: modelSentences(document.analyses), ruleMentions: findEntityMentions(document, document.analyses, gazetteer), vocabulary };
  };

  it("scores each token as the sum of all its features' weights, as training reads them", () => {
    const scored = documentFeatures(input(TEXT), new ContextScores(model.sequenceModel, model.features, new WordScores(model.sequenceModel, model.features)));
    const hashed = documentFeatures(input(TEXT), new ContextHashes());
    expect(scored.context).toHaveLength(2);
    scored.context.forEach((scores, sentence) => {
      const full = model.sequenceModel.emissions(featureIds(sentenceFeatureHashes(hashed, sentence), model.features));
      expect(scores).toHaveLength(full.length);
      full.forEach((score, index) => {
        expect(scores[index]).toBeCloseTo(score, 9);
      });
    });
    expect(withEmissions(hashed, model.sequenceModel, model.features).context).toEqual(scored.context);
  });

  it("sums a shipped model's 16-bit weights in integers, and keeps a model in training's fractional weights", () => {
    const word = vocabulary.word('Lopez');
    const shipped = new WordScores(model.sequenceModel, model.features).of(word);
    expect(shipped).toBeInstanceOf(Int32Array);
    expect(shipped.some((score) => score !== 0)).toBe(true);
    const halved = new SequenceModel(
      Float64Array.from(model.sequenceModel.weights, (weight) => weight / 2),
      model.sequenceModel.transitions,
    );
    const training = new WordScores(halved, model.features).of(word);
    expect(training).toBeInstanceOf(Float64Array);
    expect([...training]).toEqual([...shipped].map((score) => score / 2));
    expect([...training].some((score) => !Number.isInteger(score))).toBe(true);
  });

  it('labels a document the same with word scores cached from other documents as with new ones', () => {
    const cached = new WordScores(model.sequenceModel, model.features);
    const emissions = new ContextScores(model.sequenceModel, model.features, cached);
    documentFeatures(input('Lopez met Widgets in Monday Springfield. German 1996 Acme.'), emissions);
    const warm = labelDocument(model.sequenceModel, model.features, documentFeatures(input(TEXT), emissions));
    const fresh = labelDocument(
      model.sequenceModel,
      model.features,
      documentFeatures(input(TEXT), new ContextScores(model.sequenceModel, model.features, new WordScores(model.sequenceModel, model.features))),
    );
    expect(warm).toEqual(fresh);
    expect(warm.flat().filter((label) => label !== OUTSIDE).length).toBeGreaterThan(4);
  });
});
