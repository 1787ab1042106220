/**
 * Number expressions written in digits, words or both ("47", "1,674,200.5",
 * "2 345 678", "34,56,789.50", "sixteen million", "four point nought six",
 * "six and one fifth", "5 thousand 2 hundred and 13", "a dozen", "12 bln",
 * "4.1x10^5", "two-thirds") and their values.
 *
 * Finding and reading are apart: NUMBER_EXPRESSION finds a run of number
 * words and digits, generous on purpose; readNumber reads the longest start
 * of it that is one number by the grammar below, and findNumbers reads what
 * is left over as numbers of their own ("two one hundred" is 2 and 100,
 * never 300). A number that cannot be read whole is cut to the part read
 * correctly or left out: a value the words do not say is never given.
 */

/** A word table without a prototype, so that "__proto__" or "constructor" in a text is just an unknown word. */
const lookup = (entries: Record<string, number>): Record<string, number> => Object.assign(Object.create(null) as Record<string, number>, entries);

const UNITS: Record<string, number> = lookup({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});
const TENS: Record<string, number> = lookup({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
/** Scale words; "lakh" and "crore" are the Indian English scales (100,000 and 10,000,000). */
const SCALES: Record<string, number> = lookup({
  hundred: 1e2,
  thousand: 1e3,
  lakh: 1e5,
  lakhs: 1e5,
  million: 1e6,
  crore: 1e7,
  crores: 1e7,
  billion: 1e9,
  trillion: 1e12,
});
/** Digits said one by one after "point" ("four point nought six", "three point oh five"): the units up to nine, the British noughts and "oh". */
const DECIMAL_DIGITS: Record<string, number> = lookup({
  ...Object.fromEntries(Object.entries(UNITS).filter(([, value]) => value < 10)),
  nought: 0,
  naught: 0,
  oh: 0,
});

/** Ordinal words with the number they count: the one list for numbers and dates. */
export const ORDINAL_WORDS: Record<string, number> = lookup({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1000,
  millionth: 1e6,
});

/**
 * Denominators in words, singular ("one fifth") and plural ("three eighths"):
 * "half" and "quarter", and the ordinals from "third" on ("one second" is a
 * time, never a fraction). "halves" is left out: "the two halves" is no figure.
 */
const SINGULAR_FRACTIONS: Record<string, number> = lookup({
  half: 2,
  quarter: 4,
  ...Object.fromEntries(Object.entries(ORDINAL_WORDS).filter(([, value]) => value >= 3)),
});
const PLURAL_FRACTIONS: Record<string, number> = lookup(
  Object.fromEntries(
    Object.entries(SINGULAR_FRACTIONS)
      .filter(([word]) => word !== 'half')
      .map(([word, value]) => [`${word}s`, value]),
  ),
);

/**
 * Abbreviated scales after digits. Glued on ("10M", "3bn", "5k", "3mil",
 * "5MM") any of them; after a space ("3.5 k", "12 bln", "2,100.5 G") only
 * those that are no unit of measure as well: "5 m" is five metres, "5 g" five
 * grams. "G" and "T" glued on only after a decimal or grouped number
 * ("2.5G", "$1.5T"): "5G" is a network.
 */
const SUFFIX_SCALES: Record<string, number> = lookup({
  k: 1e3,
  K: 1e3,
  m: 1e6,
  M: 1e6,
  MM: 1e6,
  mn: 1e6,
  mln: 1e6,
  mil: 1e6,
  b: 1e9,
  B: 1e9,
  bn: 1e9,
  bln: 1e9,
  tn: 1e12,
  trn: 1e12,
  G: 1e9,
  T: 1e12,
});
const SPACED_SUFFIXES = new Set(['k', 'K', 'M', 'MM', 'mn', 'mln', 'mil', 'bn', 'bln', 'tn', 'trn', 'G']);
const GLUED_SUFFIXES = new Set([...Object.keys(SUFFIX_SCALES)].filter((suffix) => suffix !== 'G' && suffix !== 'T'));
const GLUED_AFTER_DECIMALS = new Set(['G', 'T']);
/** "dozen" and its abbreviations, after a number ("4 dozens", "7 dzs"). */
const DOZENS = new Set(['dozen', 'dozens', 'dz', 'dzs', 'doz']);

/** Vulgar fraction characters, alone ("½") or after digits ("3½"), as [numerator, denominator]. */
const VULGAR_FRACTIONS: Record<string, [number, number]> = Object.assign(Object.create(null) as Record<string, [number, number]>, {
  '½': [1, 2],
  '⅓': [1, 3],
  '⅔': [2, 3],
  '¼': [1, 4],
  '¾': [3, 4],
  '⅕': [1, 5],
  '⅖': [2, 5],
  '⅗': [3, 5],
  '⅘': [4, 5],
  '⅙': [1, 6],
  '⅚': [5, 6],
  '⅐': [1, 7],
  '⅛': [1, 8],
  '⅜': [3, 8],
  '⅝': [5, 8],
  '⅞': [7, 8],
  '⅑': [1, 9],
  '⅒': [1, 10],
});
const VULGAR = `[${Object.keys(VULGAR_FRACTIONS).join('')}]`;
/** Superscript digits of a power of ten ("4.1×10⁵"). */
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Denominators a digit fraction may have ("1/3", "3/4"): small ones only, so "9/11" and "24/7" stay names and slogans. */
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 8, 10, 16]);

