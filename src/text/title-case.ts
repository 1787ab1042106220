/**
 * Title Case, the way headlines and the titles of works are written: one
 * list of the small words a title leaves in lower case, and one test, for
 * the segmenter's headings, the claims' titles and the entity model's
 * Title Case training copies.
 */

/** Words a title leaves in lower case ("Returning Home After Clarifying the Truth"). */
export const SMALL_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'up', 'with', 'vs', 'via',
  'after', 'over', 'about', 'is', 'are',
]);

/** The words of a text, as a title counts them: runs of letters, digits, apostrophes and hyphens that start with a letter. */
export function titleWords(text: string): string[] {
  return text.match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/**
 * Whether `words` are written as a title: at least `share` of the words that
 * are not small words start with a capital, and there are at least
 * `minimum` of them.
 */
export function isTitleCase(words: readonly string[], share: number, minimum = 1): boolean {
  const content = words.filter((word) => !SMALL_WORDS.has(word.toLowerCase()));
  if (content.length < minimum) return false;
  return content.filter((word) => /^\p{Lu}/u.test(word)).length >= content.length * share;
}
