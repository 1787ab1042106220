/**
 * Tooltip texts of the highlights: what the row says beyond its span (the
 * normalised value, the entity, the speaker and its words), one fact per line.
 */
import type { ClaimRow, DateRow, EntityRow, FigureRow, MentionRow } from '../schemas/index.ts';
import { HIGHLIGHT_LABELS } from './palette.ts';

/** English number formatting with every decimal kept, made once (`toLocaleString` builds a formatter per call). */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** A number as written for people: thousands separators, every decimal kept. */
export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}

/** A mention: the entity type, the canonical name and the entity id. */
export function mentionTip(mention: MentionRow, entity: Pick<EntityRow, 'name'> | undefined): string {
  return [`${HIGHLIGHT_LABELS[mention.type]}: ${entity?.name ?? mention.text}`, `entity: ${mention.entity_id}`].join('\n');
}

/** A date: the ISO value, the days it covers, its kind and what it was resolved against. */
export function dateTip(date: DateRow): string {
  const lines = [
    `Date: ${date.value}`,
    date.start_date === date.end_date ? `day: ${date.start_date}` : `from ${date.start_date} to ${date.end_date}`,
    `${date.kind}, ${date.granularity}${date.approximate ? ', approximate' : ''}`,
  ];
  if (date.reference_date !== null) lines.push(`resolved against ${date.reference_date}`);
  return lines.join('\n');
}

/** A figure: the value (or range), its kind, qualifier, unit and what it counts. */
export function figureTip(figure: FigureRow): string {
  const value = figure.value_max === null ? formatNumber(figure.value) : `${formatNumber(figure.value)} to ${formatNumber(figure.value_max)}`;
  const lines = [`Figure: ${value}`, `${figure.kind}, ${figure.qualifier.replace('_', ' ')}`];
  if (figure.unit !== null) lines.push(`unit: ${figure.unit}`);
  if (figure.item !== null) lines.push(`item: ${figure.item}`);
  return lines.join('\n');
}

/**
 * A claim: its kind, the speaker (with the entity id when there is one), the
 * words of the document the speaker was taken from with their offsets (so a
 * reader can check a resolved pronoun), and the cue. `characters` is the
 * document text as code points, which the offsets index.
 */
export function claimTip(claim: ClaimRow, characters: readonly string[]): string {
  const entity = claim.speaker_entity_id === null ? '' : ` (${claim.speaker_entity_id})`;
  const lines = [`Claim: ${claim.kind}`, `speaker: ${claim.speaker ?? 'none'}${entity}`];
  if (claim.speaker_start !== null && claim.speaker_end !== null) {
    const words = characters.slice(claim.speaker_start, claim.speaker_end).join('');
    lines.push(`speaker words: “${words}” at ${claim.speaker_start}–${claim.speaker_end}`);
  }
  if (claim.cue !== null) lines.push(`cue: ${claim.cue}`);
  return lines.join('\n');
}
