import { z } from 'zod';
import { SpanColumns, endNotBeforeStart } from './common.ts';

export const ClaimKind = z.enum(['quote', 'reported', 'figure']);
export type ClaimKind = z.infer<typeof ClaimKind>;

/** One row per claim: a quotation, reported speech, or a sentence asserting a figure. */
export const ClaimRow = z
  .object({
    claim_id: z.string().min(1).describe('<doc_id>#c<index>'),
    ...SpanColumns,
    kind: ClaimKind,
    speaker: z.string().nullable().describe('Who says it: a name, or the description the text uses'),
    speaker_entity_id: z.string().nullable().describe('The entity the speaker resolves to, when known'),
    cue: z.string().nullable().describe('The attributing verb ("said", "explained")'),
    entity_ids: z.array(z.string()).describe('Entities mentioned in the claim span'),
    figure_ids: z.array(z.string()).describe('Figures in the claim span'),
    date_ids: z.array(z.string()).describe('Dates in the claim span'),
  })
  .refine(endNotBeforeStart, { message: 'end is before start', path: ['end'] });
export type ClaimRow = z.infer<typeof ClaimRow>;
