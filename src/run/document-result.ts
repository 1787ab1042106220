import { z } from 'zod';
import { ClaimRow, DateRow, Diagnostic, DocumentRow, EntityCluster, FigureRow, MentionRow, PassageRow } from '../schemas/index.ts';

/** A document's row as its result keeps it: the error and warnings as diagnostics, rendered as "CODE: message" when the row is written. */
export const DocumentRecord = DocumentRow.extend({ error: Diagnostic.nullable(), warnings: z.array(Diagnostic) });
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/**
 * Everything one document contributes to the tables, before corpus-wide
 * entity linking: entity references are local (`#<cluster index>`) until the
 * write stage resolves them. It survives a JSON round trip (cache, workers),
 * and a result read back from the cache is checked against this schema.
 */
export const DocumentResult = z.object({
  document: DocumentRecord,
  passages: z.array(PassageRow),
  mentions: z.array(MentionRow),
  dates: z.array(DateRow),
  figures: z.array(FigureRow),
  claims: z.array(ClaimRow),
  /** The document's entity clusters: what corpus-wide linking needs. */
  clusters: z.array(EntityCluster),
});
export type DocumentResult = z.infer<typeof DocumentResult>;

/** One document's rows as the tables hold them: its result without the clusters, its diagnostics rendered. */
export type DocumentRows = Omit<DocumentResult, 'document' | 'clusters'> & { document: DocumentRow };

const LOCAL_REFERENCE = /^#(\d+)$/;

/** The local reference of a document's entity cluster, resolved when the tables are written. */
export function localEntityReference(clusterIndex: number): string {
  return `#${clusterIndex}`;
}

/** Replaces the local entity references of a result by corpus-wide entity ids (one per cluster). */
export function resolveEntityReferences(result: DocumentResult, entityIds: readonly string[]): DocumentResult {
  const resolve = (reference: string): string => {
    const match = LOCAL_REFERENCE.exec(reference);
    return match ? (entityIds[Number(match[1])] ?? reference) : reference;
  };
  return {
    ...result,
    mentions: result.mentions.map((mention) => ({ ...mention, entity_id: resolve(mention.entity_id) })),
    claims: result.claims.map((claim) => ({
      ...claim,
      entity_ids: [...new Set(claim.entity_ids.map(resolve))],
      speaker_entity_id: claim.speaker_entity_id === null ? null : resolve(claim.speaker_entity_id),
    })),
  };
}
