import type { z } from 'zod';
import { ClaimLinkRow } from './claim-links.ts';
import { ClaimRow } from './claims.ts';
import { DateRow } from './dates.ts';
import { DocumentRow } from './documents.ts';
import { EntityRow } from './entities.ts';
import { FigureRow } from './figures.ts';
import { MentionRow } from './mentions.ts';
import { PassageRow } from './passages.ts';

export * from './claim-links.ts';
export * from './claims.ts';
export * from './dates.ts';
export * from './diagnostics.ts';
export * from './documents.ts';
export * from './entities.ts';
export * from './figures.ts';
export * from './mentions.ts';
export * from './passages.ts';

/** Every output table, in the order they are written, with the schema that validates its rows. */
export const TABLE_SCHEMAS = {
  documents: DocumentRow,
  passages: PassageRow,
  mentions: MentionRow,
  entities: EntityRow,
  dates: DateRow,
  figures: FigureRow,
  claims: ClaimRow,
  claim_links: ClaimLinkRow,
} as const;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

/** The row type of each table, inferred from its schema. */
export type TableRows = { [Name in TableName]: z.infer<(typeof TABLE_SCHEMAS)[Name]>[] };

/** The rows one document contributes to the tables (entities are corpus-wide, documents are written apart, claim links derived). */
export type DocumentTables = Omit<TableRows, 'documents' | 'entities' | 'claim_links'>;

/** The column that identifies a row of each table (a claim_links row has none of its own: its three columns are its key). */
export const ID_COLUMNS: { [Name in Exclude<TableName, 'claim_links'>]: string } = {
  documents: 'doc_id',
  passages: 'passage_id',
  mentions: 'mention_id',
  entities: 'entity_id',
  dates: 'date_id',
  figures: 'figure_id',
  claims: 'claim_id',
};
