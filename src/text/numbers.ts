/**
 * Number expressions written in digits, words or both ("47", "1,674,200.5",
 * "sixteen million", "five and a half million", "a dozen", "1.4 billion",
 * "10M", "two-thirds") and their values.
 */

/** A word table without a prototype, so that "__proto__" or "constructor" in a text is just an unknown word. */
const lookup = (entries: Record<string, number>): Record<string, number> => Object.assign(Object.create(null) as Record<string, number>, entries);

const UNITS: Record<string, number> = lookup({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = lookup({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
/** Scale words; "lakh" and "crore" are the Indian English scales (100,000 and 10,000,000). */
const SCALES: Record<string, number> = lookup({ hundred: 1e2, thousand: 1e3, lakh: 1e5, lakhs: 1e5, million: 1e6, crore: 1e7, crores: 1e7, billion: 1e9, trillion: 1e12 });
const FRACTIONS: Record<string, number> = lookup({ half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 });
/** Abbreviated scales after digits: "10M", "3bn", "5k". */
const SUFFIX_SCALES: Record<string, number> = lookup({ k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, tn: 1e12 });
/** Vulgar fraction characters, alone ("½") or after digits ("3½"). */
const VULGAR_FRACTIONS: Record<string, number> = lookup({ '½': 1 / 2, '¼': 1 / 4, '¾': 3 / 4, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 1 / 8 });
const VULGAR = `[${Object.keys(VULGAR_FRACTIONS).join('')}]`;
const VULGAR_NUMBER = new RegExp(`^(\\d*)(${VULGAR})$`, 'u');
/** Denominators a digit fraction may have ("1/3", "3/4"): small ones only, so "9/11" and "24/7" stay names and slogans. */
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 8, 10]);

const alternatives = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');
const UNIT_WORD = alternatives(Object.keys(UNITS));
const TENS_WORD = `(?:${alternatives(Object.keys(TENS))})(?:-(?:${alternatives(Object.keys(UNITS).filter((word) => UNITS[word]! > 0 && UNITS[word]! < 10))}))?`;
const SCALE_WORD = alternatives(Object.keys(SCALES));
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?${VULGAR}?|\.\d+|${VULGAR}`;
const WORD = `(?:${TENS_WORD}|${UNIT_WORD})`;
const CONTINUATION = String.raw`(?:[\s-]+(?:and[\s-]+)?(?:(?:a[\s-]+)?half|${SCALE_WORD}|${WORD}))`;

/**
 * Matches one number expression. Leading "a"/"an" only counts before a scale
 * or "dozen" ("a dozen", "a million"); fractions are words like "two-thirds".
 */
export const NUMBER_EXPRESSION = new RegExp(
  // A hyphen glued to a word before ("COVID-19", "10-20") blocks a match; one after a space is a minus sign ("-5").
  String.raw`(?<![\p{L}\p{N}_.,])(?<![\p{L}\p{N}_.,)\]-]-)(?:` +
    // Fractions: "two-thirds", "one third", "three quarters"; with an article only before "of" ("a third of the crop"), since "a third day" is an ordinal...
    String.raw`(?:${UNIT_WORD})[\s-](?:${alternatives(Object.keys(FRACTIONS).filter((word) => !word.startsWith('half')))})` +
    String.raw`|an?[\s-](?:third|quarter|fifth|tenth)(?=\s+of\s)` +
    // ...or after a word that approximates a quantity ("gained about a fifth since 2023").
    String.raw`|(?<=\b(?:about|nearly|almost|roughly|around|barely)\s)an?[\s-](?:third|quarter|fifth|tenth)(?![\p{L}\p{N}_-])` +
    // "half of the voters", but not the half of a period ("the first half of 2023", "the second half").
    String.raw`|(?<!\b(?:the|first|second|last|latter|other|one|and|a|an)\s)half(?=\s+of\s)` +
    // "half a million", "a half million", "half a dozen": half of a scale.
    String.raw`|(?:an?[\s-]+)?half[\s-]+(?:an?[\s-]+)?(?:${SCALE_WORD}|dozen)` +
    // Digit fractions: "1/3", "3/4" (a date would go on: "3/4/2024").
    String.raw`|\d{1,2}/\d{1,2}(?![/\d])` +
    // Digits, optionally with a scale word or an abbreviated scale.
    String.raw`|(?:${DIGITS})(?:(?:\s+(?:${SCALE_WORD}))+|(?:${Object.keys(SUFFIX_SCALES).join('|')})(?![\p{L}\p{N}]))?` +
    // Words: "sixteen million", "five and a half million", "a dozen", "a hundred".
    String.raw`|(?:(?:an?|${WORD})[\s-]+dozen|(?:an?)[\s-]+(?:${SCALE_WORD})${CONTINUATION}*|${WORD}${CONTINUATION}*|dozen)` +
    // Never cut before a decimal point: "2.2C" is not "2" followed by ".2C".
    String.raw`)(?![\p{L}\p{N}_]|\.\d)`,
  'giu',
);

/** Parses a number expression matched by NUMBER_EXPRESSION; null when it is not a number. */
export function parseNumber(expression: string): number | null {
  const text = expression.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  const fraction = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (fraction) {
    const [numerator, denominator] = [Number(fraction[1]), Number(fraction[2])];
    return numerator < denominator && FRACTION_DENOMINATORS.has(denominator) ? numerator / denominator : null;
  }
  const vulgar = VULGAR_NUMBER.exec(text);
  if (vulgar) return Number(vulgar[1] ?? 0) + (VULGAR_FRACTIONS[vulgar[2] as string] as number);
  const digits = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*([a-z ]*)$/.exec(text);
  if (digits) {
    let value = Number((digits[1] as string).replace(/,/g, ''));
    const rest = (digits[2] as string).trim();
    if (rest === '') return value;
    if (SUFFIX_SCALES[rest] !== undefined) return value * SUFFIX_SCALES[rest];
    for (const word of rest.split(' ')) {
      const scale = SCALES[word];
      if (scale === undefined) return null;
      value *= scale;
    }
    return value;
  }
  const words = text.split(/[\s-]+/).filter((word) => word !== 'and');
  const last = words.at(-1) as string;
  const denominator = FRACTIONS[last];
  if (denominator !== undefined && words.length === 2) {
    const numerator = words[0] === 'a' || words[0] === 'an' ? 1 : UNITS[words[0] as string];
    if (numerator !== undefined) return numerator / denominator;
  }
  let total = 0;
  let current = 0;
  let sawNumber = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (word === 'a' || word === 'an') {
      // "a half million", "five and a half": the article belongs to "half"; "half a million": "a" is the one halved.
      if (words[index + 1] === 'half' || words[index - 1] === 'half') continue;
      current += 1;
      sawNumber = true;
    } else if (word === 'half') {
      current += 0.5;
      sawNumber = true;
    } else if (word === 'dozen') {
      current = (current === 0 ? 1 : current) * 12;
      sawNumber = true;
    } else if (UNITS[word] !== undefined) {
      current += UNITS[word] as number;
      sawNumber = true;
    } else if (TENS[word] !== undefined) {
      current += TENS[word] as number;
      sawNumber = true;
    } else if (word === 'hundred') {
      current = (current === 0 ? 1 : current) * 100;
    } else if (SCALES[word] !== undefined) {
      total += (current === 0 ? 1 : current) * (SCALES[word] as number);
      current = 0;
    } else return null;
  }
  return sawNumber || total > 0 ? total + current : null;
}

const TRAILING_SCALE = new RegExp(String.raw`^(.*?)(?:[\s-]+((?:${SCALE_WORD})(?:\s+(?:${SCALE_WORD}))*)|(\d)(${Object.keys(SUFFIX_SCALES).join('|')}))$`, 'iu');

/**
 * A number expression with the scale it ends in split off: "7 million" is 7
 * times 1e6, "2.5bn" 2.5 times 1e9, "40" 40 times 1. A range says its scale
 * once, at the end ("5 to 7 million"), and the first number takes it from there.
 */
export function splitScale(expression: string): { value: number; base: number; scale: number } | null {
  const value = parseNumber(expression);
  if (value === null) return null;
  const parts = TRAILING_SCALE.exec(expression.trim());
  if (parts === null) return { value, base: value, scale: 1 };
  const base = parseNumber(`${parts[1] as string}${parts[3] ?? ''}`);
  return base === null || base === 0 ? { value, base: value, scale: 1 } : { value, base, scale: value / base };
}

const ORDINAL_WORDS: Record<string, number> = lookup({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1e6,
});

/**
 * Matches an ordinal: digits with their suffix ("22nd", "1,000th") or a word
 * ("second", "twenty-fifth", "hundredth").
 */
export const ORDINAL_EXPRESSION = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,-])(?:\d{1,3}(?:,\d{3})*(?:st|nd|rd|th)|(?:(?:${alternatives(Object.keys(TENS))})-)?(?:${alternatives(Object.keys(ORDINAL_WORDS))}))(?![\p{L}\p{N}_])`,
  'giu',
);

/** Parses an ordinal matched by ORDINAL_EXPRESSION ("22nd" -> 22, "twenty-fifth" -> 25); null when it is not one. */
export function parseOrdinal(expression: string): number | null {
  const text = expression.toLowerCase().trim();
  const digits = /^(\d{1,3}(?:,\d{3})*)(st|nd|rd|th)$/.exec(text);
  if (digits) {
    const value = Number((digits[1] as string).replace(/,/g, ''));
    const lastTwo = value % 100;
    const expected = lastTwo >= 11 && lastTwo <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
    return digits[2] === expected ? value : null;
  }
  const [tens, unit] = text.includes('-') ? (text.split('-') as [string, string]) : [null, text];
  const ordinal = ORDINAL_WORDS[unit];
  if (ordinal === undefined) return null;
  if (tens === null) return ordinal;
  const tensValue = TENS[tens];
  return tensValue !== undefined && ordinal < 10 ? tensValue + ordinal : null;
}
