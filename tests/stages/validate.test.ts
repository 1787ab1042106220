import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { renderDiagnostic } from '../../src/diagnostics.ts';
import { createDocument, type PipelineDocument } from '../../src/document.ts';
import { runDocumentStages } from '../../src/run/extract-document.ts';
import type { ClaimRow } from '../../src/schemas/index.ts';
import { DOCUMENT_STAGES } from '../../src/stages/index.ts';
import { validate } from '../../src/stages/validate.ts';

const CONFIG = resolveConfig({});

function extracted(text: string, stages = DOCUMENT_STAGES): PipelineDocument {
  const document = createDocument({ id: 'd', source: 'd.txt', format: 'txt', sha256: '0'.repeat(64), text });
  runDocumentStages(document, stages, CONFIG, {});
  return document;
}

/** The speaker columns of each claim row, with the name of the entity the speaker's local reference points at. */
function speakers(text: string): [string, string | null, number | null, number | null, string | null][] {
  const document = extracted(text);
  expect(document.error).toBeNull();
  const entityName = (reference: string | null): string | null =>
    reference === null ? null : (document.entityClusters[Number(reference.slice(1))]?.name ?? reference);
  return (document.rows?.claims ?? []).map((row: ClaimRow) => [row.text, row.speaker, row.speaker_start, row.speaker_end, entityName(row.speaker_entity_id)]);
}

describe('validate: claim rows with verifiable speakers', () => {
  it.each<[string, string, ReturnType<typeof speakers>]>([
    [
      'an honorific outside the speaker, and its entity found ("Lord")',
      'David Cameron visited Paris on Monday.\n\n“This is a test,” said Lord David Cameron.',
      [['This is a test,', 'David Cameron', 68, 81, 'David Cameron']],
    ],
    [
      'a pronoun speaker: the offsets and the entity of the name it resolves to',
      'Li Dayong, a lawyer, spoke to reporters outside the court.\n\n“We will appeal,” he said.',
      [['We will appeal,', 'Li Dayong', 0, 9, 'Li Dayong']],
    ],
    [
      'code point offsets after an emoji (one code point, two UTF-16 units)',
      '😀 Li Dayong, a lawyer, spoke to reporters outside the court.\n\n“We will appeal,” he said.',
      [['We will appeal,', 'Li Dayong', 2, 11, 'Li Dayong']],
    ],
    [
      'a description is no entity, though it names a place',
      'A senior official in Jiaozuo City said that many officials had quit.',
      [['many officials had quit', 'A senior official in Jiaozuo City', 0, 33, null]],
    ],
  ])('%s', (_name, text, expected) => {
    expect(speakers(text)).toEqual(expected);
  });

  it('fails a document whose speaker is not the text at its span, as a bug in quarry', () => {
    const validate = DOCUMENT_STAGES.at(-1);
    expect(validate?.name).toBe('validate');
    const document = extracted('Li Dayong, a lawyer, spoke to reporters outside the court.\n\n“We will appeal,” he said.', DOCUMENT_STAGES.slice(0, -1));
    const claim = document.claims[0];
    expect(claim?.speaker).toBe('Li Dayong');
    if (claim !== undefined) claim.speakerSpan = { start: 1, end: 9 };
    validate?.run(document, CONFIG);
    expect(document.status).toBe('failed');
    expect(document.error).toEqual({
      code: 'ROW_INVALID',
      severity: 'error',
      source: 'd.txt',
      line: null,
      reason:
        'claims row 1: speaker_start: the speaker "Li Dayong" is not the text at its span. This is a bug in quarry, not in the file: please report it with this document',
      prefixed: true,
    });
  });
});

describe('validate: rows against their schemas', () => {
  const TEXT = 'Li Dayong, a lawyer, spoke to reporters in Beijing on 7 January 2016.\n\n“We will appeal,” he said.';
  /** The document as the stages before validate leave it. */
  const beforeValidate = (): PipelineDocument =>
    extracted(
      TEXT,
      DOCUMENT_STAGES.filter((stage) => stage !== validate),
    );

  it('keeps the rows of a good document and leaves everything else as it was', () => {
    const document = beforeValidate();
    const extractions = (): unknown =>
      structuredClone({
        passages: document.passages,
        mentions: document.mentions,
        dates: document.dates,
        claims: document.claims,
        entityClusters: document.entityClusters,
      });
    const before = extractions();
    validate.run(document, CONFIG);
    expect([document.status, document.error, document.warnings]).toEqual(['ok', null, []]);
    expect(extractions()).toEqual(before);
    const rows = document.rows;
    expect(rows?.passages.map((row) => [row.passage_id, row.start, row.end])).toEqual([
      ['d#p0', 0, 69],
      ['d#p1', 71, 97],
    ]);
    expect(rows?.mentions.map((row) => [row.mention_id, row.passage_id, row.entity_id, row.type, row.text, row.start, row.end])).toEqual([
      ['d#m0', 'd#p0', '#0', 'person', 'Li Dayong', 0, 9],
      ['d#m1', 'd#p0', '#1', 'place', 'Beijing', 43, 50],
    ]);
    expect(rows?.dates.map((row) => [row.date_id, row.text, row.value, row.granularity])).toEqual([['d#d0', '7 January 2016', '2016-01-07', 'day']]);
    expect(rows?.claims.map((row) => [row.claim_id, row.passage_id, row.speaker, row.speaker_entity_id, row.entity_ids, row.date_ids])).toEqual([
      ['d#c0', 'd#p1', 'Li Dayong', '#0', [], []],
    ]);
  });

  it('fails a document with a bad row, naming every issue of the row', () => {
    const document = beforeValidate();
    const date = document.dates[0];
    expect(date?.text).toBe('7 January 2016');
    if (date !== undefined) Object.assign(date, { startDate: '2016-02-30', granularity: 'fortnight' });
    validate.run(document, CONFIG);
    expect([document.status, document.rows, document.mentions]).toEqual(['failed', undefined, []]);
    expect(document.error === null ? null : renderDiagnostic(document.error)).toBe(
      'ROW_INVALID: d.txt: dates row 1: ✖ not a day of the calendar → at start_date ✖ Invalid option: expected one of "day"|"week"|"month"|"quarter"|"year"|"decade"|"century" → at granularity. This is a bug in quarry, not in the file: please report it with this document',
    );
  });
});
