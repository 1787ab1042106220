import { readTables, writeReport } from '../report/index.ts';
import type { SinkStage } from '../stage.ts';

/**
 * Writes the review report (static HTML pages) into `<output>/report` from
 * the tables the write stage has just committed; `report: false` turns it off.
 */
export const report: SinkStage = {
  kind: 'sink',
  name: 'report',
  requires: ['files in config.output'],
  assigns: ['report in config.output'],
  async open(config) {
    return {
      async add() {},
      async close() {
        if (config.report) await writeReport(await readTables(config.output), config.output);
      },
      async abort() {},
    };
  },
};