const alternatives = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');
const UNIT_WORD = alternatives(Object.keys(UNITS));
/** The unit words that may follow a tens word after a hyphen ("twenty-one" to "ninety-nine"). */
const HYPHENATED_UNIT_WORDS = Object.entries(UNITS)
  .filter(([, value]) => value > 0 && value < 10)
  .map(([word]) => word);
const TENS_WORD = `(?:${alternatives(Object.keys(TENS))})(?:-(?:${alternatives(HYPHENATED_UNIT_WORDS)}))?`;
const SCALE_WORD = alternatives(Object.keys(SCALES));
const FRACTION_WORD = alternatives([...Object.keys(SINGULAR_FRACTIONS), ...Object.keys(PLURAL_FRACTIONS)]);
const SINGULAR_FRACTION_WORD = alternatives(Object.keys(SINGULAR_FRACTIONS).filter((word) => word !== 'half'));
const GROUP_SPACE = '[ \\u00a0\\u2009\\u202f]';
/** A power of ten after a mantissa: "e7", "x10^5", " × 10⁵". */
const EXPONENT = `(?:e[-+]?\\d{1,3}|\\s?[x×*·]\\s?10(?:\\^[-+]?\\d{1,3}|⁻?[${SUPERSCRIPTS}]{1,3}))`;
/**
 * Digits in any grouping ("1,000", "1.000,5", "34,56,789", "2 345 678"),
 * with a fraction character or a power of ten; which grouping they are in is
 * readDigits' business.
 */
const DIGITS = `(?:10(?:\\^[-+]?\\d{1,3}|⁻?[${SUPERSCRIPTS}]{1,3})|\\d+(?:[.,]\\d+)*(?:${GROUP_SPACE}\\d{3}(?!\\d))*(?:[.,]\\d+)?(?:\\s?${VULGAR})?${EXPONENT}?|\\.\\d+|${VULGAR})`;
const WORD = `(?:${TENS_WORD}|${UNIT_WORD})`;
/**
 * What may follow a number word or digits in the same number, read or cut by
 * readNumber. Digits follow a scale word only ("5 thousand 2 hundred and
 * 13") and number words a word only ("twenty one"), never digits, so that a
 * table row of digits is not one long run cut again and again.
 */
const CONTINUATION =
  String.raw`(?:[\s-]+(?:and[\s-]+)?(?:an?[\s-]+)?(?:${SCALE_WORD}|${FRACTION_WORD}|dozens?)` +
  String.raw`|(?<=\p{L})[\s-]+(?:and[\s-]+)?${WORD}|[\s-]+and[\s-]+${WORD}` +
  String.raw`|[\s-]+point(?:[\s-]+(?:${alternatives(Object.keys(DECIMAL_DIGITS))}))+` +
  String.raw`|(?<=\b(?:${SCALE_WORD}))\s+(?:and\s+)?${DIGITS}|\s+(?:dzs?|doz)` +
  String.raw`|\s?(?:${alternatives(new Set(Object.keys(SUFFIX_SCALES).map((suffix) => suffix.toLowerCase())))}))`;

/**
 * Matches one number expression. Leading "a"/"an" only counts before a scale,
 * "dozen" or a fraction ("a dozen", "a million", "a quarter million"); a
 * fraction with an article only before "of" or after a word of approximation.
 */
export const NUMBER_EXPRESSION = new RegExp(
  // A hyphen glued to a word before ("COVID-19", "10-20") blocks a match; one after a space is a minus sign ("-5").
  String.raw`(?<![\p{L}\p{N}_.,])(?<![\p{L}\p{N}_.,)\]-]-)(?:` +
    // Fractions: "two-thirds", "one seventh", "three quarters", "a quarter million", "three quarters of a million".
    String.raw`(?:${UNIT_WORD}|an?)[\s-](?:${FRACTION_WORD})[\s-]+(?:of[\s-]+an?[\s-]+)?(?:${SCALE_WORD})` +
    String.raw`|(?:${UNIT_WORD})[\s-](?:${FRACTION_WORD})` +
    // ...with an article only before "of" ("a third of the crop", "a half of voters"), since "a third day" is an ordinal...
    String.raw`|(?<!\band\s)an?[\s-](?:${SINGULAR_FRACTION_WORD}|half)(?=\s+of\s)` +
    // ...or after a word that approximates a quantity ("gained about a fifth since 2023").
    String.raw`|(?<=\b(?:about|nearly|almost|roughly|around|barely)\s)an?[\s-](?:${SINGULAR_FRACTION_WORD})(?![\p{L}\p{N}_-])` +
    // "half of the voters", but not the half of a period ("the first half of 2023", "the second half").
    String.raw`|(?<!\b(?:the|first|second|last|latter|other|one|a|an)\s)half(?=\s+of\s)` +
    // "half a million", "a half million", "half a dozen": half of a scale.
    String.raw`|(?:an?[\s-]+)?half[\s-]+(?:an?[\s-]+)?(?:${SCALE_WORD}|dozen)` +
    // Digit fractions: "1/3", "3/4" (a date would go on: "3/4/2024").
    // ...alone or after a whole number ("2 1/2", "4-3/4", "5 and 3/16").
    String.raw`|(?:\d{1,6}(?:\s+and\s+|[\s-]))?\d{1,2}/\d{1,2}(?![/\d])` +
    // Digits and words, alone or mixed: "sixteen million", "5 thousand 2 hundred and 13", "a dozen", "a hundred", "12 bln".
    String.raw`|(?:${DIGITS}|${WORD}|(?:nought|naught)(?=[\s-]+point\b)|an?[\s-]+(?:${SCALE_WORD}|dozen)|dozen)${CONTINUATION}*` +
    // Never cut before a decimal point or comma: "2.2C" is not "2" followed by ".2C".
    String.raw`)(?![\p{L}\p{N}_]|[.,]\d)`,
  'giu',
);

