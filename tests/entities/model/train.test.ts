import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/entities/gazetteer.ts';
import { Vocabulary } from '../../../src/entities/model/features.ts';
import { decodeModel } from '../../../src/entities/model/model-file.ts';
import { labelDocument, mentionsFromLabels, withEmissions } from '../../../src/entities/model/recognizer.ts';
import { buildWorldLexicon } from '../../../src/entities/model/world-lexicon.ts';
import {
  readTrainingSet,
  scoreMentions,
  titleCaseCopy,
  trainEntityModel,
  TrainingDataError,
  type TrainingDocument,
} from '../../../src/entities/model/train.ts';
import { SMALL_NEWS, writeCorpus } from './fixtures.ts';

const vocabulary = new Vocabulary(
  loadGazetteer(),
  buildWorldLexicon(
    [
      { name: 'Springfield', population: 150_000 },
      { name: 'Oslo', population: 700_000 },
    ],
    ['Maria', 'Baker'],
  ),
);
const options = { epochs: 6, seed: 1, minFeatureCount: 1 };

function predictions(bytes: Buffer, documents: readonly TrainingDocument[]): ReturnType<typeof mentionsFromLabels>[] {
  const model = decodeModel(bytes, 'trained');
  return documents.map((document) =>
    mentionsFromLabels(
      document.text,
      document.sentences,
      labelDocument(model.sequenceModel, model.features, withEmissions(document.features, model.sequenceModel, model.features)),
    ),
  );
}

describe('titleCaseCopy', () => {
  it.each([
    ['police line up to quit the party in the city\nthe rest', [0.9], 'Police Line up to Quit the Party in the City\nthe rest'],
    ['first line\nsecond line\nthird line', [0.05, 0.5], 'First Line\nSecond Line\nthird line'],
    ['the ßtraße of an island', [], 'The ßtraße of an Island'],
  ])('%j', (text, draws, expected) => {
    const next = (): number => draws.shift() ?? 1;
    const copy = titleCaseCopy(text, next);
    expect(copy).toBe(expected);
    expect(copy.length).toBe(text.length);
  });
});

describe('readTrainingSet', () => {
  it('aligns the gold entities with the tokens, misc and optional items included', async () => {
    const { corpus, gold } = writeCorpus(SMALL_NEWS);
    const documents = await readTrainingSet(corpus, gold, vocabulary);
    expect(documents.map((document) => document.id)).toEqual(['one', 'three', 'two']);
    const one = documents[0] as TrainingDocument;
    expect(one.gold.map((item) => [one.text.slice(item.start, item.end), item.type, item.optional])).toEqual([
      ['Maria Lopez', 'person', false],
      ['Acme Widgets', 'organization', false],
      ['Springfield', 'place', false],
      ['Acme Widgets', 'organization', false],
      ['Lopez', 'person', false],
      ['German', 'misc', true],
    ]);
    expect(one.sentences.map((sentence) => sentence.tokens.length)).toEqual([9, 9]);
  });

  it('adds a Title Case copy of each document when asked', async () => {
    const { corpus, gold } = writeCorpus(SMALL_NEWS);
    const documents = await readTrainingSet(corpus, gold, vocabulary, { titleCaseCopies: true, seed: 1 });
    expect(documents).toHaveLength(6);
    expect((documents[1] as TrainingDocument).text.split('\n')[0]).toBe('Maria Lopez Joined Acme Widgets in Springfield on Monday.');
  });

  it.each([
    [
      'gold that does not slice back to its text',
      (gold: string) =>
        writeFileSync(path.join(gold, 'one.json'), JSON.stringify({ doc_id: 'one', entities: [{ type: 'person', start: 0, end: 5, text: 'Mario' }] })),
      /doc_id "one", entities\[0\] "Mario" does not slice back to the text: code points 0-5 read "Maria"/,
    ],
    [
      'gold past the end of its text',
      (gold: string) =>
        writeFileSync(path.join(gold, 'one.json'), JSON.stringify({ doc_id: 'one', entities: [{ type: 'person', start: 500, end: 505, text: 'Maria' }] })),
      /entities\[0\] ends at 505, past the end of the text/,
    ],
    [
      'a gold file whose text is missing',
      (gold: string) => writeFileSync(path.join(gold, 'four.json'), JSON.stringify({ doc_id: 'four', entities: [] })),
      /1 gold file\(s\) have no readable document in .*, e\.g\. doc_id "four"/,
    ],
  ])('%s is a TrainingDataError', async (_case, spoil, message) => {
    const { corpus, gold } = writeCorpus(SMALL_NEWS);
    spoil(gold);
    await expect(readTrainingSet(corpus, gold, vocabulary)).rejects.toThrow(TrainingDataError);
    await expect(readTrainingSet(corpus, gold, vocabulary)).rejects.toThrow(message);
  });
});

describe('trainEntityModel', () => {
  it('learns its training documents, reports every epoch, and gives the same bytes twice', async () => {
    const { corpus, gold } = writeCorpus(SMALL_NEWS);
    const documents = await readTrainingSet(corpus, gold, vocabulary);
    const epochs: number[] = [];
    const first = trainEntityModel(documents, [{ name: 'small', documents }], vocabulary.lexicon, options, { data: 'small' }, (report) =>
      epochs.push(report.epoch),
    );
    const second = trainEntityModel(documents, [{ name: 'small', documents }], vocabulary.lexicon, options, { data: 'small' });
    expect(epochs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first.bytes.equals(second.bytes)).toBe(true);
    expect(first.best.devF1).toBe(1);
    expect(first.best.dev.map((set) => [set.name, set.scores.f1])).toEqual([['small', 1]]);
    expect(scoreMentions(documents, predictions(first.bytes, documents)).f1).toBe(1);
    expect(decodeModel(first.bytes, 'trained').metadata.card).toMatchObject({ data: 'small', keptEpoch: first.best.epoch });
  });
});

describe('scoreMentions', () => {
  it('counts as shared/tools/score.mjs: strict spans and types, optional items neither rewarded nor punished', async () => {
    const { corpus, gold } = writeCorpus({
      doc: [
        'Ann Lee met Bob Ray in Rome and Paris.',
        [
          ['person', 'Ann Lee'],
          ['person', 'Bob Ray'],
          ['place', 'Rome'],
          ['place', 'Paris', true],
        ],
      ],
    });
    const [document] = await readTrainingSet(corpus, gold, vocabulary);
    const mention = (text: string, type: 'person' | 'place' | 'organization', from = 0) => {
      const start = (document as TrainingDocument).text.indexOf(text, from);
      return { start, end: start + text.length, type, text, passageIndex: 0 };
    };
    // Right: Ann Lee. Wrong span: "Bob" (a false positive and a miss). Wrong type: Rome as an organization. Paris is optional.
    const scores = scoreMentions(
      [document as TrainingDocument],
      [[mention('Ann Lee', 'person'), mention('Bob', 'person'), mention('Rome', 'organization'), mention('Paris', 'organization')]],
    );
    expect(scores.precision).toBeCloseTo(1 / 3, 6);
    expect(scores.recall).toBeCloseTo(1 / 3, 6);
    expect(scores.byType.person).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(scores.byType.place).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scores.byType.organization).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
