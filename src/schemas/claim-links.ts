import { z } from 'zod';

/** What a claim links to: an entity in its span, a figure, a date, or the entity its speaker resolves to. */
export const ClaimLinkRole = z.enum(['entity', 'figure', 'date', 'speaker']);
export type ClaimLinkRole = z.infer<typeof ClaimLinkRole>;

/**
 * One row per link of a claim: the links of its `entity_ids`, `figure_ids`, `date_ids` and `speaker_entity_id`,
 * one per row, so that joins need no splitting of `; `-joined lists. (claim_id, role, target_id) is the key.
 */
export const ClaimLinkRow = z.object({
  claim_id: z.string().min(1).describe('The claim (claims.claim_id)'),
  role: ClaimLinkRole.describe('entity, figure or date: in the claim span; speaker: the entity of its speaker'),
  target_id: z.string().min(1).describe('entities.entity_id (entity, speaker), figures.figure_id or dates.date_id'),
});
export type ClaimLinkRow = z.infer<typeof ClaimLinkRow>;
