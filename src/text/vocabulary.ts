/**
 * Words that more than one part of the pipeline reads, each list written
 * once: the month and season names of the date code, the small words Title
 * Case leaves in lower case, and the words that join the parts of a name.
 * (Honorifics have their own module, honorifics.ts.)
 */

/** The month names, lower case, January first. */
export const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The season names, lower case ("autumn" and "fall" both). */
export const SEASONS = ['spring', 'summer', 'autumn', 'fall', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

/** Words that may sit inside a multi-word name ("Bank of China", "Centre for Quitting the CCP"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'to', 'and', '&', 'on', 'the', 'against', 'in']);

/**
 * Words a title leaves in lower case ("Returning Home After Clarifying the
 * Truth"), as the segmenter reads headings and the claims read the titles
 * of works, and as the entity model's Title Case training copies write
 * them (a change here changes what `quarry train` makes).
 */
export const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'up',
  'with',
  'vs',
  'via',
  'after',
  'over',
  'about',
  'is',
  'are',
]);

/**
 * Words a headline may leave in lower case, as the entity rules and the
 * trained model read a sentence's case (sentenceCase in title-case.ts):
 * the title's small words and the name connectors, and a few more short
 * function words; not "vs", which the shipped model was trained to count
 * as a word of the headline. The model reads these through its features,
 * so a change here changes its input: make one only with a retrained model.
 */
export const HEADLINE_SMALL_WORDS: ReadonlySet<string> = new Set([
  ...NAME_CONNECTORS,
  ...[...TITLE_SMALL_WORDS].filter((word) => word !== 'vs'),
  'than',
  'nor',
  'per',
  'off',
  'out',
  'be',
]);
