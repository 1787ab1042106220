import { z } from 'zod';
import { SpanColumns, endNotBeforeStart } from './common.ts';

/** Entity types of the contract. */
export const EntityType = z.enum(['person', 'place', 'organization']);
export type EntityType = z.infer<typeof EntityType>;

/** One row per entity mention in the text. */
export const MentionRow = z
  .object({
    mention_id: z.string().min(1).describe('<doc_id>#m<index>'),
    ...SpanColumns,
    entity_id: z.string().min(1).describe('The canonical entity this mention resolves to'),
    type: EntityType,
  })
  .refine(endNotBeforeStart, { message: 'end is before start', path: ['end'] });
export type MentionRow = z.infer<typeof MentionRow>;
