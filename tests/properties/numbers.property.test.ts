import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/text/numbers.ts';
import { PROPERTY_RUNS } from './runs.ts';

/*
 * A small number writer of the tests' own, independent of the grammar it
 * checks: it writes a value the ways news does (digits, grouped digits,
 * words, digits with scale words, abbreviations, fractions in words and digits, spoken
 * decimals, scientific notation), and findNumbers must read back exactly
 * that value from exactly that text.
 */

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALE_NAMES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];
/** Denominators and their singular and plural words. */
const DENOMINATORS: [number, string, string][] = [
  [2, 'half', 'halves'],
  [3, 'third', 'thirds'],
  [4, 'quarter', 'quarters'],
  [5, 'fifth', 'fifths'],
  [6, 'sixth', 'sixths'],
  [7, 'seventh', 'sevenths'],
  [8, 'eighth', 'eighths'],
  [9, 'ninth', 'ninths'],
  [10, 'tenth', 'tenths'],
  [100, 'hundredth', 'hundredths'],
];

/** 1 to 99 in words, tens and units joined by a hyphen or a space. */
function belowHundred(value: number, joiner: string): string {
  if (value < 20) return ONES[value] as string;
  const tens = TENS[Math.floor(value / 10)] as string;
  return value % 10 === 0 ? tens : `${tens}${joiner}${ONES[value % 10] as string}`;
}

/** 1 to 999 in words ("three hundred and five"); `and` between the hundreds and the rest, as British English writes it. */
function belowThousand(value: number, joiner: string): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  if (hundreds === 0) return belowHundred(rest, joiner);
  const head = `${ONES[hundreds] as string} hundred`;
  return rest === 0 ? head : `${head} and ${belowHundred(rest, joiner)}`;
}

/** Splits a whole number into its groups under each scale, highest first, and what is left below a thousand. */
function groups(value: number): { scales: [number, string][]; rest: number } {
  const scales: [number, string][] = [];
  let left = value;
  for (const [scale, name] of SCALE_NAMES) {
    const count = Math.floor(left / scale);
    if (count > 0) scales.push([count, name]);
    left -= count * scale;
  }
  return { scales, rest: left };
}

/** A whole number in words or with digits for each group ("5 thousand 2 hundred and 13"); a last group below 100 after a scale takes "and". */
function scaled(value: number, group: (count: number) => string): string {
  if (value === 0) return 'zero';
  const { scales, rest } = groups(value);
  const parts = scales.map(([count, name]) => `${group(count)} ${name}`);
  if (rest > 0) parts.push(rest < 100 && parts.length > 0 ? `and ${group(rest)}` : group(rest));
  return parts.join(' ');
}

const wordsOf = (value: number, joiner: string): string => scaled(value, (count) => belowThousand(count, joiner));
/** Digits for each group, with "hundred" written out ("2 hundred and 13"). */
const mixedOf = (value: number): string =>
  scaled(value, (count) => (count >= 100 ? `${Math.floor(count / 100)} hundred${count % 100 === 0 ? '' : ` and ${count % 100}`}` : String(count)));
const grouped = (digits: string, separator: string): string => digits.replace(/\B(?=(?:\d{3})+$)/g, separator);
/** Indian grouping: the last three digits, then twos ("34,56,789"). */
const lakh = (digits: string): string => (digits.length <= 3 ? digits : `${digits.slice(0, -3).replace(/\B(?=(?:\d{2})+$)/g, ',')},${digits.slice(-3)}`);

interface Written {
  text: string;
  value: number;
}

const wholeNumber = fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1000, max: 999_999 }), fc.integer({ min: 1_000_000, max: 999_999_999_999 }));

/** Whole numbers in digits (plain, comma, space or lakh grouped), in words, and mixed. */
const wholeNumbers: fc.Arbitrary<Written> = fc.tuple(wholeNumber, fc.integer({ min: 0, max: 6 })).map(([value, form]) => {
  const digits = String(value);
  const texts = [
    digits,
    grouped(digits, ','),
    value >= 1_000_000 ? grouped(digits, ' ') : digits,
    value >= 100_000 ? lakh(digits) : grouped(digits, ','),
    wordsOf(value, '-'),
    wordsOf(value, ' '),
    mixedOf(value),
  ];
  return { text: texts[form] as string, value };
});

