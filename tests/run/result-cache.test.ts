import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { createDocument } from '../../src/document.ts';
import { documentResult } from '../../src/output/rows.ts';
import { runPipeline } from '../../src/pipeline.ts';
import type { DocumentResult } from '../../src/run/document-result.ts';
import { ResultCache } from '../../src/run/result-cache.ts';
import { ROOT, temporaryDirectory } from '../helpers/run.ts';

/** A small result that passes the schema, as the runner makes it of a document with one entity cluster and no rows. */
function resultOf(id: string): DocumentResult {
  const name = `${id} name`;
  return documentResult(
    createDocument({ id, source: `${id}.txt`, format: 'txt', sha256: '0'.repeat(64), text: name, entityClusters: [{ type: 'person', name, forms: [name] }] }),
  );
}

/** The file of a cache entry. */
const entryFile = (directory: string, key: string): string => path.join(directory, key.slice(0, 2), `${key}.json`);

describe('ResultCache', () => {
  it('gives the same key for the same parts, and another for other parts', () => {
    const key = ResultCache.key({ sha256: 'abc', pipeline: 'p1' });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(ResultCache.key({ sha256: 'abc', pipeline: 'p1' })).toBe(key);
    expect(ResultCache.key({ sha256: 'abc', pipeline: 'p2' })).not.toBe(key);
  });

  it('reads back what it stored, the clusters alone or the whole result, from a bucket named by the key', async () => {
    const directory = await temporaryDirectory();
    const cache = new ResultCache(directory);
    const key = ResultCache.key({ id: 'one' });
    await cache.write(key, ResultCache.serialize(resultOf('one')));
    expect(await cache.get(key)).toEqual(resultOf('one'));
    expect(await cache.clusters(key)).toEqual(resultOf('one').clusters);
    expect(await readdir(path.join(directory, key.slice(0, 2)))).toEqual([`${key}.json`]);
    expect(await cache.get(ResultCache.key({ id: 'two' }))).toBeNull();
  });

  it('treats a cut or garbled entry as missing, so the document is extracted again', async () => {
    const directory = await temporaryDirectory();
    const cache = new ResultCache(directory);
    const [cut, garbled] = [ResultCache.key({ id: 'cut' }), ResultCache.key({ id: 'garbled' })];
    await cache.write(cut, ResultCache.serialize(resultOf('cut')));
    await cache.write(garbled, ResultCache.serialize(resultOf('garbled')));
    const cutFile = entryFile(directory, cut);
    await writeFile(cutFile, (await readFile(cutFile, 'utf8')).slice(0, -20));
    await writeFile(entryFile(directory, garbled), '{"document":\n');
    expect([await cache.get(cut), await cache.clusters(cut)]).toEqual([null, null]);
    expect([await cache.get(garbled), await cache.clusters(garbled)]).toEqual([null, null]);
  });

  it('treats an entry that is JSON but fails the schema as missing, whatever part of it fails', async () => {
    const directory = await temporaryDirectory();
    const cache = new ResultCache(directory);
    const altered = {
      'a row': { ...resultOf('row'), document: { ...resultOf('row').document, status: 'done' } },
      'a cluster': { ...resultOf('cluster'), clusters: [{ type: 'person', name: 'Li Dayong' }] },
      'no result': [],
    };
    for (const [name, value] of Object.entries(altered)) {
      const key = ResultCache.key({ name });
      await cache.write(key, `${JSON.stringify(value)}\n`);
      expect([name, await cache.get(key), await cache.clusters(key)]).toEqual([name, null, null]);
    }
  });

  it('gives the clusters of an entry whose result line matches its hash, and checks the whole result against its schema only when it is read', async () => {
    const cache = new ResultCache(await temporaryDirectory());
    const key = ResultCache.key({ id: 'forged' });
    const forged = { ...resultOf('forged'), figures: [{ value: 'not a figure' }] };
    const body = JSON.stringify(forged);
    await cache.write(key, `${JSON.stringify({ clusters: forged.clusters, sha256: createHash('sha256').update(body).digest('hex') })}\n${body}\n`);
    expect(await cache.clusters(key)).toEqual(forged.clusters);
    expect(await cache.get(key)).toBeNull();
    // A result the run made itself is vouched for by its hash alone; an altered line still is no entry.
    expect((await cache.get(key, { checkSchema: false }))?.figures).toEqual([{ value: 'not a figure' }]);
    const file = entryFile(cache.directory, key);
    await writeFile(file, (await readFile(file, 'utf8')).replace('not a figure', 'not a number'));
    expect(await cache.get(key, { checkSchema: false })).toBeNull();
  });

  it('prunes every entry not kept, and counts them', async () => {
    const cache = new ResultCache(await temporaryDirectory());
    const keys = ['a', 'b', 'c'].map((id) => ResultCache.key({ id }));
    for (const [index, key] of keys.entries()) await cache.write(key, ResultCache.serialize(resultOf(String(index))));
    expect(await cache.prune(new Set([keys[1] as string]))).toBe(2);
    expect([await cache.get(keys[0] as string), (await cache.get(keys[1] as string))?.document.doc_id, await cache.get(keys[2] as string)]).toEqual([
      null,
      '1',
      null,
    ]);
    expect(await new ResultCache(path.join(await temporaryDirectory(), 'never-made')).prune(new Set())).toBe(0);
  });
});

describe('a run over a cache with an altered result', () => {
  it('extracts that document again, replaces its entry and writes the tables of a fresh run', async () => {
    const output = await temporaryDirectory();
    const config = resolveConfig({ input: [path.join(ROOT, 'data', 'raw')], output, workers: 0, report: false });
    expect((await runPipeline(config)).extracted).toBe(5);
    const tables = async (): Promise<string[]> => Promise.all(['mentions.jsonl', 'claims.csv'].map((file) => readFile(path.join(output, file), 'utf8')));
    const before = await tables();
    const cacheDirectory = path.join(output, '.cache');
    const bucket = (await readdir(cacheDirectory)).sort()[0] as string;
    const file = path.join(cacheDirectory, bucket, (await readdir(path.join(cacheDirectory, bucket))).sort()[0] as string);
    const stored = await readFile(file, 'utf8');
    const [head, body] = stored.split('\n') as [string, string];
    const result = JSON.parse(body) as DocumentResult;
    expect(result.mentions.length).toBeGreaterThan(0);
    // Valid JSON, clusters intact, one offset below zero: read as it is, it would reach the tables.
    await writeFile(
      file,
      `${head}\n${JSON.stringify({ ...result, mentions: result.mentions.map((mention, index) => (index === 0 ? { ...mention, start: -1 } : mention)) })}\n`,
    );
    const again = await runPipeline(config);
    expect([again.extracted, again.cached, again.upToDate]).toEqual([1, 4, false]);
    expect(await readFile(file, 'utf8')).toBe(stored);
    expect(await tables()).toEqual(before);
  });
});
