import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../src/stage.ts';
import { runPipeline } from '../src/pipeline.ts';
import { STAGES } from '../src/stages/index.ts';
import { resolveConfig } from '../src/config.ts';
import { CHECKER, ROOT, readTable, runCli, runOn, temporaryDirectory } from './helpers/run.ts';

const RAW = path.join(ROOT, 'data', 'raw');
const SPAN_TABLES = ['passages', 'mentions', 'dates', 'figures', 'claims'] as const;

describe('a run over data/raw', () => {
  let output: string;
  beforeAll(async () => {
    ({ output } = await runOn([RAW]));
  });

  it('accounts for every input file with status ok', async () => {
    const files = (await readdir(RAW)).sort();
    const documents = await readTable<{ source: string; status: string }>(output, 'documents');
    expect(documents.map((document) => document.source)).toEqual(files);
    expect(documents.map((document) => document.status)).toEqual(files.map(() => 'ok'));
  });

  it('keeps the offset invariant on every row: the code point slice of the text equals the row text', async () => {
    const documents = await readTable<{ doc_id: string; text: string }>(output, 'documents');
    const codePoints = new Map(documents.map((document) => [document.doc_id, [...document.text]]));
    let checked = 0;
    for (const table of SPAN_TABLES) {
      for (const row of await readTable<{ doc_id: string; start: number; end: number; text: string }>(output, table)) {
        const characters = codePoints.get(row.doc_id) as string[];
        expect(characters.slice(row.start, row.end).join(''), `${table} ${JSON.stringify(row).slice(0, 120)}`).toBe(row.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('gives passages that cover every non-space character of each document', async () => {
    const documents = await readTable<{ doc_id: string; text: string }>(output, 'documents');
    const passages = await readTable<{ doc_id: string; text: string }>(output, 'passages');
    for (const document of documents) {
      const joined = passages
        .filter((passage) => passage.doc_id === document.doc_id)
        .map((passage) => passage.text)
        .join('');
      expect(joined.replace(/\s+/g, '')).toBe(document.text.replace(/\s+/g, ''));
    }
  });

  it.skipIf(!existsSync(CHECKER))('passes the contract checker', async () => {
    const { execFileSync } = await import('node:child_process');
    const report = execFileSync(process.execPath, [CHECKER, output], { encoding: 'utf8' });
    expect(report.trim().split('\n').at(-1)).toMatch(/^ok: 0 problems/);
  });

  it('writes a JSON Schema per table and a manifest with counts', async () => {
    const schemas = (await readdir(path.join(output, 'schema'))).sort();
    expect(schemas).toEqual(
      ['claim_links', 'claims', 'dates', 'documents', 'entities', 'figures', 'mentions', 'passages'].map((table) => `${table}.schema.json`),
    );
    const manifest = JSON.parse(await readFile(path.join(output, 'manifest.json'), 'utf8')) as {
      counts: Record<string, number>;
      documents: Record<string, number>;
    };
    expect(manifest.documents).toEqual({ ok: 5, failed: 0, skipped: 0 });
    expect(manifest.counts.documents).toBe(5);
    expect(manifest.counts.mentions).toBe((await readTable(output, 'mentions')).length);
    expect(manifest.counts.claim_links).toBe((await readTable(output, 'claim_links')).length);
  });

  it("times the document stages and the main thread's phases in the manifest", async () => {
    const { timings } = JSON.parse(await readFile(path.join(output, 'manifest.json'), 'utf8')) as {
      timings: { total_ms: number; stage_ms: Record<string, number>; serialize_ms: number; phase_ms: Record<string, number> };
    };
    const documentStages = STAGES.filter((stage) => stage.kind === 'document').map((stage) => stage.name);
    expect(Object.keys(timings.stage_ms)).toEqual([...documentStages].sort());
    expect(Object.keys(timings.phase_ms)).toEqual([
      'cache_read',
      'cache_write',
      'first_pass',
      'link_entities',
      'prepare',
      'read_inputs',
      'report',
      'second_pass',
      'wait_for_extraction',
      'write',
    ]);
    for (const milliseconds of [...Object.values(timings.stage_ms), ...Object.values(timings.phase_ms), timings.serialize_ms])
      expect(Number.isInteger(milliseconds) && milliseconds >= 0).toBe(true);
    const { first_pass: firstPass = 0, second_pass: secondPass = 0, read_inputs: readInputs = 0, write = 0, report = 0 } = timings.phase_ms;
    expect(readInputs).toBeLessThanOrEqual(firstPass);
    expect(write + report).toBeLessThanOrEqual(secondPass + 2);
    expect(firstPass + secondPass).toBeLessThanOrEqual(timings.total_ms + 2);
  });
});

describe('determinism', () => {
  it('gives byte-identical tables on two runs of the same input and config', async () => {
    const first = await runOn([RAW]);
    const second = await runOn([RAW]);
    const files = (await readdir(first.output)).filter((file) => !file.startsWith('.') && (file.endsWith('.jsonl') || file.endsWith('.csv'))).sort();
    expect(files).toHaveLength(16);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(first.output, file)), readFile(path.join(second.output, file))]);
      expect(a.equals(b), file).toBe(true);
    }
  });
});

describe('a document that fails', () => {
  it('is reported while the other documents still land', async () => {
    const input = await temporaryDirectory();
    await writeFile(path.join(input, 'a.txt'), 'Li Dayong spoke in Beijing on January 7, 2016.');
    await writeFile(path.join(input, 'b.txt'), 'Doomed text.');
    await writeFile(path.join(input, 'c.txt'), 'Gao Zhisheng was nominated for the prize three times.');
    const explode: Stage = {
      kind: 'document',
      name: 'explode',
      requires: ['document.text'],
      assigns: [],
      run(document) {
        if (document.text.startsWith('Doomed')) throw new Error('boom');
      },
    };
    const stages = [...STAGES.slice(0, 2), explode, ...STAGES.slice(2)];
    const output = await temporaryDirectory();
    const result = await runPipeline(resolveConfig({ input: [input], output, progress: 'never' }), { stages });
    expect(result.documents).toEqual({ ok: 2, failed: 1, skipped: 0 });
    const documents = await readTable<{ doc_id: string; status: string; error: string | null }>(output, 'documents');
    expect(documents.map(({ doc_id, status, error }) => [doc_id, status, error])).toEqual([
      ['a', 'ok', null],
      ['b', 'failed', 'STAGE_FAILED: b.txt: stage explode failed: boom. This is a bug in quarry, not in the file: please report it with this document'],
      ['c', 'ok', null],
    ]);
    const passages = await readTable<{ doc_id: string }>(output, 'passages');
    expect([...new Set(passages.map((passage) => passage.doc_id))]).toEqual(['a', 'c']);
  });

  it('makes the CLI exit 1 and still write the good documents (a broken JSONL line)', async () => {
    const input = await temporaryDirectory();
    await writeFile(
      path.join(input, 'feed.jsonl'),
      '{"id":"one","text":"Ms. Li Dayong said that many people wanted to quit."}\n{not json\n{"text":"Gao spoke."}\n',
    );
    const output = await temporaryDirectory();
    const { code, stderr } = await runCli(['extract', input, '--out', output]);
    expect(code).toBe(1);
    expect(stderr).toContain('2 ok, 1 failed, 0 skipped');
    const documents = await readTable<{ doc_id: string; status: string; source: string }>(output, 'documents');
    expect(documents.map(({ doc_id, status, source }) => [doc_id, status, source])).toEqual([
      ['one', 'ok', 'feed.jsonl:1'],
      ['feed:2', 'failed', 'feed.jsonl:2'],
      ['feed:3', 'ok', 'feed.jsonl:3'],
    ]);
  });
});

describe('the stages option and the up-to-date check', () => {
  /** An input folder of one short document. */
  async function oneDocument(): Promise<string> {
    const input = await temporaryDirectory();
    await writeFile(path.join(input, 'a.txt'), 'Li Dayong spoke in Beijing on January 7, 2016.');
    return input;
  }

  it('runs given stages in the main thread whatever config.workers says, and writes over an up-to-date folder unless told not to', async () => {
    const config = resolveConfig({ input: [await oneDocument()], output: await temporaryDirectory(), workers: 2, progress: 'never', report: false });
    const first = await runPipeline(config, { stages: STAGES });
    expect([first.extracted, first.workerThreads, first.upToDate]).toEqual([1, 0, false]);
    const again = await runPipeline(config, { stages: STAGES });
    expect([again.extracted, again.cached, again.upToDate]).toEqual([0, 1, false]);
    const skipped = await runPipeline(config, { stages: STAGES, skipWhenUpToDate: true });
    expect([skipped.extracted, skipped.cached, skipped.upToDate]).toEqual([0, 1, true]);
  });

  it('leaves an up-to-date folder as it is by default, and writes it again with skipWhenUpToDate: false', async () => {
    const config = resolveConfig({ input: [await oneDocument()], output: await temporaryDirectory(), workers: 0, progress: 'never', report: false });
    await runPipeline(config);
    const table = path.join(config.output, 'documents.jsonl');
    const written = await readFile(table, 'utf8');
    await writeFile(table, 'edited by hand\n');
    expect((await runPipeline(config)).upToDate).toBe(true);
    expect(await readFile(table, 'utf8')).toBe('edited by hand\n');
    expect((await runPipeline(config, { skipWhenUpToDate: false })).upToDate).toBe(false);
    expect(await readFile(table, 'utf8')).toBe(written);
  });
});
