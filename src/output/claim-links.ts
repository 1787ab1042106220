import type { ClaimLinkRow, ClaimRow } from '../schemas/index.ts';

/** The claim_links rows of claims, in claim order: the speaker's entity first, then entities, figures and dates. */
export function claimLinkRows(claims: readonly ClaimRow[]): ClaimLinkRow[] {
  return claims.flatMap((claim) => {
    const link =
      (role: ClaimLinkRow['role']) =>
      (target_id: string): ClaimLinkRow => ({ claim_id: claim.claim_id, role, target_id });
    return [
      ...(claim.speaker_entity_id === null ? [] : [link('speaker')(claim.speaker_entity_id)]),
      ...claim.entity_ids.map(link('entity')),
      ...claim.figure_ids.map(link('figure')),
      ...claim.date_ids.map(link('date')),
    ];
  });
}
