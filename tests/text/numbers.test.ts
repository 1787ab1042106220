import { describe, expect, it } from 'vitest';
import { findNumbers, numberConventions, ORDINAL_EXPRESSION, parseNumber, parseOrdinal, readNumber, splitScale } from '../../src/text/numbers.ts';

/** Every number expression findNumbers finds in a text, as far as it reads. */
const numberExpressions = (text: string): string[] => findNumbers(text).map((found) => found.text);

// [expression, value]: each is matched whole and parses to value.
const EXPRESSIONS: [string, number][] = [
  // digits
  ['0', 0],
  ['7', 7],
  ['47', 47],
  ['2016', 2016],
  ['1,000', 1000],
  ['40,000', 40000],
  ['40,000,000', 40000000],
  ['1,674,200.5', 1674200.5],
  ['3.5', 3.5],
  ['0.25', 0.25],
  ['.75', 0.75],
  // digits with a scale word
  ['1.4 billion', 1400000000],
  ['1.5 million', 1500000],
  ['2 million', 2000000],
  ['12.5 million', 12500000],
  ['100 million', 100000000],
  ['10 thousand', 10000],
  // digits with an abbreviated scale
  ['10M', 10000000],
  ['4m', 4000000],
  ['5k', 5000],
  ['3bn', 3000000000],
  ['2.5bn', 2500000000],
  ['3.5 k', 3500],
  ['12 bln', 12000000000],
  ['5MM', 5000000],
  ['3mil', 3000000],
  ['3 mln', 3000000],
  ['2,100.5 G', 2100500000000],
  ['1.2 tn', 1200000000000],
  ['21.0 MLN', 21000000],
  ['2,100.5G', 2100500000000],
  ['1.5T', 1500000000000],
  // scientific notation
  ['2.5e7', 25000000],
  ['1e5', 100000],
  ['4.1x10^5', 410000],
  ['4.1 × 10⁵', 410000],
  ['3E-3', 0.003],
  // grouping by spaces (clear by itself) and Indian grouping
  ['2 345 678', 2345678],
  ['52 000', 52000],
  ['34,56,789.50', 3456789.5],
  ['1,00,000', 100000],
  // words and digits together
  ['5 thousand 2 hundred and 13', 5213],
  ['1 million 500 thousand', 1500000],
  ['2 million and a half', 2500000],
  ['4 dozens', 48],
  ['7 dzs', 84],
  // spoken decimals
  ['four point nought six', 4.06],
  ['three point five million', 3500000],
  ['zero point naught two', 0.02],
  ['three point oh five', 3.05],
  ['two hundred point five', 200.5],
  // whole and fraction
  ['six and one fifth', 6.2],
  ['ten and three eighths', 10.375],
  ['seven and a quarter', 7.25],
  ['four billion and two thirds', 4666666666.67],
  ['a quarter million', 250000],
  ['three quarters of a million', 750000],
  // words
  ['zero', 0],
  ['one', 1],
  ['eleven', 11],
  ['nineteen', 19],
  ['ninety', 90],
  ['twenty-one', 21],
  ['Twenty-One', 21],
  ['thirty-three', 33],
  ['ninety-nine', 99],
  ['seventy two', 72],
  ['one hundred and five', 105],
  ['a hundred', 100],
  ['a hundred and fifty', 150],
  ['sixteen hundred', 1600],
  ['ten thousand', 10000],
  ['a thousand and one', 1001],
  ['eighty-eight thousand', 88000],
  ['a hundred thousand', 100000],
  ['three hundred thousand', 300000],
  ['two hundred and fifty thousand', 250000],
  ['one hundred and twenty-five thousand', 125000],
  ['a million', 1000000],
  ['A million', 1000000],
  ['sixteen million', 16000000],
  ['Sixteen Million', 16000000],
  ['six hundred million', 600000000],
  ['one thousand two hundred', 1200],
  ['one million two hundred thousand', 1200000],
  // halves
  ['two and a half', 2.5],
  ['seven and a half', 7.5],
  ['two-and-a-half', 2.5],
  ['three and a half thousand', 3500],
  ['five and a half million', 5500000],
  ['one and a half billion', 1500000000],
  // dozens
  ['a dozen', 12],
  ['two dozen', 24],
  ['dozen', 12],
];

