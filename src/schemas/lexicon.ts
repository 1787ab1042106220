import { z } from 'zod';
import { EntityType } from './mentions.ts';

/**
 * One entry of a gazetteer or user lexicon: a canonical name, its entity
 * type and other names for the same thing (acronyms, short forms).
 */
export const LexiconEntry = z
  .object({
    name: z.string().trim().min(1),
    type: EntityType,
    aliases: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();
export type LexiconEntry = z.output<typeof LexiconEntry>;
