import type { Token } from '../document.ts';
import { HEADLINE_SMALL_WORDS, TITLE_SMALL_WORDS } from './vocabulary.ts';

/**
 * Title Case, the way headlines and the titles of works are written, told
 * from prose: isTitleCase for the segmenter's headings and the claims'
 * titles, sentenceCase for the entity rules and the entity model. They set
 * aside different small words (see vocabulary.ts): the model was trained
 * on what each reads.
 */

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
  const content = words.filter((word) => !TITLE_SMALL_WORDS.has(word.toLowerCase()));
  if (content.length < minimum) return false;
  return content.filter((word) => /^\p{Lu}/u.test(word)).length >= content.length * share;
}

/** How a sentence is capitalised: ordinary prose, a Title Case headline, or ALL CAPS. */
export type SentenceCase = 'normal' | 'title' | 'upper';

/** Decides how a sentence is capitalised, from its words of two letters or more. */
export function sentenceCase(tokens: readonly Token[]): SentenceCase {
  const words = tokens.filter((token) => /\p{L}.*\p{L}/u.test(token.text));
  if (words.length < 3) return 'normal';
  const upper = words.filter((token) => !/\p{Ll}/u.test(token.text)).length;
  if (upper / words.length >= 0.6) return 'upper';
  const content = words.filter((token) => !HEADLINE_SMALL_WORDS.has(token.normal));
  // A Title Case headline leaves only short function words in lower case; prose full of names still has lower-case verbs and nouns.
  const lowerCase = content.filter((token) => !/^\p{Lu}/u.test(token.text)).length;
  return content.length >= 3 && lowerCase / content.length <= 0.1 ? 'title' : 'normal';
}
