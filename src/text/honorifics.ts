/**
 * Honorifics written before a personal name ("Mr.", "Dame", "Lord"): the one
 * list the pipeline reads them from. They stay outside an entity's span,
 * signal that a person's name follows, and may tell the person's gender.
 *
 * The evaluation's speaker normalisation (src/eval/normalize.ts) does not
 * use this list: it follows the reference scorer and FORMAT.md to the letter.
 */

export type Gender = 'male' | 'female';

/** Each honorific, lower case without its period, with the gender it makes plain (null: any). */
const HONORIFIC_GENDERS: ReadonlyMap<string, Gender | null> = new Map<string, Gender | null>([
  ['mr', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['mx', null],
  ['dr', null],
  ['prof', null],
  ['rev', null],
  ['sir', 'male'],
  ['lord', 'male'],
  ['dame', 'female'],
  ['lady', 'female'],
  ['madam', 'female'],
  ['mme', 'female'],
  ['mlle', 'female'],
  ['herr', 'male'],
]);

/** Whether a word (lower case, without its period) is an honorific. */
export function isHonorific(word: string): boolean {
  return HONORIFIC_GENDERS.has(word);
}

/** The gender an honorific (lower case, without its period) makes plain, or null. */
export function honorificGender(word: string): Gender | null {
  return HONORIFIC_GENDERS.get(word) ?? null;
}

/** Honorifics, with an optional period, before the name they stand in front of ("Mr. ", "Lord "); any case. */
const LEADING_HONORIFICS = new RegExp(`^(?:(?:${[...HONORIFIC_GENDERS.keys()].join('|')})\\.?\\s+)+`, 'iu');

/** A name without the honorifics written before it: "Lord David Cameron" -> "David Cameron". */
export function withoutHonorifics(name: string): string {
  return name.replace(LEADING_HONORIFICS, '');
}
