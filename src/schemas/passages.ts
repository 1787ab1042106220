import { z } from 'zod';
import { DocumentId, Offset, endNotBeforeStart } from './common.ts';

/** A passage: a paragraph, a heading, or a sentence-aligned piece of an over-long paragraph. */
export const PassageRow = z
  .object({
    passage_id: z.string().min(1).describe('<doc_id>#p<index>'),
    doc_id: DocumentId,
    index: z.number().int().nonnegative().describe('Position of the passage in the document, from 0'),
    start: Offset,
    end: Offset,
    heading: z.string().nullable().describe('Text of the heading this passage sits under (its own text for a heading)'),
    is_heading: z.boolean().describe('True when the passage is itself a heading'),
    text: z.string(),
  })
  .refine(endNotBeforeStart, { message: 'end is before start', path: ['end'] });
export type PassageRow = z.infer<typeof PassageRow>;
