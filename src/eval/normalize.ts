/**
 * Text normalisation for comparing free-text attributes (figure items, claim
 * speakers), where the gold and the pipeline may phrase the same answer with
 * different case, spacing or a leading article.
 */

/**
 * Lower-cases, trims and collapses whitespace runs to one space. Collapsing
 * matters because source texts contain non-breaking spaces that an
 * annotator types as ordinary ones.
 */
function canonicalSpacing(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

const leadingArticle = /^(?:a|an|the) /u;
const leadingDeterminer = /^(?:a|an|the|one|this|that|some) /u;
// Requires a period or a space after the honorific so that names such as
// "Drew" or "Missy" are left alone.
const leadingHonorific = /^(?:mr|ms|mrs|miss|dr)(?:\. ?| )/u;

/**
 * Normalises a figure's counted item: case-insensitive, trimmed, without a
 * leading "a", "an" or "the". A missing item normalises to the empty string.
 */
export function normalizeItem(item: string | null | undefined): string {
  return canonicalSpacing(item ?? '').replace(leadingArticle, '');
}

/**
 * Normalises a claim speaker: case-insensitive, trimmed, without a leading
 * determiner (a, an, the, one, this, that, some) and then without an
 * honorific (Mr, Ms, Mrs, Miss, Dr, with or without a period). A missing
 * speaker normalises to the empty string.
 */
export function normalizeSpeaker(speaker: string | null | undefined): string {
  return canonicalSpacing(speaker ?? '')
    .replace(leadingDeterminer, '')
    .replace(leadingHonorific, '');
}

/** The gold side of a speaker comparison. */
export interface GoldSpeaker {
  speaker: string | null;
  speaker_alternatives: readonly string[];
}

/**
 * Whether a predicted speaker is right for a gold claim.
 *
 * A null or blank prediction is right only when the gold speaker is null
 * (or blank).
 * Otherwise the normalised prediction must equal the normalised gold speaker
 * or one of its alternatives; alternatives count even when the gold speaker
 * is null, because annotators list them for claims where naming a source is
 * acceptable but not required.
 */
export function speakerMatches(predicted: string | null | undefined, gold: GoldSpeaker): boolean {
  const normalizedPrediction = normalizeSpeaker(predicted);
  if (normalizedPrediction === '') return normalizeSpeaker(gold.speaker) === '';
  const accepted = gold.speaker === null ? gold.speaker_alternatives : [gold.speaker, ...gold.speaker_alternatives];
  return accepted.some((candidate) => normalizeSpeaker(candidate) === normalizedPrediction);
}