/** How a document writes its numbers: the decimal mark, and whether a space groups thousands ("52 000"). */
export interface NumberConventions {
  decimalSeparator: '.' | ',';
  /**
   * 'read': a space groups thousands ("12 345" is 12345); 'never': the
   * document groups them with its separator ("12,345"), so spaced digits are
   * numbers apart (table columns); 'unclear': only numbers that show the
   * grouping by themselves ("2 345 678", "52 000") are read, and "12 345" is
   * left out, since 12 and 345 would be as wrong as 12345 might be.
   */
  spaceGrouping: 'read' | 'never' | 'unclear';
}

const DEFAULT_CONVENTIONS: NumberConventions = { decimalSeparator: '.', spaceGrouping: 'unclear' };

/** A run of digits with separators, or grouped by spaces, as the convention vote reads them. */
const SEPARATED_DIGITS = /(?<![\p{L}\p{N}_.,])(?:\d+(?:[.,]\d+)+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:[.,]\d+)?)(?![\p{N}])/gu;
/** Numbers only a "." decimal mark reads: "3.5", "0.25", "1,234.5", "1,234,567", "34,56,789". */
const DOT_DECIMAL_ONLY = /^(?:\d+\.(?:\d{1,2}|\d{4,})|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?)$/;
/** Numbers only a "," decimal mark reads: "3,5", "1.234,5", "1.234.567". */
const COMMA_DECIMAL_ONLY = /^(?:\d+,(?:\d{1,2}|\d{4,})|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})$/;

/**
 * How a document writes its numbers, decided by a vote over the numbers
 * only one convention reads: "3.5" and "1,234,567" vote for a "." decimal
 * mark, "3,5" and "1.234.567" for ","; a tie keeps ".". A space groups
 * thousands ("12 345") throughout when some number shows it by itself
 * ("2 345 678", "52 000"), never when a number is grouped by the thousands
 * separator of the mark ("12,345" with a "."), and otherwise only in the
 * numbers that show it. A setting other than 'auto' fixes the decimal mark.
 */
export function numberConventions(text: string, decimalSeparator: 'auto' | '.' | ',' = 'auto'): NumberConventions {
  let dotVotes = 0;
  let commaVotes = 0;
  let spaced = false;
  const runs: string[] = [];
  for (const match of text.matchAll(SEPARATED_DIGITS)) {
    const run = match[0];
    if (/[ \u00a0\u2009\u202f]/.test(run)) {
      spaced ||= SELF_EVIDENT_SPACE_GROUPING.test(run);
      // "1 234,5": after space grouping, the decimal part shows the mark.
      if (/[ \u00a0\u2009\u202f]\d{3},\d+$/.test(run)) commaVotes++;
      else if (/[ \u00a0\u2009\u202f]\d{3}\.\d+$/.test(run)) dotVotes++;
      continue;
    }
    runs.push(run);
    if (DOT_DECIMAL_ONLY.test(run)) dotVotes++;
    else if (COMMA_DECIMAL_ONLY.test(run)) commaVotes++;
  }
  const decimal = decimalSeparator !== 'auto' ? decimalSeparator : commaVotes > dotVotes ? ',' : '.';
  const thousands = decimal === '.' ? /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/ : /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
  const spaceGrouping = runs.some((run) => thousands.test(run)) ? 'never' : spaced ? 'read' : 'unclear';
  return { decimalSeparator: decimal, spaceGrouping };
}

/** An exact value as numerator over denominator, both integers, so that "two thirds of a billion" rounds once, at the end. */
interface Ratio {
  numerator: number;
  denominator: number;
}

const ratio = (numerator: number, denominator = 1): Ratio => ({ numerator, denominator });
const add = (a: Ratio, b: Ratio): Ratio =>
  a.denominator === b.denominator
    ? ratio(a.numerator + b.numerator, a.denominator)
    : ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
/** Multiplies by a scale (1e3, 1e6...) or, for a scale below one, divides by its inverse, so no rounding creeps in. */
const times = (a: Ratio, factor: number): Ratio =>
  Number.isInteger(factor) ? ratio(a.numerator * factor, a.denominator) : ratio(a.numerator, a.denominator / factor);