// [expression, value]: fractions, compared to a precision.
const FRACTIONS: [string, number][] = [
  ['two-thirds', 0.666667],
  ['one third', 0.333333],
  ['one-third', 0.333333],
  ['three quarters', 0.75],
  ['three-quarters', 0.75],
  ['one-fifth', 0.2],
  ['nine-tenths', 0.9],
  ['one half', 0.5],
  ['one seventh', 1 / 7],
  ['three eighths', 0.375],
  ['five sixths', 5 / 6],
  ['one hundredth', 0.01],
];

describe('findNumbers', () => {
  it.each(EXPRESSIONS)('matches %j whole', (expression) => {
    expect(numberExpressions(expression)).toEqual([expression]);
  });

  it.each(FRACTIONS)('matches the fraction %j whole', (expression) => {
    expect(numberExpressions(expression)).toEqual([expression]);
  });

  it.each([
    ['more than sixteen million practitioners quit', ['sixteen million']],
    ['approximately 100 million people', ['100 million']],
    ['about 12,000 people, or 12% of them', ['12,000', '12']],
    ['$3.5 billion was spent', ['3.5 billion']],
    ['a dozen policemen and two-thirds of the officers', ['a dozen', 'two-thirds']],
    ['Li was one of them.', ['one']],
    ['In 2016, 47 people came.', ['2016', '47']],
    ['nearly 1.4 billion, or 10M.', ['1.4 billion', '10M']],
  ])('finds the numbers in %j', (text, expected) => {
    expect(numberExpressions(text)).toEqual(expected);
  });

  it.each([
    ['COVID-19'],
    ['A4'],
    ['F-16'],
    ['MP3'],
    ['v2'],
    ['22nd'],
    ['1st'],
    ['3pm'],
    ['10MB'],
    ['5G'],
    ['someone'],
    ['anyone'],
    ['often'],
    ['tenth'],
    ['noon'],
    ['thousands'],
    ['dozens of people'],
    ['hundreds of people'],
    ['a few'],
    ['several'],
    ['many'],
  ])('finds no number in %j', (text) => {
    expect(numberExpressions(text)).toEqual([]);
  });
});

describe('parseNumber', () => {
  it.each(EXPRESSIONS)('parses %j as %d', (expression, expected) => {
    expect(parseNumber(expression)).toBe(expected);
  });

  it.each(FRACTIONS)('parses the fraction %j as %d', (expression, expected) => {
    expect(parseNumber(expression)).toBeCloseTo(expected, 5);
  });

  it.each([
    ['  sixteen   million ', 16000000],
    ['sixteen\u00a0million', 16000000],
    ['1.4  Billion', 1400000000],
  ])('normalises spacing and case in %j', (expression, expected) => {
    expect(parseNumber(expression)).toBe(expected);
  });

  it.each([['hello'], ['someone'], ['12 apples'], ['1.2.3'], ['more than 40'], ['$3.5 billion'], ['12%'], ['many'], ['']])(
    'returns null for %j, which is not a number',
    (expression) => {
      expect(parseNumber(expression)).toBeNull();
    },
  );
});

describe('findNumbers and minus signs', () => {
  it.each([
    ['It was -5 degrees.', ['5']],
    ['Growth was (-3.2%).', ['3.2']],
    ['Growth was −0.3%.', ['0.3']],
    ['10-20 people', ['10']],
    ['COVID-19 and F-16', []],
  ])('finds the numbers in %j (the sign is read by the figures stage)', (text, expected) => {
    expect(numberExpressions(text)).toEqual(expected);
  });
});

// [text, the expression found, its value]: halves, fractions with an article before "of", digit and vulgar fractions, Indian scales.
const HALVES_AND_FRACTIONS: [string, string, number][] = [
  ['A half million people marched.', 'A half million', 500000],
  ['half a million people marched', 'half a million', 500000],
  ['Half a dozen ships sank.', 'Half a dozen', 6],
  ['half a billion dollars', 'half a billion', 5e8],
  ['an hour and a half million times', 'a half million', 500000],
  ['five and a half million voters', 'five and a half million', 5500000],
  ['Almost half of voters stayed home.', 'half', 0.5],
  ['half of the budget', 'half', 0.5],
  ['Roughly a third of the crop was lost.', 'a third', 1 / 3],
  ['A quarter of the staff left.', 'A quarter', 0.25],
  ['a fifth of the vote', 'a fifth', 0.2],
  ['a tenth of the forest', 'a tenth', 0.1],
  ['shares gained about a fifth since 2023', 'a fifth', 0.2],
  ['nearly a third, officials said', 'a third', 1 / 3],
  ['barely a quarter turned out', 'a quarter', 0.25],
  ['About 1/3 of the forest burned.', '1/3', 1 / 3],
  ['3/4 of the seats', '3/4', 0.75],
  ['1/2 of it', '1/2', 0.5],
  ['2/5 of members', '2/5', 0.4],
  ['The pipe is 3½ inches wide.', '3½', 3.5],
  ['add ½ cup of milk', '½', 0.5],
  ['a 2¼ mile walk', '2¼', 2.25],
  ['about ¾ of them', '¾', 0.75],
  ['Funding of Rs 500 crore', '500 crore', 5e9],
  ['2 lakh people', '2 lakh', 200000],
];

