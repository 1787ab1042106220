import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { mergeShards } from '../../src/run/merge-shards.ts';
import { inShard, parseShard } from '../../src/run/shard.ts';
import { filesOf, ROOT, runMain, temporaryDirectory } from '../helpers/run.ts';

const RAW = path.join(ROOT, 'data', 'raw');

/** The tables of an output folder, file name to bytes. */
async function tables(output: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(output)).filter((file) => !file.startsWith('.') && /\.(jsonl|csv)$/.test(file)).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(output, file))] as const)));
}

function expectSameBytes(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of expected) expect(actual.get(file)?.equals(bytes), file).toBe(true);
}

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/8', { index: 2, count: 8 }],
    [' 3/3 ', { index: 3, count: 3 }],
    ['0/3', null],
    ['4/3', null],
    ['1/0', null],
    ['a/3', null],
    ['1-3', null],
    ['', null],
  ])('%j -> %j', (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });
});

describe('inShard', () => {
  it('puts every document in exactly one of N shards, the same way every time', () => {
    const ids = Array.from({ length: 300 }, (_, index) => `feed/2016-${index}`);
    const shardOf = (id: string): number[] => [1, 2, 3, 4].filter((index) => inShard(id, { index, count: 4 }));
    for (const id of ids) expect(shardOf(id)).toHaveLength(1);
    const sizes = [1, 2, 3, 4].map((index) => ids.filter((id) => inShard(id, { index, count: 4 })).length);
    expect(sizes.every((size) => size > 40)).toBe(true);
    expect(ids.map(shardOf)).toEqual(ids.map(shardOf));
  });

  it('takes everything without a shard', () => {
    expect(inShard('anything', null)).toBe(true);
  });
});

