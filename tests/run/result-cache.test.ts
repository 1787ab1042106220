import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/run/document-result.ts';
import { ResultCache } from '../../src/run/result-cache.ts';
import { temporaryDirectory } from '../helpers/run.ts';

/** A small result: what is stored does not have to be a real document's for the cache's own behaviour. */
function resultOf(id: string): DocumentResult {
  return {
    document: { doc_id: id } as DocumentResult['document'],
    passages: [],
    mentions: [],
    dates: [],
    figures: [],
    claims: [],
    clusters: [{ name: `${id} name`, type: 'person' } as unknown as DocumentResult['clusters'][number]],
  };
}

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
    const cutFile = path.join(directory, cut.slice(0, 2), `${cut}.json`);
    await writeFile(cutFile, (await readFile(cutFile, 'utf8')).slice(0, -20));
    await writeFile(path.join(directory, garbled.slice(0, 2), `${garbled}.json`), '[{"name":\n{"document":\n');
    expect([await cache.get(cut), await cache.clusters(cut)]).toEqual([null, null]);
    expect([await cache.get(garbled), await cache.clusters(garbled)]).toEqual([null, null]);
  });

  it('prunes every entry not kept, and counts them', async () => {
    const cache = new ResultCache(await temporaryDirectory());
    const keys = ['a', 'b', 'c'].map((id) => ResultCache.key({ id }));
    for (const [index, key] of keys.entries()) await cache.write(key, ResultCache.serialize(resultOf(String(index))));
    expect(await cache.prune(new Set([keys[1] as string]))).toBe(2);
    expect([await cache.get(keys[0] as string), (await cache.get(keys[1] as string))?.document.doc_id, await cache.get(keys[2] as string)]).toEqual([null, '1', null]);
    expect(await new ResultCache(path.join(await temporaryDirectory(), 'never-made')).prune(new Set())).toBe(0);
  });
});