// Texts where a fraction-like phrase is no number: parts of a period, ordinals.
const NOT_FRACTIONS: string[] = [
  'he came back for a third time',
  'over a third day of talks',
  'the first half of the year',
  'in the second half',
  'a third day of protests',
  'a quarter century',
  'the other half of the team',
  'the latter half of May',
];
// Digit pairs with a slash that are names and slogans, not fractions: matched whole, so no part counts, and worth nothing.
const NOT_DIGIT_FRACTIONS: string[] = ['9/11', '24/7', '7/11', '3/2', '50/50', '1/20'];

describe('halves, fractions and scales', () => {
  it.each(HALVES_AND_FRACTIONS)('%j has %j = %d', (text, expression, value) => {
    expect(numberExpressions(text)).toContain(expression);
    expect(parseNumber(expression)).toBeCloseTo(value, 9);
  });

  it.each(NOT_FRACTIONS)('%j has no fraction', (text) => {
    expect(numberExpressions(text)).toEqual([]);
  });

  it.each(NOT_DIGIT_FRACTIONS)('%j is no fraction', (text) => {
    expect(numberExpressions(text)).toEqual([text]);
    expect(parseNumber(text)).toBeNull();
  });
});

// [expression, value, base, scale]
const SCALES: [string, number, number, number][] = [
  ['7 million', 7e6, 7, 1e6],
  ['2.5bn', 2.5e9, 2.5, 1e9],
  ['40', 40, 40, 1],
  ['seven billion', 7e9, 7, 1e9],
  ['10M', 1e7, 10, 1e6],
  ['3 thousand', 3000, 3, 1000],
  ['twenty', 20, 20, 1],
  ['1.2 million', 1.2e6, 1.2, 1e6],
];

describe('splitScale', () => {
  it.each(SCALES)('%j is %d = %d x %d', (expression, value, base, scale) => {
    const split = splitScale(expression);
    expect(split?.value).toBeCloseTo(value, 6);
    expect(split?.base).toBeCloseTo(base, 9);
    expect(split?.scale).toBeCloseTo(scale, 6);
  });
});

describe('ORDINAL_EXPRESSION and parseOrdinal', () => {
  it.each([
    ['1st', 1],
    ['2nd', 2],
    ['3rd', 3],
    ['4th', 4],
    ['11th', 11],
    ['12th', 12],
    ['13th', 13],
    ['21st', 21],
    ['22nd', 22],
    ['23rd', 23],
    ['101st', 101],
    ['1,000th', 1000],
    ['second', 2],
    ['Third', 3],
    ['twelfth', 12],
    ['twentieth', 20],
    ['twenty-first', 21],
    ['twenty-fifth', 25],
    ['ninety-ninth', 99],
    ['hundredth', 100],
  ])('%j is the ordinal %i', (expression, expected) => {
    expect([...expression.matchAll(ORDINAL_EXPRESSION)].map((match) => match[0])).toEqual([expression]);
    expect(parseOrdinal(expression)).toBe(expected);
  });

  it.each([['12nd'], ['1th'], ['3st'], ['twenty-twelfth'], ['seconds']])('%j is not an ordinal', (expression) => {
    const found = [...expression.matchAll(ORDINAL_EXPRESSION)].map((match) => match[0]);
    expect(found.length === 0 || parseOrdinal(found[0] as string) === null).toBe(true);
  });
});

