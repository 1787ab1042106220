import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClaimRow, DateRow, DocumentRow, EntityRow, FigureRow, MentionRow, PassageRow, TableRows } from '../../src/schemas/index.ts';
import { claimLinkRows } from '../../src/output/claim-links.ts';
import type { ReportTables } from '../../src/report/read-tables.ts';

/** Code point offsets of the first occurrence of `part` in `text`, as the tables give them. */
export function span(text: string, part: string): { text: string; start: number; end: number } {
  const index = text.indexOf(part);
  if (index === -1) throw new Error(`${part} is not in the text`);
  const start = [...text.slice(0, index)].length;
  return { text: part, start, end: start + [...part].length };
}

/** The text of the ok document: a heading, a paragraph with a claim holding a mention, a figure and a date, and markup to escape. */
export const TEXT = 'Quitting 😀 <the> Party\n\nMs. Li Dayong said that 47 practitioners were released on January 7, 2016.\n\nGao said "Tom & Jerry".';

function documentRow(doc_id: string, overrides: Partial<DocumentRow>): DocumentRow {
  return {
    doc_id,
    source: `${doc_id}.txt`,
    origin: null,
    format: 'txt',
    sha256: '0'.repeat(64),
    chars: 0,
    title: null,
    published: null,
    reference_date: null,
    reference_source: null,
    passages: 0,
    status: 'ok',
    error: null,
    warnings: [],
    text: '',
    ...overrides,
  };
}

/** A small corpus built by hand: one ok document with every kind of row, one failed and one skipped. */
export function sampleTables(): TableRows {
  const doc_id = 'news/2016:1';
  const passage = (index: number, part: string, is_heading: boolean): PassageRow => ({
    passage_id: `${doc_id}#p${index}`,
    doc_id,
    index,
    ...span(TEXT, part),
    heading: is_heading ? part : null,
    is_heading,
  });
  const passages = [
    passage(0, 'Quitting 😀 <the> Party', true),
    passage(1, 'Ms. Li Dayong said that 47 practitioners were released on January 7, 2016.', false),
    passage(2, 'Gao said "Tom & Jerry".', false),
  ];
  const mentions: MentionRow[] = [
    { mention_id: `${doc_id}#m0`, doc_id, passage_id: `${doc_id}#p1`, ...span(TEXT, 'Li Dayong'), entity_id: 'person:li-dayong', type: 'person' },
    { mention_id: `${doc_id}#m1`, doc_id, passage_id: `${doc_id}#p2`, ...span(TEXT, 'Gao'), entity_id: 'person:gao', type: 'person' },
  ];
  const dates: DateRow[] = [
    {
      date_id: `${doc_id}#d0`,
      doc_id,
      passage_id: `${doc_id}#p1`,
      ...span(TEXT, 'January 7, 2016'),
      value: '2016-01-07',
      start_date: '2016-01-07',
      end_date: '2016-01-07',
      granularity: 'day',
      kind: 'date',
      approximate: false,
      reference_date: null,
    },
  ];
  const figures: FigureRow[] = [
    {
      figure_id: `${doc_id}#f0`,
      doc_id,
      passage_id: `${doc_id}#p1`,
      ...span(TEXT, '47'),
      value: 47,
      value_max: null,
      qualifier: 'exact',
      kind: 'count',
      unit: null,
      item: 'practitioners',
    },
  ];
  const speakerAt = (part: string): { speaker: string; speaker_start: number; speaker_end: number } => {
    const { start, end } = span(TEXT, part);
    return { speaker: part, speaker_start: start, speaker_end: end };
  };
  const claims: ClaimRow[] = [
    {
      claim_id: `${doc_id}#c0`,
      doc_id,
      passage_id: `${doc_id}#p1`,
      ...span(TEXT, '47 practitioners were released on January 7, 2016'),
      kind: 'reported',
      ...speakerAt('Ms. Li Dayong'),
      speaker_entity_id: 'person:li-dayong',
      cue: 'said',
      entity_ids: [],
      figure_ids: [`${doc_id}#f0`],
      date_ids: [`${doc_id}#d0`],
    },
    {
      claim_id: `${doc_id}#c1`,
      doc_id,
      passage_id: `${doc_id}#p2`,
      ...span(TEXT, 'Tom & Jerry'),
      kind: 'quote',
      ...speakerAt('Gao'),
      speaker_entity_id: 'person:gao',
      cue: 'said',
      entity_ids: [],
      figure_ids: [],
      date_ids: [],
    },
  ];
  const entities: EntityRow[] = [
    { entity_id: 'person:li-dayong', type: 'person', name: 'Li Dayong', aliases: [], mentions: 1, documents: 1 },
    { entity_id: 'person:gao', type: 'person', name: 'Gao <Zhisheng>', aliases: ['Gao'], mentions: 1, documents: 1 },
  ];
  const documents = [
    documentRow(doc_id, {
      chars: [...TEXT].length,
      title: 'Quitting',
      passages: passages.length,
      text: TEXT,
      reference_date: '2016-01-07',
      reference_source: 'text',
    }),
    documentRow('broken', { status: 'failed', error: 'STAGE_FAILED: stage explode failed: <boom>' }),
    documentRow('picture', { format: 'unknown', source: 'picture.png', status: 'skipped', error: 'LOAD_UNSUPPORTED: not a text format' }),
  ];
  return { documents, passages, mentions, entities, dates, figures, claims, claim_links: claimLinkRows(claims) };
}

/** Writes the `.jsonl` of every table into a folder, as a run leaves them (all that `quarry report` reads). */
export async function writeJsonlTables(tables: ReportTables, folder: string): Promise<void> {
  for (const [table, rows] of Object.entries(tables))
    await writeFile(path.join(folder, `${table}.jsonl`), rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
}
