import { writeReport } from '../report/index.ts';
import { TABLE_NAMES, type TableRows } from '../schemas/index.ts';
import type { SinkStage } from '../stage.ts';

/**
 * Writes the review report (static HTML pages) into `<output>/report` from
 * the rows the write stage commits, once the entities are final; `report:
 * false` turns it off. The rows are kept as they stream by rather than read
 * back from the table files.
 */
export const report: SinkStage = {
  kind: 'sink',
  name: 'report',
  requires: ['document.rows', 'corpus.entities'],
  assigns: ['report in config.output'],
  async open(config) {
    const tables = Object.fromEntries(TABLE_NAMES.map((table) => [table, []])) as unknown as TableRows;
    return {
      async add(result) {
        if (!config.report) return;
        tables.documents.push(result.document);
        for (const passage of result.passages) tables.passages.push(passage);
        for (const mention of result.mentions) tables.mentions.push(mention);
        for (const date of result.dates) tables.dates.push(date);
        for (const figure of result.figures) tables.figures.push(figure);
        for (const claim of result.claims) tables.claims.push(claim);
      },
      async close(entities) {
        if (config.report) await writeReport({ ...tables, entities: [...entities] }, config.output);
      },
      async abort() {},
    };
  },
};
