import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { rowsByDocument, writeReport } from '../../src/report/index.ts';
import type { ReportTables } from '../../src/report/read-tables.ts';
import type { DocumentRows } from '../../src/run/document-result.ts';
import { report } from '../../src/stages/report.ts';
import { filesOf, temporaryDirectory } from '../helpers/run.ts';
import { sampleTables } from '../report/fixtures.ts';

/** The tables as the pipeline streams them to its sinks: each document's rows, in order. */
function resultsOf(tables: ReportTables): DocumentRows[] {
  return [...rowsByDocument(tables).values()];
}

describe('the report stage', () => {
  it('is a sink of the resolved rows and the final entities', () => {
    expect([report.kind, report.name, report.requires]).toEqual(['sink', 'report', ['document.rows', 'corpus.entities']]);
  });

  it('writes the report of the rows streamed to it, the same as writeReport on the whole tables', async () => {
    const tables = sampleTables();
    const output = await temporaryDirectory();
    const sink = await report.open(resolveConfig({ output }), new Map(tables.entities.map((entity) => [entity.entity_id, entity])));
    for (const result of resultsOf(tables)) await sink.add(result);
    await sink.close(tables.entities, {});
    const expected = await temporaryDirectory();
    await writeReport(tables, expected);
    const written = await filesOf(path.join(output, 'report'));
    expect(Object.keys(written)).toContain(path.join('documents', 'broken.html'));
    expect(written).toEqual(await filesOf(path.join(expected, 'report')));
  });

  it('leaves no report and no staging folder when the run is aborted', async () => {
    const tables = sampleTables();
    const output = await temporaryDirectory();
    const sink = await report.open(resolveConfig({ output }), new Map());
    for (const result of resultsOf(tables)) await sink.add(result);
    await sink.abort();
    expect(await readdir(output)).toEqual([]);
  });

  it('with report: false writes no report', async () => {
    const tables = sampleTables();
    const output = await temporaryDirectory();
    const sink = await report.open(resolveConfig({ output, report: false }), new Map());
    for (const result of resultsOf(tables)) await sink.add(result);
    await sink.close(tables.entities, {});
    expect(existsSync(path.join(output, 'report'))).toBe(false);
  });

  it('is on by default', () => {
    expect(resolveConfig({}).report).toBe(true);
  });
});