/** A decimal with a scale word or an abbreviation ("1.5 million", "3.5 k", "12 bln", "5MM"). */
const scaledDecimals: fc.Arbitrary<Written> = fc
  .tuple(
    fc.integer({ min: 1, max: 999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom<[string, number]>(
      [' thousand', 3],
      [' million', 6],
      [' billion', 9],
      [' trillion', 12],
      ['k', 3],
      [' k', 3],
      ['M', 6],
      [' M', 6],
      ['MM', 6],
      ['mil', 6],
      [' mln', 6],
      ['bn', 9],
      [' bln', 9],
      [' G', 9],
      ['tn', 12],
    ),
  )
  .map(([whole, hundredths, [suffix, power]]) => {
    const mantissa = hundredths === 0 ? String(whole) : `${whole}.${String(hundredths).padStart(2, '0').replace(/0$/, '')}`;
    return { text: `${mantissa}${suffix}`, value: Number(`${mantissa}e${power}`) };
  });

/** Scientific notation ("2.5e7", "4.1x10^5", "3 × 10⁶"). */
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const scientific: fc.Arbitrary<Written> = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 2 }))
  .map(([whole, tenth, power, form]) => {
    const mantissa = tenth === 0 ? String(whole) : `${whole}.${tenth}`;
    const exponent = [`e${power}`, `x10^${power}`, ` × 10${[...String(power)].map((digit) => SUPERSCRIPT[Number(digit)]).join('')}`][form] as string;
    return { text: `${mantissa}${exponent}`, value: Number(`${mantissa}e${power}`) };
  });

/** A fraction in words: numerator and denominator agreeing ("one fifth", "three eighths", "a quarter"). */
const fractionWords = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom(...DENOMINATORS), fc.boolean())
  .filter(([numerator, [denominator]]) => numerator < denominator && !(denominator === 2 && numerator !== 1))
  .map(([numerator, [denominator, singular, plural], article]) => ({
    words: numerator === 1 ? `${article ? 'a' : 'one'} ${singular}` : `${ONES[numerator] as string} ${plural}`,
    numerator,
    denominator,
  }));

/** Fractions alone, joined to a whole ("six and one fifth", "2 million and a half"), and of a scale ("a quarter million"). */
const fractions: fc.Arbitrary<Written> = fc
  .tuple(
    fractionWords,
    fc.integer({ min: 1, max: 99 }),
    fc.constantFrom<[string, number]>(['', 1], [' thousand', 1e3], [' million', 1e6], [' billion', 1e9]),
    fc.integer({ min: 0, max: 3 }),
  )
  .filter(([fraction, , , form]) => form !== 0 || !fraction.words.startsWith('a '))
  .map(([{ words, numerator, denominator }, whole, [scaleWord, scale], form]) => {
    if (form === 0) return { text: words, value: figureValue(numerator, denominator) };
    if (form === 1 && scale > 1) return { text: `${words}${scaleWord}`, value: figureValue(numerator * scale, denominator) };
    // "five and a half million": the whole and the fraction, then the scale; "four billion and two thirds": the fraction of the scale.
    const wholeText = form === 3 ? String(whole) : belowHundred(whole, '-');
    const value = figureValue((whole * denominator + numerator) * scale, denominator);
    return { text: form === 2 ? `${wholeText} and ${words}${scaleWord}` : `${wholeText}${scaleWord} and ${words}`, value };
  });

/** Decimals said digit by digit ("four point nought six"). */
const spokenDecimals: fc.Arbitrary<Written> = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([whole, decimals, nought]) => ({
    text: `${whole === 0 ? 'zero' : belowHundred(whole, '-')} point ${decimals.map((digit) => (digit === 0 && nought ? 'nought' : ONES[digit])).join(' ')}`,
    value: Number(`${whole}.${decimals.join('')}`),
  }));

/** Dozens ("4 dozens", "two dozen", "7 dzs"). */
const dozens: fc.Arbitrary<Written> = fc
  .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('dozen', 'dozens', 'dzs', 'words'))
  .map(([count, form]) => ({ text: form === 'words' ? `${belowHundred(count, '-')} dozen` : `${count} ${form}`, value: count * 12 }));

