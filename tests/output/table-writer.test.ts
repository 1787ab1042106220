import { existsSync } from 'node:fs';
import fsPromises, { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE_MARKER, STAGING_PREFIX, TableWriter } from '../../src/output/table-writer.ts';
import { TABLE_NAMES, type TableRows } from '../../src/schemas/index.ts';
import { temporaryDirectory } from '../helpers/run.ts';
import { sampleTables } from '../report/fixtures.ts';

/** Fault injection: the rename or rm call numbered `failAt` (counted from 0 while armed) throws, as if the process died there. */
const faults = { armed: false, calls: 0, failAt: -1 };

const faulty =
  <Arguments extends unknown[], Result>(operation: (...parameters: Arguments) => Promise<Result>) =>
  async (...parameters: Arguments): Promise<Result> => {
    if (faults.armed && faults.calls++ === faults.failAt) throw new Error('simulated kill');
    return operation(...parameters);
  };

// The writer's rename and rm are replaced on node:fs/promises itself, and syncBuiltinESMExports passes the change to
// the module's named imports: a module mock would miss a table writer that another file of the unit project (which
// shares loaded modules between files) loaded first.
const { rename, rm } = fsPromises;
beforeAll(() => {
  Object.assign(fsPromises, { rename: faulty(rename), rm: faulty(rm) });
  syncBuiltinESMExports();
});
afterAll(() => {
  Object.assign(fsPromises, { rename, rm });
  syncBuiltinESMExports();
});

const TABLE_FILES = [...TABLE_NAMES.flatMap((table) => [`${table}.jsonl`, `${table}.csv`]), ...TABLE_NAMES.map((table) => `schema/${table}.schema.json`)];

async function writeSet(folder: string, tables: TableRows, run: string): Promise<void> {
  const writer = await TableWriter.open(folder);
  for (const table of TABLE_NAMES) await writer.append(table, tables[table]);
  await writer.commit({ run });
}

async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of [...TABLE_FILES, COMPLETE_MARKER])
    if (existsSync(path.join(folder, file))) files.set(file, await readFile(path.join(folder, file), 'utf8'));
  return files;
}

/** The previous run: the sample tables with one passage and no claims, so most files differ from the next run's. */
function previousTables(): TableRows {
  const tables = sampleTables();
  return {
    ...tables,
    passages: tables.passages.slice(0, 1),
    claims: [],
    claim_links: [],
    documents: tables.documents.map((document) => ({ ...document, title: 'previous' })),
  };
}

describe('TableWriter.commit', () => {
  it('replaces the previous set and leaves no staging folder', async () => {
    const folder = await temporaryDirectory();
    await writeSet(folder, previousTables(), 'previous');
    await writeSet(folder, sampleTables(), 'next');
    expect(JSON.parse(await readFile(path.join(folder, COMPLETE_MARKER), 'utf8'))).toEqual({ run: 'next' });
    expect((await readdir(folder)).filter((entry) => entry.startsWith(STAGING_PREFIX))).toEqual([]);
  });

  it('removes staging folders left by killed runs when it opens', async () => {
    const folder = await temporaryDirectory();
    await mkdir(path.join(folder, `${STAGING_PREFIX}999999`, 'schema'), { recursive: true });
    await writeFile(path.join(folder, `${STAGING_PREFIX}999999`, 'documents.jsonl'), '{"truncated');
    await writeSet(folder, sampleTables(), 'next');
    expect((await readdir(folder)).filter((entry) => entry.startsWith(STAGING_PREFIX))).toEqual([]);
  });

  it('drops its staging folder on abort and leaves the previous set as it was', async () => {
    const folder = await temporaryDirectory();
    await writeSet(folder, previousTables(), 'previous');
    const before = await snapshot(folder);
    const writer = await TableWriter.open(folder);
    await writer.append('documents', sampleTables().documents);
    await writer.abort();
    expect(await snapshot(folder)).toEqual(before);
    expect((await readdir(folder)).filter((entry) => entry.startsWith(STAGING_PREFIX))).toEqual([]);
  });

  // Every rm and rename of the switch (each file out, each file in, then the staging folder), one at a time: the state a kill at that instant leaves.
  const SWITCH_STEPS = (TABLE_FILES.length + 1) * 2 + 1;
  describe('a kill during the switch', () => {
    // The two sets are the same at every step: written once, the previous one copied into each step's folder.
    let previousSet: string;
    let previous: Map<string, string>;
    let next: Map<string, string>;
    beforeAll(async () => {
      previousSet = await temporaryDirectory();
      await writeSet(previousSet, previousTables(), 'previous');
      previous = await snapshot(previousSet);
      const reference = await temporaryDirectory();
      await writeSet(reference, sampleTables(), 'next');
      next = await snapshot(reference);
    });

    it.each(Array.from({ length: SWITCH_STEPS }, (_, step) => [step]))(
      "a kill at step %i of the switch leaves one run's complete files, never a mix, and manifest.json only with the whole set",
      async (step) => {
        const folder = await temporaryDirectory();
        await cp(previousSet, folder, { recursive: true });
        const writer = await TableWriter.open(folder);
        for (const table of TABLE_NAMES) await writer.append(table, sampleTables()[table]);
        Object.assign(faults, { armed: true, calls: 0, failAt: step });
        await expect(writer.commit({ run: 'next' })).rejects.toThrow('simulated kill');
        faults.armed = false;

        const after = await snapshot(folder);
        const sources = new Set<string>();
        for (const [file, content] of after) {
          const fromPrevious = previous.get(file) === content;
          const fromNext = next.get(file) === content;
          expect(fromPrevious || fromNext, `${file} is neither the previous nor the next version`).toBe(true);
          if (fromPrevious !== fromNext) sources.add(fromPrevious ? 'previous' : 'next');
        }
        expect(sources.size, `a mix of runs: ${[...after.keys()].join(', ')}`).toBeLessThanOrEqual(1);
        if (after.has(COMPLETE_MARKER)) expect([...after.keys()].sort()).toEqual([...TABLE_FILES, COMPLETE_MARKER].sort());
      },
    );
  });
});
