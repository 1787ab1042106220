import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type PipelineConfig, type ResolvedConfig } from '../../src/config.ts';
import { InputError } from '../../src/input/discover.ts';
import { readResultIndex, removeResultIndex, RESULT_INDEX_FILE, upToDateSummary, writeResultIndex, type IndexedResult } from '../../src/run/result-index.ts';
import type { WrittenSummary } from '../../src/run/run-result.ts';
import { TABLE_NAMES } from '../../src/schemas/index.ts';
import { temporaryDirectory } from '../helpers/run.ts';

const ENTRIES: IndexedResult[] = [
  { key: 'aa11', order: [0, 0] },
  { key: 'bb22', order: [1, 3] },
  { key: 'cc33', order: [1, 7] },
];

const WRITTEN: WrittenSummary = {
  documents: { ok: 2, failed: 1, skipped: 0 },
  counts: { documents: 3, passages: 4, mentions: 5, entities: 2, dates: 1, figures: 0, claims: 1, claim_links: 1 },
  problems: [{ source: 'feed.jsonl:7', status: 'failed', error: 'LOAD_BAD_JSONL_LINE: feed.jsonl:7: not JSON' }],
  words: 42,
};

/** An output folder's config, its cache folder inside it as a run's is by default. */
async function outputConfig(overrides: PipelineConfig = {}): Promise<{ config: ResolvedConfig; cacheDirectory: string }> {
  const output = await temporaryDirectory();
  return { config: resolveConfig({ report: false, ...overrides, output }), cacheDirectory: path.join(output, '.cache') };
}

/** Writes an empty file for each file a complete run leaves (manifest, tables, schemas; the report's front page with `report`). */
async function completeOutput(output: string, report: boolean): Promise<void> {
  await mkdir(path.join(output, 'schema'), { recursive: true });
  const files = ['manifest.json', ...TABLE_NAMES.flatMap((table) => [`${table}.jsonl`, `${table}.csv`, path.join('schema', `${table}.schema.json`)])];
  if (report) {
    await mkdir(path.join(output, 'report'));
    files.push(path.join('report', 'index.html'));
  }
  for (const file of files) await writeFile(path.join(output, file), '');
}

describe('the result index', () => {
  it('is written as a header line and one line per result, and read back with each result in its cache', async () => {
    const { config, cacheDirectory } = await outputConfig();
    await writeResultIndex(config, cacheDirectory, ENTRIES, WRITTEN);
    const lines = (await readFile(path.join(config.output, RESULT_INDEX_FILE), 'utf8')).split('\n');
    expect(lines).toEqual([
      '{"cacheDirectory":".cache","write":{"csvBom":false},"written":{"documents":{"ok":2,"failed":1,"skipped":0},"counts":{"documents":3,"passages":4,"mentions":5,"entities":2,"dates":1,"figures":0,"claims":1,"claim_links":1},"problems":[{"source":"feed.jsonl:7","status":"failed","error":"LOAD_BAD_JSONL_LINE: feed.jsonl:7: not JSON"}],"words":42}}',
      '["aa11",0,0]',
      '["bb22",1,3]',
      '["cc33",1,7]',
      '',
    ]);
    const read = await readResultIndex(config.output);
    expect(read.map(({ key, order, cache }) => [key, order, cache.directory])).toEqual([
      ['aa11', [0, 0], cacheDirectory],
      ['bb22', [1, 3], cacheDirectory],
      ['cc33', [1, 7], cacheDirectory],
    ]);
  });

  it('finds a cache folder outside the output folder from where the output folder is', async () => {
    const { config } = await outputConfig();
    const elsewhere = path.join(path.dirname(config.output), 'shared-cache');
    await writeResultIndex(config, elsewhere, ENTRIES.slice(0, 1), WRITTEN);
    expect(JSON.parse((await readFile(path.join(config.output, RESULT_INDEX_FILE), 'utf8')).split('\n')[0] as string).cacheDirectory).toBe(
      path.join('..', 'shared-cache'),
    );
    expect((await readResultIndex(config.output)).map((entry) => entry.cache.directory)).toEqual([elsewhere]);
  });

  it('is refused, with an InputError naming the folder, where there is none (never written, or removed)', async () => {
    const { config, cacheDirectory } = await outputConfig();
    const message = `${config.output} has no ${RESULT_INDEX_FILE}: it is not the output folder of a quarry extract run`;
    await expect(readResultIndex(config.output)).rejects.toThrow(new InputError(message));
    await writeResultIndex(config, cacheDirectory, ENTRIES, WRITTEN);
    await removeResultIndex(config.output);
    await expect(readResultIndex(config.output)).rejects.toThrow(new InputError(message));
    await expect(removeResultIndex(config.output)).resolves.toBeUndefined();
  });
});