// [text, the numbers found]: a run that is not one number is read as the numbers it is, or cut; never summed.
const CUT_RUNS: [string, [string, number][]][] = [
  [
    'She read two one hundred pages',
    [
      ['two', 2],
      ['one hundred', 100],
    ],
  ],
  [
    'It was ten twenty minutes',
    [
      ['ten', 10],
      ['twenty', 20],
    ],
  ],
  [
    'between 2 million and 3 million',
    [
      ['2 million', 2e6],
      ['3 million', 3e6],
    ],
  ],
  [
    'between two million and three million',
    [
      ['two million', 2e6],
      ['three million', 3e6],
    ],
  ],
  [
    'A$100 million three-year bonds',
    [
      ['100 million', 1e8],
      ['three', 3],
    ],
  ],
  [
    'It rose 2 million 3 times',
    [
      ['2 million', 2e6],
      ['3', 3],
    ],
  ],
  [
    'In 2016 300 people came',
    [
      ['2016', 2016],
      ['300', 300],
    ],
  ],
  ['scored 3 100 times', []],
  ['one hundred and a half', [['one hundred', 100]]],
  [
    'between two hundred and three hundred',
    [
      ['two hundred', 200],
      ['three hundred', 300],
    ],
  ],
  ['the two hundred fifth anniversary', []],
  ['the twenty fifth day', []],
  ['pages 3,5 and 7', [['7', 7]]],
  ['a 5 m wall', [['5', 5]]],
  ['an index of 3,8921.1', []],
  ['a fifty-fifty chance', []],
  ['her twenty-first birthday', []],
  ['a 30-second ad', [['30', 30]]],
  ['a 5G network and 5T of steel', []],
  ['5T and 4.1·10^5', [['4.1·10^5', 410000]]],
  ['oh point five', []],
  [
    '2 1/2 inches and 4-3/4 feet',
    [
      ['2 1/2', 2.5],
      ['4-3/4', 4.75],
    ],
  ],
  [
    '3 ½ and 10^6 and 10⁻³',
    [
      ['3 ½', 3.5],
      ['10^6', 1e6],
      ['10⁻³', 0.001],
    ],
  ],
  ['nought point five', [['nought point five', 0.5]]],
];

describe('runs that are not one number', () => {
  it.each(CUT_RUNS)('%j has %j', (text, expected) => {
    expect(
      findNumbers(text)
        .filter((found) => found.value !== null)
        .map((found) => [found.text, found.value]),
    ).toEqual(expected);
  });

  it('reads the longest start that is one number', () => {
    expect(readNumber('two one hundred')).toEqual({ value: 2, length: 3 });
    expect(readNumber('six and one fifth percent')).toEqual({ value: 6.2, length: 17 });
    expect(readNumber('and')).toBeNull();
  });
});

describe('numberConventions', () => {
  it.each([
    ['Prices rose 3.5% to 1,250 euros.', 'auto', { decimalSeparator: '.', spaceGrouping: 'never' }],
    ['Les prix ont augmenté de 3,5 % et 2,25 %.', 'auto', { decimalSeparator: ',', spaceGrouping: 'unclear' }],
    ['Il y a 1.234.567 habitants et 3,5 % de chômage.', 'auto', { decimalSeparator: ',', spaceGrouping: 'never' }],
    ['Both 3,5 and 3.5 appear.', 'auto', { decimalSeparator: '.', spaceGrouping: 'unclear' }],
    ['There were 2 345 678 voters and 12 345 seats.', 'auto', { decimalSeparator: '.', spaceGrouping: 'read' }],
    ['There were 2 345 678 voters and 12,345 seats.', 'auto', { decimalSeparator: '.', spaceGrouping: 'never' }],
    ['Le budget est de 1 234,5 millions.', 'auto', { decimalSeparator: ',', spaceGrouping: 'read' }],
    ['It rose 3,5 %.', '.', { decimalSeparator: '.', spaceGrouping: 'unclear' }],
    ['It rose 3.5%.', ',', { decimalSeparator: ',', spaceGrouping: 'unclear' }],
  ] as const)('%j (%s) is %j', (text, setting, expected) => {
    expect(numberConventions(text, setting)).toEqual(expected);
  });

  it('reads digits by the conventions', () => {
    const comma = { decimalSeparator: ',', spaceGrouping: 'unclear' } as const;
    expect(parseNumber('3,5', comma)).toBe(3.5);
    expect(parseNumber('1.234,5', comma)).toBe(1234.5);
    expect(parseNumber('1.250', comma)).toBe(1250);
    expect(parseNumber('3,5')).toBeNull();
    expect(parseNumber('12 345', { decimalSeparator: '.', spaceGrouping: 'read' })).toBe(12345);
    expect(findNumbers('12 345', { decimalSeparator: '.', spaceGrouping: 'never' }).map((found) => found.value)).toEqual([12, 345]);
    expect(findNumbers('12 345').map((found) => found.value)).toEqual([null]);
    expect(findNumbers('1 234,5').map((found) => found.value)).toEqual([null]);
  });
});