const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? Math.abs(a) : greatestCommonDivisor(b, a % b));
/**
 * The value a ratio says, as a number. A fraction with no finite decimal
 * form ("four billion and two thirds") is given to the cent when it is 1 or
 * more (4666666666.67), as a figure is written; below 1 ("one seventh") it
 * keeps the double's precision, which cents would erase.
 */
const ratioValue = (a: Ratio): number => {
  const value = a.numerator / a.denominator;
  if (!Number.isInteger(a.numerator) || !Number.isInteger(a.denominator) || Math.abs(value) < 1) return value;
  let denominator = a.denominator / greatestCommonDivisor(a.numerator, a.denominator);
  while (denominator % 2 === 0) denominator /= 2;
  while (denominator % 5 === 0) denominator /= 5;
  return denominator === 1 ? value : Math.round(value * 100) / 100;
};
const ZERO = ratio(0);

/** A decimal written with "." for its mark and no grouping, as an exact ratio ("4.06" is 406/100). */
function decimalRatio(integer: string, fraction: string): Ratio {
  return ratio(Number(`${integer}${fraction}` || '0'), 10 ** fraction.length);
}

/** The power of ten after a mantissa ("e7", "x10^5", "×10⁻³"), or null when there is none. */
function exponentOf(text: string): number | null {
  const match = /(?:e([-+]?\d{1,3})|\s?[x×*·]\s?10(?:\^([-+]?\d{1,3})|(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})))$/iu.exec(text);
  if (match === null) return null;
  const superscript = match[3];
  if (superscript !== undefined)
    return Number([...superscript].map((character) => (character === '⁻' ? '-' : String(SUPERSCRIPTS.indexOf(character)))).join(''));
  return Number(match[1] ?? match[2]);
}

const EXPONENT_AT_END = new RegExp(`${EXPONENT}$`, 'iu');

/**
 * Reads a run of digits under the document's conventions; null when its
 * grouping is not one the conventions allow ("3,5" in a document that
 * writes "3.5", "1.2.3"). Space grouping is read by the caller.
 */
function readDigits(token: string, conventions: NumberConventions = DEFAULT_CONVENTIONS): Ratio | null {
  const power = /^10(?:\^([-+]?\d{1,3})|(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))$/u.exec(token);
  if (power !== null) {
    const exponent = exponentOf(`1x${token}`) as number;
    return exponent >= 0 ? ratio(10 ** exponent) : ratio(1, 10 ** -exponent);
  }
  let text = token;
  const exponent = exponentOf(text);
  if (exponent !== null) text = text.replace(EXPONENT_AT_END, '');
  let fraction: Ratio = ZERO;
  const vulgar = VULGAR_FRACTIONS[text.at(-1) as string];
  if (vulgar !== undefined) {
    text = text.slice(0, -1).trimEnd();
    if (!/^\d*$/.test(text)) return null;
    fraction = ratio(vulgar[0], vulgar[1]);
  }
  const [decimal, group] = conventions.decimalSeparator === '.' ? ['.', ','] : [',', '.'];
  const pattern = decimal === '.' ? PLAIN_DOT : PLAIN_COMMA;
  const match = pattern.exec(text);
  let value: Ratio;
  if (match !== null) value = decimalRatio((match[1] ?? '').split(group).join(''), match[2] ?? '');
  else if (decimal === '.' && LAKH.test(text)) {
    const [integer, decimals] = text.split('.') as [string, string | undefined];
    value = decimalRatio(integer.replace(/,/g, ''), decimals ?? '');
  } else return null;
  if (vulgar !== undefined && (value.denominator !== 1 || (value.numerator === 0 && text !== ''))) return null;
  value = add(value, fraction);
  if (exponent === null) return value;
  return exponent >= 0 ? times(value, 10 ** exponent) : ratio(value.numerator, value.denominator * 10 ** -exponent);
}
/** Plain digits, or digits grouped by threes, with a decimal part: "1234.5", "1,234.5", ".5". */
const PLAIN_DOT = /^(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d+))?$/;
const PLAIN_COMMA = /^(\d+|\d{1,3}(?:\.\d{3})+)?(?:,(\d+))?$/;
/** Indian grouping: a last group of three, twos before it ("34,56,789.50", "1,00,000"). */
const LAKH = /^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/;

const PLAIN_INTEGER = /^\d{1,15}$/;

/** A word or digit run of a number expression, with its place in it. */
interface Piece {
  text: string;
  lower: string;
  end: number;
  digits: boolean;
  /** Joined to the piece before with no space ("10M"). */
  glued: boolean;
}

const PIECE = new RegExp(`([\\s\\u00a0-]*)(?:(${DIGITS})|(\\p{L}+))`, 'iuy');

function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  PIECE.lastIndex = 0;
  // A sticky pattern read piece by piece (matchAll needs a global one): each exec starts where the last piece ended.
  for (let match = PIECE.exec(text); match !== null; match = PIECE.exec(text)) {
    const piece = (match[2] ?? match[3]) as string;
    const glued = (match[1] as string) === '' && pieces.length > 0;
    pieces.push({ text: piece, lower: piece.toLowerCase(), end: PIECE.lastIndex, digits: match[2] !== undefined, glued });
  }
  return pieces;
}

