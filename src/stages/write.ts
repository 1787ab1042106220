import { claimLinkRows } from '../output/claim-links.ts';
import { TableWriter } from '../output/table-writer.ts';
import type { SinkStage } from '../stage.ts';
import { writeOptions } from './options/write.ts';

/**
 * Streams the validated rows of every document into the tables as they come,
 * in input order, then writes the entities table, the JSON Schemas and the
 * manifest, and renames the complete files into the output folder.
 */
export const write: SinkStage = {
  kind: 'sink',
  name: 'write',
  options: writeOptions,
  requires: ['document.rows', 'corpus.entities'],
  assigns: ['files in config.output'],
  async open(config) {
    const writer = await TableWriter.open(config.output, { csvBom: config.write.csvBom });
    return {
      async add(result) {
        await writer.append('documents', [result.document]);
        await writer.append('passages', result.passages);
        await writer.append('mentions', result.mentions);
        await writer.append('dates', result.dates);
        await writer.append('figures', result.figures);
        await writer.append('claims', result.claims);
        await writer.append('claim_links', claimLinkRows(result.claims));
      },
      async close(entities, manifest) {
        await writer.append('entities', [...entities]);
        await writer.commit(manifest);
      },
      abort: () => writer.abort(),
    };
  },
};
