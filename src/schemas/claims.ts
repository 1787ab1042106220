import { z } from 'zod';
import { Offset, SpanColumns, endNotBeforeStart } from './common.ts';

export const ClaimKind = z.enum(['quote', 'reported', 'figure']);
export type ClaimKind = z.infer<typeof ClaimKind>;

type SpeakerColumns = { speaker: string | null; speaker_start: number | null; speaker_end: number | null };

/** Both speaker offsets with a speaker, start before end; neither without one. */
function speakerSpanFitsSpeaker(row: SpeakerColumns): boolean {
  if (row.speaker === null) return row.speaker_start === null && row.speaker_end === null;
  return row.speaker_start !== null && row.speaker_end !== null && row.speaker_start < row.speaker_end;
}

/**
 * One row per claim: a quotation, reported speech, or a sentence asserting a
 * figure. Columns in the order of SPEC.md.
 */
export const ClaimRow = z
  .object({
    claim_id: z.string().min(1).describe('<doc_id>#c<index>'),
    doc_id: SpanColumns.doc_id,
    passage_id: SpanColumns.passage_id,
    kind: ClaimKind,
    text: SpanColumns.text,
    start: SpanColumns.start,
    end: SpanColumns.end,
    speaker: z.string().nullable().describe('Who says it: a name, or the description the text uses'),
    speaker_start: Offset.nullable().describe(
      'Code point offset of the words the speaker was taken from (the name or description, ' + 'or the mention a pronoun resolves to)',
    ),
    speaker_end: Offset.nullable().describe('Code point offset one past those words (exclusive); both null when there is no speaker'),
    speaker_entity_id: z.string().nullable().describe('The entity the speaker resolves to, when known'),
    cue: z.string().nullable().describe('The attributing verb ("said", "explained")'),
    entity_ids: z.array(z.string()).describe('Entities mentioned in the claim span'),
    figure_ids: z.array(z.string()).describe('Figures in the claim span'),
    date_ids: z.array(z.string()).describe('Dates in the claim span'),
  })
  .refine(endNotBeforeStart, { message: 'end is before start', path: ['end'] })
  .refine(speakerSpanFitsSpeaker, {
    message: 'speaker_start and speaker_end must be set, start before end, exactly when there is a speaker',
    path: ['speaker_start'],
  });
export type ClaimRow = z.infer<typeof ClaimRow>;