/** Space grouping in a run of digits that shows it by itself: two or more groups ("2 345 678"), a group starting with 0 ("52 000"), or a decimal part after the groups. */
const SELF_EVIDENT_SPACE_GROUPING =
  /^\d{1,3}(?:(?:[ \u00a0\u2009\u202f]\d{3}){2,}|(?:[ \u00a0\u2009\u202f]\d{3})*[ \u00a0\u2009\u202f]0\d\d|(?:[ \u00a0\u2009\u202f]\d{3})+[.,]\d+)$/;

/**
 * Reads a run of digits that may be grouped by spaces: the whole run when
 * the grouping is clear, only its first group when the document never
 * groups by spaces (the others are numbers of their own), nothing when it
 * cannot tell. The length read is in characters of the run.
 */
function readSpacedDigits(token: string, conventions: NumberConventions): { value: Ratio; length: number } | null {
  // A space before a power of ten ("4.1 × 10⁵") groups nothing.
  const exponentAt = token.search(EXPONENT_AT_END);
  const mantissa = exponentAt === -1 ? token : token.slice(0, exponentAt);
  // A space before a fraction character ("3 ½") groups nothing either.
  const space = /[ \u00a0\u2009\u202f](?=\d)/.exec(mantissa);
  if (space === null) {
    const value = readDigits(token, conventions);
    return value === null ? null : { value, length: token.length };
  }
  const shaped = /^\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:[.,]\d+)?$/.test(mantissa);
  if (shaped && conventions.spaceGrouping !== 'never') {
    if (conventions.spaceGrouping === 'unclear' && !SELF_EVIDENT_SPACE_GROUPING.test(mantissa)) return null;
    const value = readDigits(token.replace(/[ \u00a0\u2009\u202f](?=\d)/g, ''), conventions);
    // Grouped beyond doubt but not in this document's convention ("1 234,5" where "." is the mark): no part of it is read.
    return value === null ? null : { value, length: token.length };
  }
  const head = token.slice(0, space.index);
  const value = readDigits(head, conventions);
  return value === null ? null : { value, length: head.length };
}

/** The fraction said by a numerator and a denominator word ("one fifth", "three eighths", "a quarter"); null when they do not agree. */
function fractionAt(pieces: readonly Piece[], index: number): Ratio | null {
  const numeratorWord = pieces[index]?.lower;
  const denominatorWord = pieces[index + 1]?.lower;
  if (numeratorWord === undefined || denominatorWord === undefined || pieces[index + 1]?.glued) return null;
  const numerator = numeratorWord === 'a' || numeratorWord === 'an' ? 1 : UNITS[numeratorWord];
  if (numerator === undefined || numerator === 0) return null;
  // "one fifth" and "three eighths", not "twenty fifth" (an ordinal) or "one thirds"; "three quarter" is the adjective ("a three-quarter stake").
  const denominator = numerator === 1 || denominatorWord === 'quarter' ? SINGULAR_FRACTIONS[denominatorWord] : PLURAL_FRACTIONS[denominatorWord];
  return denominator === undefined ? null : ratio(numerator, denominator);
}

/** The part of a number being read that is below the last scale word ("two hundred and five" in "a million two hundred and five"). */
interface Group {
  value: Ratio;
  hasHundred: boolean;
  hasTens: boolean;
  hasOnes: boolean;
  /** Digits are in the group (below the hundreds once "hundred" is read): they take no words after them but a scale. */
  hasDigits: boolean;
}

const emptyGroup = (): Group => ({ value: ZERO, hasHundred: false, hasTens: false, hasOnes: false, hasDigits: false });
/** Nothing below the hundreds yet: "two hundred" can take "and five" or "five". */
const belowHundredIsEmpty = (group: Group): boolean => !group.hasTens && !group.hasOnes && !group.hasDigits;
const isEmpty = (group: Group): boolean => !group.hasHundred && belowHundredIsEmpty(group);

/** A number read from the start of an expression: its value and how many characters of the expression it covers. */
export interface ReadNumber {
  value: number;
  length: number;
}

/**
 * Reads the longest start of a number expression that is one number:
 * words ("one hundred and five", "sixteen million", "four point nought six"),
 * digits in the document's grouping ("1,674,200.5"), both ("5 thousand 2
 * hundred and 13", "1.4 billion", "12 bln", "4 dozens"), fractions alone and
 * joined to a whole ("one seventh", "six and one fifth", "2 million and a
 * half", "a quarter million"). Null when not even its start is a number.
 */