describe('upToDateSummary', () => {
  /** An output folder whose index lists ENTRIES and which holds every file a run leaves, report included. */
  async function upToDateOutput(): Promise<{ config: ResolvedConfig; cacheDirectory: string }> {
    const folder = await outputConfig();
    await writeResultIndex(folder.config, folder.cacheDirectory, ENTRIES, WRITTEN);
    await completeOutput(folder.config.output, true);
    return folder;
  }

  it('gives what the earlier run wrote when the folder holds its complete output over the same results', async () => {
    const { config, cacheDirectory } = await upToDateOutput();
    expect(await upToDateSummary(config, cacheDirectory, ENTRIES)).toEqual(WRITTEN);
  });

  it.each<[string, (entries: IndexedResult[]) => IndexedResult[]]>([
    ['a result left out', (entries) => entries.slice(0, 2)],
    ['a result added', (entries) => [...entries, { key: 'dd44', order: [2, 0] }]],
    ['the same results in another order', (entries) => [entries[1], entries[0], entries[2]] as IndexedResult[]],
    ['a result with another key', (entries) => [entries[0], { ...entries[1], key: 'bb99' }, entries[2]] as IndexedResult[]],
    ['a result at another place in the input order', (entries) => [entries[0], { ...entries[1], order: [1, 4] }, entries[2]] as IndexedResult[]],
  ])('gives null for %s', async (_, change) => {
    const { config, cacheDirectory } = await upToDateOutput();
    expect(await upToDateSummary(config, cacheDirectory, change(ENTRIES))).toBeNull();
  });

  it('gives null for results from another cache folder, or tables written with other write options', async () => {
    const { config, cacheDirectory } = await upToDateOutput();
    expect(await upToDateSummary(config, path.join(config.output, '.other-cache'), ENTRIES)).toBeNull();
    expect(await upToDateSummary(resolveConfig({ output: config.output, report: false, write: { csvBom: true } }), cacheDirectory, ENTRIES)).toBeNull();
  });

  it.each([['manifest.json'], ['claims.csv'], ['entities.jsonl'], [path.join('schema', 'dates.schema.json')]])(
    'gives null when %s is missing',
    async (file) => {
      const { config, cacheDirectory } = await upToDateOutput();
      await rm(path.join(config.output, file));
      expect(await upToDateSummary(config, cacheDirectory, ENTRIES)).toBeNull();
    },
  );

  it("asks for the report's front page only when the report is on", async () => {
    const { config, cacheDirectory } = await upToDateOutput();
    await rm(path.join(config.output, 'report', 'index.html'));
    expect(await upToDateSummary(config, cacheDirectory, ENTRIES)).toEqual(WRITTEN);
    expect(await upToDateSummary({ ...config, report: true }, cacheDirectory, ENTRIES)).toBeNull();
  });

  it('gives null without an index, or with one that does not say what its run wrote', async () => {
    const { config, cacheDirectory } = await outputConfig();
    await completeOutput(config.output, false);
    expect(await upToDateSummary(config, cacheDirectory, ENTRIES)).toBeNull();
    await writeFile(
      path.join(config.output, RESULT_INDEX_FILE),
      '{"cacheDirectory":".cache","write":{"csvBom":false}}\n["aa11",0,0]\n["bb22",1,3]\n["cc33",1,7]\n',
    );
    expect(await upToDateSummary(config, cacheDirectory, ENTRIES)).toBeNull();
    await writeFile(path.join(config.output, RESULT_INDEX_FILE), 'not json\n');
    expect(await upToDateSummary(config, cacheDirectory, ENTRIES)).toBeNull();
  });
});
