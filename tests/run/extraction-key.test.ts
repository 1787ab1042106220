import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type PipelineConfig } from '../../src/config.ts';
import { extractionKey } from '../../src/run/extraction-key.ts';
import { pipelineFingerprint } from '../../src/run/fingerprint.ts';
import { temporaryDirectory } from '../helpers/run.ts';

const keyOf = async (config: PipelineConfig): Promise<string> => JSON.stringify(await extractionKey(resolveConfig(config)));

describe('extractionKey', () => {
  let lexicons: Record<'first' | 'copy' | 'other', string>;
  beforeAll(async () => {
    const folder = await temporaryDirectory();
    lexicons = { first: path.join(folder, 'first.csv'), copy: path.join(folder, 'copy.csv'), other: path.join(folder, 'other.csv') };
    await writeFile(lexicons.first, 'name,type,aliases\nLi Dayong,person,\n');
    await writeFile(lexicons.copy, 'name,type,aliases\nLi Dayong,person,\n');
    await writeFile(lexicons.other, 'name,type,aliases\nGao Zhisheng,person,\n');
  });

  it('is the pipeline fingerprint with the settings that shape results', async () => {
    const key = await extractionKey(resolveConfig({ extractEntities: { recognizer: 'rules' } }));
    expect(key.pipeline).toBe(await pipelineFingerprint());
    expect(Object.keys(key.settings)).toEqual(['segment', 'recognizer', 'model', 'lexicons', 'extractDates', 'extractFigures']);
    expect([key.settings.recognizer, key.settings.model, key.settings.lexicons]).toEqual(['rules', null, []]);
  });

  it.each<[string, PipelineConfig]>([
    ['another output folder', { output: 'elsewhere' }],
    ['another input', { input: ['other/inputs'] }],
    ['more workers', { workers: 4 }],
    ['another load.concurrency', { load: { concurrency: 2 } }],
    ['no report', { report: false }],
    ['CSV with a byte-order mark', { write: { csvBom: true } }],
  ])('stays the same with %s', async (_, change) => {
    expect(await keyOf({ extractEntities: { recognizer: 'rules' }, ...change })).toBe(await keyOf({ extractEntities: { recognizer: 'rules' } }));
  });

  it.each<[string, PipelineConfig]>([
    ['another decimal separator', { extractFigures: { decimalSeparator: ',' } }],
    ['shorter passages', { segment: { maxPassageChars: 500 } }],
    ['another reference date', { extractDates: { defaultReferenceDate: '2016-01-20' } }],
    ['the model recognizer', { extractEntities: { recognizer: 'model' } }],
  ])('changes with %s', async (_, change) => {
    expect(await keyOf({ extractEntities: { recognizer: 'rules' }, ...change })).not.toBe(await keyOf({ extractEntities: { recognizer: 'rules' } }));
  });

  it('counts a lexicon by its content, not its path', async () => {
    const withLexicon = (file: string): Promise<string> => keyOf({ extractEntities: { recognizer: 'rules', lexicons: [file] } });
    expect(await withLexicon(lexicons.copy)).toBe(await withLexicon(lexicons.first));
    expect(await withLexicon(lexicons.other)).not.toBe(await withLexicon(lexicons.first));
  });
});
