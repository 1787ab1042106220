import { ReportWriter } from '../report/index.ts';
import type { SinkStage } from '../stage.ts';

/**
 * Writes the review report (static HTML pages) into `<output>/report` as the
 * resolved rows stream by: each document's page when it comes, the corpus
 * view once the entities are final. `report: false` turns it off.
 */
export const report: SinkStage = {
  kind: 'sink',
  name: 'report',
  requires: ['document.rows', 'corpus.entities'],
  assigns: ['report in config.output'],
  async open(config, names) {
    const writer = config.report ? await ReportWriter.open(config.output) : null;
    return {
      async add(result) {
        await writer?.add(result, names);
      },
      async close(entities) {
        await writer?.close(entities);
      },
      async abort() {
        await writer?.abort();
      },
    };
  },
};