export function readNumber(expression: string, conventions: NumberConventions = DEFAULT_CONVENTIONS): ReadNumber | null {
  // Most numbers in a text are plain digits or one word: read without cutting them into pieces.
  if (PLAIN_INTEGER.test(expression)) return { value: Number(expression), length: expression.length };
  const word = UNITS[expression.toLowerCase()] ?? TENS[expression.toLowerCase()];
  if (word !== undefined) return { value: word, length: expression.length };
  const pieces = piecesOf(expression);
  let total: Ratio = ZERO;
  let group = emptyGroup();
  let lastScale = Infinity;
  let best: ReadNumber | null = null;
  const accept = (value: Ratio, end: number): void => {
    best = { value: ratioValue(value), length: end };
  };
  const current = (): Ratio => add(total, group.value);
  let index = 0;
  /** The number as read at the last scale word, and before the last "and": where to go back to when what follows them turns out not to be this number's. */
  let atLastScale: ReadNumber | null = null;
  let beforeAnd: ReadNumber | null = null;
  let andSinceScale = false;
  /** After a fraction is added, only a scale may follow ("five and a half million"), or nothing. */
  const finishWithScale = (value: Ratio, scaleIndex: number): void => {
    const scaleWord = pieces[scaleIndex];
    const scale = scaleWord === undefined ? undefined : SCALES[scaleWord.lower];
    if (scale !== undefined && scale > 100 && scale < lastScale && !scaleWord?.glued) accept(add(total, times(value, scale)), (scaleWord as Piece).end);
  };

  // A fraction first: "one seventh", "a quarter million", "three quarters of a million", "half a million", "a half".
  const leading = fractionAt(pieces, 0) ?? (pieces[0]?.lower === 'half' ? ratio(1, 2) : null);
  if (leading !== null) {
    const fractionEnd = pieces[0]?.lower === 'half' ? 0 : 1;
    accept(leading, (pieces[fractionEnd] as Piece).end);
    let next = fractionEnd + 1;
    if (pieces[next]?.lower === 'of' && /^an?$/.test(pieces[next + 1]?.lower ?? '')) next += 2;
    else if (fractionEnd === 0 && /^an?$/.test(pieces[1]?.lower ?? '')) next = 2;
    if (pieces[next]?.lower === 'dozen') accept(times(leading, 12), (pieces[next] as Piece).end);
    else finishWithScale(leading, next);
    return best;
  }
  // "a hundred", "an estimated"... the article counts as one only before a scale or "dozen"; "a half million" halves it.
  if (pieces[0]?.lower === 'a' || pieces[0]?.lower === 'an') {
    const next = pieces[1]?.lower;
    if (next === undefined || (SCALES[next] === undefined && next !== 'dozen')) return null;
    group = { ...emptyGroup(), value: ratio(1), hasOnes: true };
    index = 1;
  }

  for (; index < pieces.length; index++) {
    const piece = pieces[index] as Piece;
    const word = piece.lower;
    if (piece.digits) {
      if (piece.glued || !belowHundredIsEmpty(group)) break;
      const read = readSpacedDigits(piece.text, conventions);
      if (read === null) break;
      const digitsEnd = piece.end - piece.text.length + read.length;
      if (read.length < piece.text.length) {
        // The first group of space-separated digits, with no grouping: it is a number of its own.
        if (isEmpty(group) && total.numerator === 0) accept(read.value, digitsEnd);
        break;
      }
      const whole = Number.isInteger(ratioValue(read.value));
      // Inside a number the digits fill the place below the last scale word: "5 thousand 2 hundred and 13", not "5 thousand 2,500".
      if (total.numerator !== 0 && isEmpty(group) && pieces[index - 1]?.lower !== 'and') {
        // Digits right after a scale word begin a lower group only before "hundred" or a lower scale ("5 thousand 2 hundred"): "2 million 3 times" is two numbers.
        const scaleAfter = SCALES[pieces[index + 1]?.lower ?? ''];
        if (scaleAfter === undefined || scaleAfter >= lastScale) break;
      }
      if (total.numerator !== 0 || group.hasHundred) {
        const limit = group.hasHundred ? 100 : lastScale;
        if (!whole || ratioValue(read.value) >= limit) break;
      }
      group = { ...group, value: add(group.value, read.value), hasDigits: true };
      accept(current(), piece.end);
      continue;
    }
    if (word === 'and') {
      // "and" joins what follows a hundred or a scale ("one hundred and five", "a thousand and one"), or a fraction to a whole ("six and one fifth").
      const fraction = fractionAt(pieces, index + 1);
      if (fraction !== null) {
        const fractionEnd = index + 2;
        if (!isEmpty(group) && !(group.hasHundred && belowHundredIsEmpty(group))) {
          const whole = add(group.value, fraction);
          accept(add(total, whole), (pieces[fractionEnd] as Piece).end);
          finishWithScale(whole, fractionEnd + 1);
        } else if (isEmpty(group) && lastScale > 100 && lastScale !== Infinity) {
          // "four billion and two thirds", "2 million and a half": a fraction of the last scale.
          accept(add(total, times(fraction, lastScale)), (pieces[fractionEnd] as Piece).end);
        }
        return best;
      }
      const next = pieces[index + 1];
      const afterScale = isEmpty(group) && total.numerator !== 0;
      const afterHundred = group.hasHundred && belowHundredIsEmpty(group);
      if (next === undefined || !(afterScale || afterHundred)) break;
      beforeAnd = best;
      andSinceScale = true;
      continue;
    }
    // "nought point five": the British nought is a whole part only before "point".
    const unit = UNITS[word] ?? (DECIMAL_DIGITS[word] !== undefined && pieces[index + 1]?.lower === 'point' ? 0 : undefined);
    const tens = TENS[word];
    if (unit !== undefined && !piece.glued) {
      if (group.hasOnes || group.hasDigits || (group.hasTens && (unit === 0 || unit >= 10))) break;
      // A lone "zero" joins no other words.
      if (unit === 0 && (total.numerator !== 0 || !isEmpty(group))) break;
      group = { ...group, value: add(group.value, ratio(unit)), hasOnes: true, hasTens: group.hasTens || unit >= 10 };
      accept(current(), piece.end);
      continue;
    }
    if (tens !== undefined && !piece.glued) {
      if (!belowHundredIsEmpty(group)) break;
      group = { ...group, value: add(group.value, ratio(tens)), hasTens: true };
      accept(current(), piece.end);
      continue;
    }
    if (word === 'hundred' && !piece.glued) {
      const below = ratioValue(group.value);
      // "sixteen hundred", "two hundred", "a hundred"; "5 hundred" with small digits only.
      if (group.hasHundred || below < 1 || below > 99 || !Number.isInteger(below) || below * 100 >= lastScale) break;
      group = { value: ratio(below * 100), hasHundred: true, hasTens: false, hasOnes: false, hasDigits: false };
      accept(current(), piece.end);
      continue;
    }
    const scale = SCALES[word];
    if (scale !== undefined && !piece.glued) {
      if (isEmpty(group) || scale >= lastScale || ratioValue(group.value) <= 0) break;
      total = add(total, times(group.value, scale));
      lastScale = scale;
      group = emptyGroup();
      accept(total, piece.end);
      atLastScale = best;
      andSinceScale = false;
      continue;
    }
    if (word === 'point' && !isEmpty(group) && !group.hasDigits) {
      // "four point nought six": digits said one by one after "point"; then a scale may follow ("three point five million").
      let decimals = '';
      let next = index + 1;
      while (pieces[next] !== undefined && DECIMAL_DIGITS[(pieces[next] as Piece).lower] !== undefined) {
        decimals += String(DECIMAL_DIGITS[(pieces[next] as Piece).lower]);
        next++;
      }
      if (decimals === '' || !Number.isInteger(ratioValue(group.value))) break;
      const withDecimals = add(group.value, decimalRatio('0', decimals));
      accept(add(total, withDecimals), (pieces[next - 1] as Piece).end);
      finishWithScale(withDecimals, next);
      return best;
    }
    if (DOZENS.has(word) && !isEmpty(group) && total.numerator === 0) {
      // "two dozen", "4 dozens", "7 dzs" ("dozens" alone is no number, and no match).
      accept(times(group.value, 12), piece.end);
      return best;
    }
    // Letter case tells "M" (million) from "m" (metres) after a space; "Bn" and "MLN" are as good as "bn" and "mln".
    const suffixKey = piece.text.length > 1 && piece.text !== 'MM' ? piece.lower : piece.text;
    const suffix = SUFFIX_SCALES[suffixKey];
    const afterDecimals = GLUED_AFTER_DECIMALS.has(suffixKey) && /[.,]/.test(pieces[index - 1]?.text ?? '');
    const allowed = piece.glued ? GLUED_SUFFIXES.has(suffixKey) || afterDecimals : SPACED_SUFFIXES.has(suffixKey);
    if (suffix !== undefined && allowed && group.hasDigits && !group.hasHundred && total.numerator === 0) {
      accept(times(group.value, suffix), piece.end);
      return best;
    }
    if (word === 'dozen' && index === 0) {
      accept(ratio(12), piece.end);
      return best;
    }
    break;
  }
  const stop = pieces[index];
  // "between 2 million and 3 million": a scale that cannot follow means the words since the last scale are the next number's.
  if (stop !== undefined && total.numerator !== 0 && !isEmpty(group) && SCALES[stop.lower] !== undefined) return atLastScale;
  // "A$100 million three-year bonds": a bare number after a scale, with no "and" and no "hundred", is a number of its own.
  if (total.numerator !== 0 && !isEmpty(group) && !group.hasHundred && !andSinceScale) return atLastScale;
  // "between two hundred and three hundred": the same after "and".
  if (stop !== undefined && andSinceScale && SCALES[stop.lower] !== undefined) return beforeAnd;
  return best;
}

