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

/**
 * Normalises a figure's counted item: case-insensitive, trimmed, without a
 * leading "a", "an" or "the". A missing item normalises to the empty string.
 */
export function normalizeItem(item: string | null | undefined): string {
  return canonicalSpacing(item ?? '').replace(leadingArticle, '');
}

// The speaker rules below are those of the reference scorer,
// shared/tools/score.mjs, kept to the letter so that both report the same
// speaker accuracy.
const leadingDeterminer = /^(?:the|a|an|one|this|that|some)\s+/u;
// A space must follow the honorific, so that names such as "Drew" or
// "Missy" are left alone.
const leadingHonorific = /^(?:mr|ms|mrs|miss|dr)\.?\s+/u;
const trailingPunctuation = /[\s.,;:]+$/u;

/**
 * Normalises a claim speaker: lower-cased and trimmed, without a leading
 * determiner (a, an, the, one, this, that, some), then without an honorific
 * (Mr, Ms, Mrs, Miss, Dr, with or without a period), and without trailing
 * spaces and punctuation. A missing speaker normalises to the empty string.
 */
export function normalizeSpeaker(speaker: string | null | undefined): string {
  return (speaker ?? '')
    .toLowerCase()
    .trim()
    .replace(leadingDeterminer, '')
    .replace(leadingHonorific, '')
    .replace(trailingPunctuation, '')
    .trim();
}

/** The gold side of a speaker comparison. */
export interface GoldSpeaker {
  speaker: string | null;
  speaker_alternatives: readonly string[];
}

/**
 * Whether a predicted speaker is right for a gold claim: its normalised form
 * equals that of the gold speaker or of one of its alternatives. A null or
 * blank prediction is right when the gold speaker is null (or blank).
 * Alternatives count even when the gold speaker is null, because annotators
 * list them for claims where naming a source is acceptable but not required.
 */
export function speakerMatches(predicted: string | null | undefined, gold: GoldSpeaker): boolean {
  const normalizedPrediction = normalizeSpeaker(predicted);
  return [gold.speaker, ...gold.speaker_alternatives].some(
    (candidate) => normalizeSpeaker(candidate) === normalizedPrediction,
  );
}
