import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GoldError, loadGold } from '../../src/eval/gold.ts';
import { loadPredictions, PredictionsError } from '../../src/eval/score.ts';

const temporaryDirectories: string[] = [];

/** Writes `files` (name -> content) into a fresh temporary directory. */
async function directoryWith(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'quarry-eval-'));
  temporaryDirectories.push(directory);
  for (const [name, content] of Object.entries(files)) await writeFile(join(directory, name), content);
  return directory;
}

afterEach(async () => {
  await Promise.all(temporaryDirectories.splice(0).map((directory) => rm(directory, { recursive: true })));
});

const validGold = {
  doc_id: 'a',
  notes: 'kept as an extra key',
  entities: [{ type: 'person', start: 0, end: 6, text: 'Benita', optional: true }],
  claims: [{ kind: 'quote', start: 10, end: 20, text: 'q', speaker: null, cue: 'said', note: 'extra' }],
};

describe('loadGold', () => {
  it('reads every *.json file in name order, keeps extra keys and fills defaults', async () => {
    const directory = await directoryWith({
      'b.json': JSON.stringify({ doc_id: 'b', dates: [] }),
      'a.json': JSON.stringify(validGold),
      'README.md': 'not a gold file',
    });
    const gold = await loadGold(directory);
    expect(gold.map((document) => document.doc_id)).toEqual(['a', 'b']);
    expect(gold[0]?.notes).toBe('kept as an extra key');
    expect(gold[0]?.claims?.[0]?.speaker_alternatives).toEqual([]);
    expect(gold[0]?.dates).toBeUndefined();
    expect(gold[1]?.dates).toEqual([]);
  });

  it('returns misc entities, speaker_scored and claim_kinds_scored as the file has them', async () => {
    const directory = await directoryWith({
      'c.json': JSON.stringify({
        doc_id: 'c',
        claim_kinds_scored: ['quote', 'reported'],
        entities: [
          { type: 'misc', start: 0, end: 7, text: 'Russian', optional: true },
          { type: 'misc', start: 8, end: 13, text: 'Games' },
          { type: 'place', start: 14, end: 20, text: 'Moscow' },
        ],
        claims: [{ kind: 'quote', start: 0, end: 5, text: 'q', speaker: 'he', speaker_scored: false }],
      }),
    });
    const [document] = await loadGold(directory);
    expect(document?.entities?.map((item) => [item.type, item.optional])).toEqual([
      ['misc', true],
      ['misc', undefined],
      ['place', undefined],
    ]);
    expect(document?.claims?.[0]?.speaker_scored).toBe(false);
    expect(document?.claim_kinds_scored).toEqual(['quote', 'reported']);
  });

  it.each([
    {
      name: 'a wrong entity type',
      content: JSON.stringify({ doc_id: 'bad', entities: [validGold.entities[0], { type: 'animal', start: 0, end: 1, text: 'x' }] }),
      message: /bad\.json.*entities\[1\]\.type/u,
    },
    {
      name: 'an empty span',
      content: JSON.stringify({ doc_id: 'bad', dates: [{ start: 5, end: 5, text: '', value: '2016' }] }),
      message: /bad\.json.*dates\[0\]\.end: end must be greater than start/u,
    },
    {
      name: 'a missing doc_id',
      content: JSON.stringify({ entities: [] }),
      message: /bad\.json.*doc_id/u,
    },
    {
      name: 'a claim without a speaker key',
      content: JSON.stringify({ doc_id: 'bad', claims: [{ kind: 'quote', start: 0, end: 3, text: 'abc' }] }),
      message: /bad\.json.*claims\[0\]\.speaker/u,
    },
    {
      name: 'a misc entity marked not optional',
      content: JSON.stringify({ doc_id: 'bad', entities: [{ type: 'misc', start: 0, end: 1, text: 'x', optional: false }] }),
      message: /bad\.json.*entities\[0\]\.optional: a misc entity is always optional/u,
    },
    {
      name: 'a speaker_scored that is not true or false',
      content: JSON.stringify({ doc_id: 'bad', claims: [{ kind: 'quote', start: 0, end: 3, text: 'abc', speaker: 'he', speaker_scored: 'no' }] }),
      message: /bad\.json.*claims\[0\]\.speaker_scored/u,
    },
    {
      name: 'an unknown kind in claim_kinds_scored',
      content: JSON.stringify({ doc_id: 'bad', claim_kinds_scored: ['quote', 'rumour'], claims: [] }),
      message: /bad\.json.*claim_kinds_scored\[1\]/u,
    },
    {
      name: 'text that is not JSON',
      content: '{ "doc_id": ',
      message: /gold file .*bad\.json is not valid JSON/u,
    },
    {
      name: 'an empty file',
      content: '',
      message: /gold file .*bad\.json is not valid JSON/u,
    },
  ])('gives a GoldError naming the file and the path for $name', async ({ content, message }) => {
    const directory = await directoryWith({ 'a.json': JSON.stringify(validGold), 'bad.json': content });
    const error: unknown = await loadGold(directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GoldError);
    expect((error as GoldError).message).toMatch(message);
    expect((error as GoldError).path).toBe(join(directory, 'bad.json'));
  });

  it('gives a GoldError for two files with the same doc_id, naming both', async () => {
    const directory = await directoryWith({ 'a.json': JSON.stringify(validGold), 'copy.json': JSON.stringify(validGold) });
    const error: unknown = await loadGold(directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GoldError);
    expect((error as GoldError).message).toBe(`gold file ${join(directory, 'copy.json')}: doc_id "a" is also used by ${join(directory, 'a.json')}`);
    expect((error as GoldError).path).toBe(join(directory, 'copy.json'));
  });

  it.each([
    { name: 'a folder without gold files', folder: async () => directoryWith({ 'notes.txt': '' }), message: 'no gold files (*.json) in {}' },
    {
      name: 'a missing folder',
      folder: async () => join(await directoryWith({}), 'missing'),
      message: 'cannot read the gold folder {}: it does not exist',
    },
    {
      name: 'a file named as the folder',
      folder: async () => join(await directoryWith({ 'gold.json': '{}' }), 'gold.json'),
      message: 'cannot read the gold folder {}: it is not a folder',
    },
  ])('gives a GoldError naming the folder for $name', async ({ folder, message }) => {
    const directory = await folder();
    const error: unknown = await loadGold(directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GoldError);
    expect((error as GoldError).message).toBe(message.replace('{}', directory));
    expect((error as GoldError).path).toBe(directory);
  });
});