/** A fraction in digits, maybe after a whole number: "3/4", "2 1/2", "4-3/4", "5 and 3/16". */
const DIGIT_FRACTION = /^(?:(\d{1,6})(?:\s+and\s+|[\s-]))?(\d{1,2})\/(\d{1,2})$/;

/** Parses a whole number expression; null when it is not one number from end to end. */
export function parseNumber(expression: string, conventions: NumberConventions = DEFAULT_CONVENTIONS): number | null {
  const text = expression.replace(/[\s\u00a0]+/g, ' ').trim();
  const fraction = DIGIT_FRACTION.exec(text);
  if (fraction) {
    const [whole, numerator, denominator] = [Number(fraction[1] ?? 0), Number(fraction[2]), Number(fraction[3])];
    if (!(numerator > 0 && numerator < denominator && FRACTION_DENOMINATORS.has(denominator))) return null;
    return ratioValue(ratio(whole * denominator + numerator, denominator));
  }
  const read = readNumber(text, conventions);
  return read !== null && read.length === text.length ? read.value : null;
}

/** A number found in a text: where it starts, its text and its value (null for a match that is no number, such as "9/11"). */
export interface FoundNumber {
  index: number;
  text: string;
  value: number | null;
}

const HYPHENATED_NUMBER_WORD = new RegExp(
  `^-(?:${alternatives([...Object.keys(ORDINAL_WORDS), ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)])})(?![\\p{L}])`,
  'iu',
);
/** NUMBER_EXPRESSION's own copy for findNumbers, which moves its lastIndex back after a cut. */
const NUMBER_SCAN = new RegExp(NUMBER_EXPRESSION.source, NUMBER_EXPRESSION.flags);
const ORDINAL_AFTER = new RegExp(`^[\\s-]+(?:${alternatives(Object.keys(ORDINAL_WORDS))})(?![\\p{L}])`, 'iu');

