import { z } from 'zod';
import { EntityType } from './mentions.ts';

/** One row per canonical entity, corpus-wide. */
export const EntityRow = z.object({
  entity_id: z.string().regex(/^(person|place|organization):[a-z0-9-]+$/, 'expected <type>:<slug>'),
  type: EntityType,
  name: z.string().min(1).describe('The fullest form of the name'),
  aliases: z.array(z.string()).describe('Other surface forms seen, sorted'),
  mentions: z.number().int().positive().describe('Number of mentions across the corpus'),
  documents: z.number().int().positive().describe('Number of documents that mention it'),
});
export type EntityRow = z.infer<typeof EntityRow>;

/** A canonical entity inside one document, before corpus-wide linking: what linking reads of a document. */
export const EntityCluster = z.object({
  type: EntityType,
  /** Fullest form of the name in this document. */
  name: z.string(),
  /** Every surface form seen in this document. */
  forms: z.array(z.string()),
});
export type EntityCluster = z.infer<typeof EntityCluster>;