describe('scale: workers, cache, shards', () => {
  it('gives the same tables and report with 0 and 2 workers', async () => {
    // Four copies of the samples under other names: 20 documents, several for each worker.
    const input = await temporaryDirectory();
    for (const copy of [1, 2, 3, 4])
      for (const file of await readdir(RAW)) await writeFile(path.join(input, `${copy}-${file}`), await readFile(path.join(RAW, file)));
    const inProcess = await temporaryDirectory();
    const pooled = await temporaryDirectory();
    await runPipeline(resolveConfig({ input: [input], output: inProcess, workers: 0 }));
    const result = await runPipeline(resolveConfig({ input: [input], output: pooled, workers: 2 }));
    expect([result.workerThreads, result.documents.ok]).toEqual([2, 20]);
    expectSameBytes(await tables(pooled), await tables(inProcess));
    const pages = await filesOf(path.join(inProcess, 'report'));
    expect(Object.keys(pages)).toHaveLength(21);
    expect(await filesOf(path.join(pooled, 'report'))).toEqual(pages);
  });

  it("reports the run's CPU time, all threads of the process over the run and nothing before it", async () => {
    const before = process.cpuUsage();
    const result = await runPipeline(resolveConfig({ input: [RAW], output: await temporaryDirectory(), workers: 2, report: false }), { fresh: true });
    const around = process.cpuUsage(before);
    const aroundMilliseconds = (around.user + around.system) / 1000;
    expect(result.cpuMilliseconds).toBeGreaterThan(0.75 * aroundMilliseconds);
    expect(result.cpuMilliseconds).toBeLessThanOrEqual(aroundMilliseconds + 1);
  });

  it('takes unchanged documents from the cache, extracts a changed one again, and gives fresh-run bytes', async () => {
    const input = await temporaryDirectory();
    for (const file of await readdir(RAW)) await writeFile(path.join(input, file), await readFile(path.join(RAW, file)));
    const output = await temporaryDirectory();
    const config = resolveConfig({ input: [input], output, workers: 0, report: false });
    const first = await runPipeline(config);
    expect([first.extracted, first.cached]).toEqual([5, 0]);
    const firstTables = await tables(output);
    const again = await runPipeline(config);
    expect([again.extracted, again.cached]).toEqual([0, 5]);
    expectSameBytes(await tables(output), firstTables);
    await writeFile(path.join(input, '004_71caf6f72882eca0.txt'), 'Gao Zhisheng spoke in Beijing on January 7, 2016.');
    const changed = await runPipeline(config);
    expect([changed.extracted, changed.cached]).toEqual([1, 4]);
    const fresh = await runPipeline(config, { fresh: true });
    expect([fresh.extracted, fresh.cached]).toEqual([5, 0]);
    const freshOutput = await temporaryDirectory();
    await runPipeline(resolveConfig({ input: [input], output: freshOutput, workers: 0, report: false }));
    expectSameBytes(await tables(output), await tables(freshOutput));
  });

  it('keys the cache on the options that shape results only: a speed setting keeps it, a figures option re-extracts', async () => {
    const output = await temporaryDirectory();
    const options = { input: [RAW], output, workers: 0, report: false } as const;
    expect((await runPipeline(resolveConfig(options))).extracted).toBe(5);
    const faster = await runPipeline(resolveConfig({ ...options, load: { concurrency: 2 } }));
    expect([faster.extracted, faster.cached]).toEqual([0, 5]);
    const decimalComma = await runPipeline(resolveConfig({ ...options, extractFigures: { decimalSeparator: ',' } }));
    expect([decimalComma.extracted, decimalComma.cached]).toEqual([5, 0]);
  });

  it('writes nothing when nothing changed, and everything again when a file is missing, the report is asked for, or with --fresh', async () => {
    const input = await temporaryDirectory();
    for (const file of await readdir(RAW)) await writeFile(path.join(input, file), await readFile(path.join(RAW, file)));
    await writeFile(path.join(input, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const output = await temporaryDirectory();
    const config = resolveConfig({ input: [input], output, workers: 0, report: false });
    const first = await runPipeline(config);
    expect([first.upToDate, first.documents]).toEqual([false, { ok: 5, failed: 0, skipped: 1 }]);
    const manifest = await readFile(path.join(output, 'manifest.json'), 'utf8');
    const firstTables = await tables(output);

    const again = await runPipeline(config);
    expect([again.upToDate, again.extracted, again.cached]).toEqual([true, 0, 6]);
    expect([again.documents, again.counts, again.problems, again.words]).toEqual([first.documents, first.counts, first.problems, first.words]);
    expect(await readFile(path.join(output, 'manifest.json'), 'utf8')).toBe(manifest);
    expectSameBytes(await tables(output), firstTables);

    await rm(path.join(output, 'claims.csv'));
    const repaired = await runPipeline(config);
    expect(repaired.upToDate).toBe(false);
    expectSameBytes(await tables(output), firstTables);

    const reported = await runPipeline(resolveConfig({ input: [input], output, workers: 0, report: true }));
    expect([reported.upToDate, existsSync(path.join(output, 'report', 'index.html'))]).toEqual([false, true]);
    expect((await runPipeline(resolveConfig({ input: [input], output, workers: 0, report: true }))).upToDate).toBe(true);
    expect((await runPipeline(config, { fresh: true })).upToDate).toBe(false);
  });

  it('merges 3 shards into tables byte-identical to one run', async () => {
    const single = await temporaryDirectory();
    await runPipeline(resolveConfig({ input: [RAW], output: single, workers: 0, report: false }));
    const shards = await Promise.all([1, 2, 3].map(() => temporaryDirectory()));
    const shardDocuments = [];
    for (const [index, output] of shards.entries()) {
      const result = await runPipeline(resolveConfig({ input: [RAW], output, workers: 0, report: false }), { shard: { index: index + 1, count: 3 } });
      shardDocuments.push(result.documents.ok);
    }
    expect(shardDocuments.reduce((sum, count) => sum + count, 0)).toBe(5);
    const merged = await temporaryDirectory();
    const result = await mergeShards(shards, resolveConfig({ output: merged, report: false }));
    expect(result.documents).toEqual({ ok: 5, failed: 0, skipped: 0 });
    expectSameBytes(await tables(merged), await tables(single));
  });

  it('merges from the command line, and refuses a folder that is not a run output', async () => {
    const shards = await Promise.all([1, 2].map(() => temporaryDirectory()));
    for (const [index, output] of shards.entries()) {
      const { code } = await runMain(['extract', RAW, '--out', output, '--shard', `${index + 1}/2`, '--workers', '0']);
      expect(code).toBe(0);
    }
    const merged = await temporaryDirectory();
    const { code, stderr } = await runMain(['merge', ...shards, '--out', merged]);
    expect(code).toBe(0);
    expect(stderr).toContain('quarry: 5 ok, 0 failed, 0 skipped');
    const notARun = await temporaryDirectory();
    const refused = await runMain(['merge', notARun, '--out', merged]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not the output folder of a quarry extract run');
  });

  it.each([0, 2])('fails a JSONL record whose id an earlier document took, and keeps the first (%i workers)', async (workers) => {
    const input = await temporaryDirectory();
    await writeFile(path.join(input, 'feed.jsonl'), '{"id":"same","text":"Li Dayong spoke."}\n{"id":"same","text":"Gao spoke."}\n');
    const output = await temporaryDirectory();
    const result = await runPipeline(resolveConfig({ input: [input], output, workers, report: false }));
    expect(result.workerThreads).toBe(workers);
    expect(result.documents).toEqual({ ok: 1, failed: 1, skipped: 0 });
    const rows = (await readFile(path.join(output, 'documents.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { doc_id: string; status: string; error: string | null });
    expect(rows.map(({ doc_id, status, error }) => [doc_id, status, error])).toEqual([
      ['same', 'ok', null],
      [
        'feed.jsonl:2',
        'failed',
        'LOAD_DUPLICATE_ID: feed.jsonl:2: doc_id "same" is already taken by an earlier document; this one is left out as "feed.jsonl:2". Give each record a distinct "id"',
      ],
    ]);
  });
});
