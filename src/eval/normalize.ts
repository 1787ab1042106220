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
// "Missy" are left alone. Deliberately only the five honorifics FORMAT.md
// names, not the pipeline's list (src/text/honorifics.ts): the scores must
// stay those of the reference scorer.
const leadingHonorific = /^(?:mr|ms|mrs|miss|dr)\.?\s+/u;
const trailingPunctuation = /[\s.,;:]+$/u;

/**
 * Normalises a claim speaker: lower-cased and trimmed, without a leading
 * determiner (a, an, the, one, this, that, some), then without an honorific
 * (Mr, Ms, Mrs, Miss, Dr, with or without a period), and without trailing
 * spaces and punctuation. A missing speaker normalises to the empty string.
 */
export function normalizeSpeaker(speaker: string | null | undefined): string {
  return (speaker ?? '').toLowerCase().trim().replace(leadingDeterminer, '').replace(leadingHonorific, '').replace(trailingPunctuation, '').trim();
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
  return [gold.speaker, ...gold.speaker_alternatives].some((candidate) => normalizeSpeaker(candidate) === normalizedPrediction);
}

/** Words that name no one in particular: titles, offices and determiners. */
const titleWords = new Set([
  'the',
  'a',
  'an',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'president',
  'sen',
  'senator',
  'rep',
  'gov',
  'governor',
  'secretary',
  'minister',
  'prime',
  'chairman',
  'chief',
  'general',
  'gen',
  'sir',
  'lord',
  'judge',
  'mayor',
  'vice',
  'state',
  'former',
  'us',
  'u.s',
]);

/**
 * The name words of a speaker: each run that starts with a capital letter,
 * lower-cased, without a possessive 's or trailing periods and apostrophes,
 * and not a title.
 */
function nameWords(speaker: string): Set<string> {
  const words = speaker.match(/\p{Lu}[\p{L}\p{M}.'’-]*/gu) ?? [];
  return new Set(
    words
      .map((word) =>
        word
          .toLowerCase()
          .replace(/[’']s$/u, '')
          .replace(/[.’']+$/u, ''),
      )
      .filter((word) => word !== '' && !titleWords.has(word)),
  );
}

/** Whether one gold speaker loosely names the predicted one (see `speakerMatchesLoosely`). */
function namesLoosely(gold: string | null, predicted: string): boolean {
  const normalizedGold = normalizeSpeaker(gold);
  const normalizedPrediction = normalizeSpeaker(predicted);
  if (normalizedGold === '' || normalizedPrediction === '') return false;
  if (normalizedGold.includes(normalizedPrediction) || normalizedPrediction.includes(normalizedGold)) return true;
  const goldWords = nameWords(gold ?? '');
  return [...nameWords(predicted)].some((word) => goldWords.has(word));
}

/**
 * The loose speaker match of FORMAT.md: after normalisation, the predicted
 * speaker and the gold speaker (or one of its alternatives) are equal, or
 * one contains the other, or they share a name word that is not a title
 * ("Trump" and "Donald Trump"; "Steger, now a professor at X" and "Debra
 * Steger"). As in the reference scorer, a null or blank speaker on either
 * side is never a loose match, even where `speakerMatches` counts a null
 * prediction for a null gold speaker as right.
 */
export function speakerMatchesLoosely(predicted: string | null | undefined, gold: GoldSpeaker): boolean {
  if (predicted === null || predicted === undefined || predicted === '') return false;
  return [gold.speaker, ...gold.speaker_alternatives].some((candidate) => namesLoosely(candidate, predicted));
}
