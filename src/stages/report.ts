import { writeReport } from '../report/index.ts';
import type { SinkStage } from '../stage.ts';

/** Writes the review report (static HTML pages) into `<output>/report` after the tables; `report: false` turns it off. */
export const report: SinkStage = {
  kind: 'sink',
  name: 'report',
  requires: ['corpus.tables'],
  assigns: ['report in config.output'],
  async run(corpus, config) {
    if (!config.report) return;
    if (corpus.tables === null) throw new Error('report needs the validated tables: run validate first');
    await writeReport(corpus.tables, config.output);
  },
};
