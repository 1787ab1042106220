import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../../src/entities/model/model-file.ts';
import { runMain, temporaryDirectory } from '../../helpers/run.ts';
import { SMALL_NEWS, writeCorpus } from './fixtures.ts';

describe('quarry train', () => {
  it('trains a model, reports every epoch on the dev set, and writes the same bytes twice', async () => {
    const { corpus, gold } = writeCorpus(SMALL_NEWS);
    const folder = await temporaryDirectory();
    const args = (out: string): string[] => [
      'train',
      '--corpus',
      corpus,
      '--gold',
      gold,
      '--dev-corpus',
      corpus,
      '--dev-gold',
      gold,
      '--out',
      out,
      '--epochs',
      '3',
      '--min-feature-count',
      '1',
      '--no-progress',
    ];
    const first = await runMain(args(path.join(folder, 'a.model')));
    const second = await runMain(args(path.join(folder, 'b', 'b.model')));
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stderr).toContain('quarry train: 6 training documents');
    expect(first.stderr).toMatch(/epoch 1\/3: [\d.]+% of training tokens wrong; gold strict F1 [\d.]+ \(person [\d.]+, place [\d.]+, organization [\d.]+\)/);
    expect(first.stderr).toMatch(/epoch 3\/3/);
    const bytes = await readFile(path.join(folder, 'a.model'));
    expect(bytes.equals(await readFile(path.join(folder, 'b', 'b.model')))).toBe(true);
    expect(decodeModel(bytes, 'a.model').metadata.card).toMatchObject({
      training: { documents: 6 },
      dev: [{ gold: 'gold', documents: 3 }],
      options: { epochs: 3, seed: 1, minFeatureCount: 1, titleCaseCopies: true },
    });
  });

  it.each([
    [
      'gold that does not slice back to its text',
      async (gold: string) =>
        writeFile(path.join(gold, 'two.json'), JSON.stringify({ doc_id: 'two', entities: [{ type: 'place', start: 0, end: 3, text: 'Oslo' }] })),
      'does not slice back',
    ],
    ['a gold file that is not JSON', async (gold: string) => writeFile(path.join(gold, 'two.json'), '{'), 'two.json'],
  ])('exits 2 with a message on %s', async (_case, spoil, message) => {
    const { corpus, gold } = writeCorpus(SMALL_NEWS);
    await spoil(gold);
    const { code, stderr } = await runMain([
      'train',
      '--corpus',
      corpus,
      '--gold',
      gold,
      '--out',
      path.join(await temporaryDirectory(), 'x.model'),
      '--no-progress',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^quarry: /);
    expect(stderr).toContain(message);
  });

  it.each([
    [['--dev-corpus', 'CORPUS'], '--dev-corpus and --dev-gold go in pairs: 1 --dev-corpus and 0 --dev-gold given'],
    [['--corpus', 'CORPUS'], '--corpus and --gold go in pairs: 2 --corpus and 1 --gold given'],
  ])('exits 2 on unpaired options: %j', async (extra, message) => {
    const { corpus, gold } = writeCorpus(SMALL_NEWS);
    const { code, stderr } = await runMain([
      'train',
      '--corpus',
      corpus,
      '--gold',
      gold,
      ...extra.map((arg) => arg.replace('CORPUS', corpus)),
      '--out',
      path.join(await temporaryDirectory(), 'x.model'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 without training data', async () => {
    const { code, stderr } = await runMain(['train', '--out', path.join(await temporaryDirectory(), 'x.model')]);
    expect(code).toBe(2);
    expect(stderr).toContain('--corpus and --gold are required');
  });

  it('trains on several sets given in pairs', async () => {
    const first = writeCorpus({ one: SMALL_NEWS.one as [string, [string, string][]] });
    const second = writeCorpus({ two: SMALL_NEWS.two as [string, [string, string][]] });
    const out = path.join(await temporaryDirectory(), 'x.model');
    const { code, stderr } = await runMain([
      'train',
      '--corpus',
      first.corpus,
      '--gold',
      first.gold,
      '--corpus',
      second.corpus,
      '--gold',
      second.gold,
      '--out',
      out,
      '--epochs',
      '1',
      '--no-title-case-copies',
      '--no-progress',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('quarry train: 2 training documents');
    expect(decodeModel(await readFile(out), 'x.model').metadata.card).toMatchObject({
      training: {
        documents: 2,
        sets: [
          { corpus: 'corpus', gold: 'gold' },
          { corpus: 'corpus', gold: 'gold' },
        ],
      },
    });
  });
});