/**
 * Every number in a text, each read as far as it is one number; what is
 * left of an expression is read again as numbers of its own ("two one
 * hundred" is 2 and 100). A number cut before an ordinal word ("two hundred
 * fifth") is left out: it is part of the ordinal.
 */
export function findNumbers(text: string, conventions: NumberConventions = DEFAULT_CONVENTIONS): FoundNumber[] {
  const found: FoundNumber[] = [];
  const pattern = NUMBER_SCAN;
  pattern.lastIndex = 0;
  // An exec loop, not matchAll: the body moves lastIndex to skip or re-read part of a match.
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const expression = match[0];
    if (DIGIT_FRACTION.test(expression)) {
      const value = parseNumber(expression);
      // "24/7", "9/11" are no fractions, but "in 2016 9/11" is a year and a name: read the whole number apart.
      const whole = /^\d+(?=[\s-])/.exec(expression);
      if (value === null && whole !== null && !/^\d+-/.test(expression)) {
        found.push({ index: match.index, text: whole[0], value: Number(whole[0]) });
        pattern.lastIndex = match.index + whole[0].length;
        continue;
      }
      found.push({ index: match.index, text: expression, value });
      continue;
    }
    const read = readNumber(expression, conventions);
    if (read === null) {
      found.push({ index: match.index, text: expression, value: null });
      continue;
    }
    if (read.length < expression.length) {
      const rest = expression.slice(read.length);
      // Cut inside a word ("3Bn" read as 3), inside a hyphenated compound ("fifty-fifty", "one-two"), before an ordinal word or before a "point" not read: the part read is not what the text says.
      if (/^(?:[\p{L}\p{N}]|-)/u.test(rest) || ORDINAL_AFTER.test(rest) || /^\s+point\b/i.test(rest)) continue;
      pattern.lastIndex = match.index + read.length;
    }
    const end = match.index + read.length;
    // "twenty-first", "fifty-fifty" read as far as "twenty", "fifty": the hyphenated word is the number's own ("30-second" is digits and a unit). A number after "point" lost its whole part ("oh point five").
    const inCompound = /\p{L}$/u.test(expression.slice(0, read.length)) && HYPHENATED_NUMBER_WORD.test(text.slice(end, end + 16));
    if (inCompound || /\bpoint\s+$/i.test(text.slice(Math.max(0, match.index - 8), match.index))) {
      pattern.lastIndex = Math.max(pattern.lastIndex, end);
      continue;
    }
    found.push({ index: match.index, text: expression.slice(0, read.length), value: read.value });
  }
  return found;
}

const SCALE_AT_END = new RegExp(
  String.raw`^(.*?)(?:[\s-]+((?:${SCALE_WORD})(?:\s+(?:${SCALE_WORD}))*)|(\d)\s?(${alternatives(Object.keys(SUFFIX_SCALES))}))$`,
  'iu',
);

/**
 * A number expression with the scale it ends in split off: "7 million" is 7
 * times 1e6, "2.5bn" 2.5 times 1e9, "40" 40 times 1. A range says its scale
 * once, at the end ("5 to 7 million"), and the first number takes it from there.
 */
export function splitScale(expression: string, conventions: NumberConventions = DEFAULT_CONVENTIONS): { value: number; base: number; scale: number } | null {
  const value = parseNumber(expression, conventions);
  if (value === null) return null;
  const parts = SCALE_AT_END.exec(expression.trim());
  if (parts === null) return { value, base: value, scale: 1 };
  const base = parseNumber(`${parts[1] as string}${parts[3] ?? ''}`, conventions);
  return base === null || base === 0 ? { value, base: value, scale: 1 } : { value, base, scale: value / base };
}

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
    const expected = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
    return digits[2] === expected ? value : null;
  }
  const [tens, unit] = text.includes('-') ? (text.split('-') as [string, string]) : [null, text];
  const ordinal = ORDINAL_WORDS[unit];
  if (ordinal === undefined) return null;
  if (tens === null) return ordinal;
  const tensValue = TENS[tens];
  return tensValue !== undefined && ordinal < 10 ? tensValue + ordinal : null;
}
