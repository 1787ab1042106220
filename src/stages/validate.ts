import { z } from 'zod';
import type { PipelineDocument } from '../document.ts';
import { failDocument } from '../document.ts';
import { diagnosticAt } from '../diagnostics.ts';
import { documentRow, documentRows } from '../output/rows.ts';
import { MessageCode, TABLE_SCHEMAS, type TableName, type TableRows } from '../schemas/index.ts';
import type { DocumentStage } from '../stage.ts';

/**
 * The first row of a set of rows that fails its schema, with every issue zod
 * found in it, as "table row n: ✖ message → at path ✖ …" on one line (a
 * document's error is one line), or null.
 */
function invalidRow(tables: Partial<TableRows>): string | null {
  for (const [table, rows] of Object.entries(tables) as [TableName, unknown[]][]) {
    for (const [index, row] of rows.entries()) {
      const result = TABLE_SCHEMAS[table].safeParse(row);
      if (!result.success)
        return `${table} row ${index + 1}: ${z
          .prettifyError(result.error)
          .split('\n')
          .map((line) => line.trim())
          .join(' ')}`;
    }
  }
  return null;
}

/**
 * The first claim whose speaker cannot be checked against the text, or null:
 * a speaker's span must lie within the document and hold the speaker's
 * words (a resolved speaker is named as the mention it resolves to).
 */
function speakerSpanProblem(document: PipelineDocument): string | null {
  for (const [index, claim] of document.claims.entries()) {
    const span = claim.speakerSpan;
    if (claim.speaker === null || span === null) continue;
    const inside = span.start < span.end && span.end <= document.text.length;
    if (!inside || document.text.slice(span.start, span.end) !== claim.speaker) {
      return `claims row ${index + 1}: speaker_start: the speaker "${claim.speaker}" is not the text at its span`;
    }
  }
  return null;
}

/**
 * Checks the document's rows (built by src/output/rows.ts) against their zod
 * schemas, and each speaker against the words its span points at, and
 * keeps them on the document. A document with an invalid row is marked
 * failed and its rows are left out, so what is written always passes the
 * contract.
 */
export const validate: DocumentStage = {
  kind: 'document',
  name: 'validate',
  requires: ['document.passages', 'document.mentions', 'document.dates', 'document.figures', 'document.claims', 'document.entityClusters'],
  assigns: ['document.rows'],
  run(document) {
    const rows = documentRows(document);
    const problem = speakerSpanProblem(document) ?? invalidRow({ ...rows, documents: [documentRow(document)] });
    if (problem === null) document.rows = rows;
    else
      failDocument(
        document,
        diagnosticAt(
          'error',
          MessageCode.ROW_INVALID,
          { source: document.source, line: null },
          `${problem}. This is a bug in quarry, not in the file: please report it with this document`,
        ),
      );
  },
};
