import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/run.ts';

const temporaryDirectories: string[] = [];

/** Writes `files` (name -> content) into a fresh temporary directory. */
async function directoryWith(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'quarry-eval-cli-'));
  temporaryDirectories.push(directory);
  for (const [name, content] of Object.entries(files)) await writeFile(join(directory, name), content);
  return directory;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(temporaryDirectories.splice(0).map((directory) => rm(directory, { recursive: true })));
});

const predictionFiles = {
  'mentions.jsonl': '{"doc_id":"a","type":"person","start":0,"end":6}\n',
  'dates.jsonl': '',
  'figures.jsonl': '',
  'claims.jsonl': '{"doc_id":"a","kind":"quote","start":10,"end":20,"speaker":"Trump"}\n',
};

const goldFile = JSON.stringify({
  doc_id: 'a',
  entities: [
    { type: 'person', start: 0, end: 6, text: 'Benita' },
    { type: 'misc', start: 7, end: 9, text: 'xx', optional: true },
  ],
  claims: [{ kind: 'quote', start: 10, end: 20, text: 'q', speaker: 'Donald Trump' }],
});

describe('quarry eval', () => {
  it('scores a predictions folder against gold with misc items and prints JSON, exit 0', async () => {
    const predictions = await directoryWith(predictionFiles);
    const gold = await directoryWith({ 'a.json': goldFile });
    const { code, stdout, stderr } = await runMain(['eval', predictions, '--gold', gold, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as {
      entities: { overall: { strict: { truePositives: number; falsePositives: number; falseNegatives: number } } };
      claims: { speaker: { strict: { correct: number; total: number } }; speakerLoose: { strict: { correct: number; total: number } } };
    };
    expect(report.entities.overall.strict).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
    expect(report.claims.speaker.strict).toMatchObject({ correct: 0, total: 1 });
    expect(report.claims.speakerLoose.strict).toMatchObject({ correct: 1, total: 1 });
  });

  it.each([
    {
      name: 'a missing gold folder',
      gold: async () => join(await directoryWith({}), 'no-such-gold'),
      message: (gold: string) => `quarry: cannot read the gold folder ${gold}: it does not exist\n`,
    },
    {
      name: 'a gold folder without gold files',
      gold: async () => directoryWith({ 'README.md': '' }),
      message: (gold: string) => `quarry: no gold files (*.json) in ${gold}\n`,
    },
    {
      name: 'a gold file that is not JSON',
      gold: async () => directoryWith({ 'a.json': goldFile, 'b.json': '{"doc_id": "b",' }),
      message: (gold: string) => new RegExp(`^quarry: gold file ${join(gold, 'b.json')} is not valid JSON: .+\\n$`, 'u'),
    },
    {
      name: 'a gold file that fails the schema',
      gold: async () => directoryWith({ 'b.json': JSON.stringify({ doc_id: 'b', entities: [{ type: 'animal', start: 0, end: 1, text: 'x' }] }) }),
      message: (gold: string) => new RegExp(`^quarry: invalid gold file ${join(gold, 'b.json')}: entities\\[0\\]\\.type: .+\\n$`, 'u'),
    },
    {
      name: 'two gold files with the same doc_id',
      gold: async () => directoryWith({ 'a.json': goldFile, 'copy.json': goldFile }),
      message: (gold: string) => `quarry: gold file ${join(gold, 'copy.json')}: doc_id "a" is also used by ${join(gold, 'a.json')}\n`,
    },
  ])('exits 2 with one line naming the problem for $name', async ({ gold, message }) => {
    const goldDirectory = await gold();
    const { code, stdout, stderr } = await runMain(['eval', await directoryWith(predictionFiles), '--gold', goldDirectory]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const expected = message(goldDirectory);
    if (typeof expected === 'string') expect(stderr).toBe(expected);
    else expect(stderr).toMatch(expected);
  });

  it('exits 2 naming a missing predictions folder', async () => {
    const predictions = join(await directoryWith({}), 'out');
    const { code, stdout, stderr } = await runMain(['eval', predictions, '--gold', await directoryWith({ 'a.json': goldFile })]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`quarry: cannot read the predictions folder ${predictions}: it does not exist\n`);
  });
});
