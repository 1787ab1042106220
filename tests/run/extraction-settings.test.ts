import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig, type PipelineConfig } from '../../src/config.ts';
import { ModelFileError, SHIPPED_ENTITY_MODEL } from '../../src/entities/model/model-file.ts';
import { extractionSettings } from '../../src/run/extraction-settings.ts';

/** The extraction settings of a config, as the cache key holds them (a key is the hash of this text). */
const settingsOf = async (config: PipelineConfig): Promise<string> => JSON.stringify(await extractionSettings(resolveConfig(config)));

/** Every option of a config as `stage.option` (or `option` at the run level), in config order. */
const optionNames = (config: Record<string, unknown>): string[] =>
  Object.entries(config).flatMap(([name, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).map((option) => `${name}.${option}`) : [name],
  );

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));
// A fresh folder made here rather than with tests/helpers/run.ts, which loads the whole pipeline.
const temporaryDirectory = async (): Promise<string> => {
  const folder = await mkdtemp(path.join(tmpdir(), 'quarry-settings-test-'));
  folders.push(folder);
  return folder;
};

const SHIPPED_MODEL_SHA256 = createHash('sha256').update(readFileSync(SHIPPED_ENTITY_MODEL)).digest('hex');

describe('extractionSettings', () => {
  it('holds the options that shape a document’s result, the model and lexicons by content, and nothing else', async () => {
    const settings = await extractionSettings(resolveConfig({}));
    expect(settings).toEqual({
      segment: { maxPassageChars: 2000, maxHeadingChars: 150 },
      extractEntities: { recognizer: 'model', model: SHIPPED_MODEL_SHA256, lexicons: [] },
      extractDates: { defaultReferenceDate: null },
      extractFigures: { decimalSeparator: 'auto' },
    });
    const inKey = optionNames(settings);
    expect(inKey).toEqual([
      'segment.maxPassageChars',
      'segment.maxHeadingChars',
      'extractEntities.recognizer',
      'extractEntities.model',
      'extractEntities.lexicons',
      'extractDates.defaultReferenceDate',
      'extractFigures.decimalSeparator',
    ]);
    // Every other option, so that a new one fails here until it is placed: where the output goes, how fast, what the
    // loaded document (itself in the key) already shows (load.extensions, load.maxFileBytes), how the CSV is written.
    expect(optionNames(resolveConfig({})).filter((option) => !inKey.includes(option))).toEqual([
      'input',
      'output',
      'progress',
      'workers',
      'cacheDirectory',
      'report',
      'load.extensions',
      'load.maxFileBytes',
      'load.concurrency',
      'write.csvBom',
    ]);
  });

  it.each<[string, PipelineConfig]>([
    ['load.concurrency', { load: { concurrency: 1 } }],
    ['workers', { workers: 4 }],
    ['workers: 0', { workers: 0 }],
    ['progress', { progress: 'never' }],
    ['output', { output: 'elsewhere' }],
    ['cacheDirectory', { cacheDirectory: 'cache' }],
    ['report', { report: false }],
    ['write.csvBom', { write: { csvBom: true } }],
    ['load.extensions', { load: { extensions: ['.txt'] } }],
  ])('stays the same when %s changes', async (_option, config) => {
    expect(await settingsOf(config)).toBe(await settingsOf({}));
  });

  it.each<[string, PipelineConfig, Record<string, unknown>]>([
    ['segment.maxPassageChars', { segment: { maxPassageChars: 500 } }, { segment: { maxPassageChars: 500, maxHeadingChars: 150 } }],
    ['segment.maxHeadingChars', { segment: { maxHeadingChars: 80 } }, { segment: { maxPassageChars: 2000, maxHeadingChars: 80 } }],
    ['extractEntities.recognizer', { extractEntities: { recognizer: 'rules' } }, { extractEntities: { recognizer: 'rules', model: null, lexicons: [] } }],
    ['extractDates.defaultReferenceDate', { extractDates: { defaultReferenceDate: '2016-01-07' } }, { extractDates: { defaultReferenceDate: '2016-01-07' } }],
    ['extractFigures.decimalSeparator', { extractFigures: { decimalSeparator: ',' } }, { extractFigures: { decimalSeparator: ',' } }],
  ])('changes with %s', async (_option, config, changed) => {
    const settings = await extractionSettings(resolveConfig(config));
    expect(settings).toMatchObject(changed);
    expect(JSON.stringify(settings)).not.toBe(await settingsOf({}));
  });

  it('counts a lexicon and the model by their content, not their paths', async () => {
    const folder = await temporaryDirectory();
    const [first, second] = [path.join(folder, 'a.csv'), path.join(folder, 'b.csv')];
    const lexicon = 'name,type,aliases\nKostner Holdings,organization,\n';
    await writeFile(first, lexicon);
    await writeFile(second, lexicon);
    const model = path.join(folder, 'copy.model');
    await writeFile(model, readFileSync(SHIPPED_ENTITY_MODEL));
    expect((await extractionSettings(resolveConfig({ extractEntities: { lexicons: [first], model } }))).extractEntities).toEqual({
      recognizer: 'model',
      model: SHIPPED_MODEL_SHA256,
      lexicons: [lexicon],
    });
    expect(await settingsOf({ extractEntities: { lexicons: [second] } })).toBe(await settingsOf({ extractEntities: { lexicons: [first], model } }));
    await writeFile(second, `${lexicon}Li Dayong,person,\n`);
    expect(await settingsOf({ extractEntities: { lexicons: [second] } })).not.toBe(await settingsOf({ extractEntities: { lexicons: [first] } }));
  });

  it('leaves the model out with the rules recognizer, which reads none', async () => {
    const model = path.join(await temporaryDirectory(), 'unread.model');
    await writeFile(model, 'not a model');
    expect((await extractionSettings(resolveConfig({ extractEntities: { recognizer: 'rules', model } }))).extractEntities).toEqual({
      recognizer: 'rules',
      model: null,
      lexicons: [],
    });
  });

  it('rejects with a ModelFileError when the model file is not a model, before any document is extracted', async () => {
    const model = path.join(await temporaryDirectory(), 'broken.model');
    await writeFile(model, 'not a model');
    await expect(extractionSettings(resolveConfig({ extractEntities: { model } }))).rejects.toBeInstanceOf(ModelFileError);
  });
});