describe('loadPredictions', () => {
  const tables = {
    'mentions.jsonl': '{"doc_id":"a","type":"person","text":"Benita","start":0,"end":6,"mention_id":"a#m0"}\n\n',
    'dates.jsonl': '{"doc_id":"a","text":"1996","start":7,"end":11,"value":"1996"}\r\n',
    'figures.jsonl': '',
    'claims.jsonl':
      '{"doc_id":"a","kind":"quote","start":0,"end":3,"speaker":null,"cue":"said"}\n{"doc_id":"a","kind":"figure","start":4,"end":9,"speaker":"Li","cue":null}\n',
  };

  it('reads the four tables, skipping blank lines and keeping extra columns', async () => {
    const predictions = await loadPredictions(await directoryWith(tables));
    expect(predictions.mentions).toEqual([{ doc_id: 'a', type: 'person', text: 'Benita', start: 0, end: 6, mention_id: 'a#m0' }]);
    expect(predictions.dates.map((row) => row.value)).toEqual(['1996']);
    expect(predictions.figures).toEqual([]);
    expect(predictions.claims.map((row) => row.kind)).toEqual(['quote', 'figure']);
  });

  it.each([
    {
      name: 'the file, line and column of a bad row',
      files: {
        ...tables,
        'claims.jsonl': '{"doc_id":"a","kind":"quote","start":0,"end":3}\n{"doc_id":"a","kind":"quote","start":"0","end":3}\n',
      },
      message: /claims\.jsonl:2: start:/u,
    },
    { name: 'a line that is not JSON', files: { ...tables, 'dates.jsonl': '{"doc_id":\n' }, message: /dates\.jsonl:1 is not valid JSON/u },
    {
      name: 'a missing table file',
      files: Object.fromEntries(Object.entries(tables).filter(([name]) => name !== 'figures.jsonl')),
      message: /cannot read the predictions table .*figures\.jsonl: it does not exist/u,
    },
  ])('gives a PredictionsError naming $name', async ({ files, message }) => {
    const error: unknown = await loadPredictions(await directoryWith(files)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PredictionsError);
    expect((error as PredictionsError).message).toMatch(message);
  });

  it('gives a PredictionsError naming a missing folder', async () => {
    const directory = join(await directoryWith({}), 'out');
    await expect(loadPredictions(directory)).rejects.toThrow(new PredictionsError(`cannot read the predictions folder ${directory}: it does not exist`));
  });
});