/** Fractions in digits, alone or after a whole number ("3/4", "2 1/2", "4-3/8", "5 and 3/16") and fraction characters ("3½", "2 ¾"). */
const VULGAR: [string, number, number][] = [
  ['½', 1, 2],
  ['¼', 1, 4],
  ['¾', 3, 4],
  ['⅓', 1, 3],
  ['⅔', 2, 3],
  ['⅛', 1, 8],
  ['⅜', 3, 8],
];
const digitFractions: fc.Arbitrary<Written> = fc
  .tuple(
    fc.integer({ min: 0, max: 999 }),
    fc.constantFrom(2, 4, 8, 16),
    fc.integer({ min: 1, max: 15 }),
    fc.constantFrom(' ', '-', ' and '),
    fc.constantFrom(...VULGAR),
    fc.boolean(),
  )
  .filter(([, denominator, numerator]) => numerator < denominator)
  .map(([whole, denominator, numerator, joiner, [character, top, bottom], vulgar]) =>
    vulgar
      ? { text: `${whole === 0 ? '' : whole}${whole !== 0 && joiner === ' ' ? ' ' : ''}${character}`, value: figureValue(whole * bottom + top, bottom) }
      : {
          text: whole === 0 ? `${numerator}/${denominator}` : `${whole}${joiner}${numerator}/${denominator}`,
          value: figureValue(whole * denominator + numerator, denominator),
        },
  );

const written = fc.oneof(wholeNumbers, scaledDecimals, scientific, fractions, spokenDecimals, dozens, digitFractions);

/**
 * The value a figure gives the fraction numerator/denominator: exact when it
 * has a finite decimal form, else to the cent from 1 up (SPEC of `value`:
 * "four billion and two thirds" is 4666666666.67), and as a double below 1.
 */
function figureValue(numerator: number, denominator: number): number {
  const value = numerator / denominator;
  let rest = denominator;
  for (let divisor = 2; divisor <= rest; divisor++) {
    while (numerator % divisor === 0 && rest % divisor === 0) {
      numerator /= divisor;
      rest /= divisor;
    }
  }
  while (rest % 2 === 0) rest /= 2;
  while (rest % 5 === 0) rest /= 5;
  return rest === 1 || Math.abs(value) < 1 ? value : Number(value.toFixed(2));
}

/** The numbers found in a sentence around the text, with their values. */
const readIn = (text: string): [string, number | null][] => findNumbers(`The figure was ${text} in all.`).map((found) => [found.text, found.value]);

describe('numbers written and read back', () => {
  it('reads every written number whole, with the value it was written from', () => {
    fc.assert(
      fc.property(written, ({ text, value }) => {
        expect(readIn(text)).toEqual([[text, value]]);
      }),
      { numRuns: PROPERTY_RUNS, seed: 17 },
    );
  });

  it('reads two numbers side by side that are not one number as two, never as their sum', () => {
    // The first ends in a units word and the second starts with one or with digits: "two one hundred", "five 300".
    const endsInUnits = fc
      .integer({ min: 1, max: 999_999 })
      .filter((value) => value % 10 !== 0 && value % 100 > 9 === false)
      .map((value) => ({ text: wordsOf(value, '-'), value }));
    const startsWithUnits = fc.oneof(
      fc
        .integer({ min: 1, max: 9 })
        .chain((head) =>
          fc
            .integer({ min: 0, max: 99 })
            .map((rest) => ({ text: `${ONES[head] as string} hundred${rest === 0 ? '' : ` and ${belowHundred(rest, '-')}`}`, value: head * 100 + rest })),
        ),
      fc.integer({ min: 2, max: 999 }).map((value) => ({ text: String(value), value })),
    );
    fc.assert(
      fc.property(endsInUnits, startsWithUnits, (first, second) => {
        expect(readIn(`${first.text} ${second.text}`)).toEqual([
          [first.text, first.value],
          [second.text, second.value],
        ]);
      }),
      { numRuns: PROPERTY_RUNS, seed: 17 },
    );
  });
});
