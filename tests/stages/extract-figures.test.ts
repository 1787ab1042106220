import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../src/document.ts';
import { figuresOf } from '../helpers/figures.ts';

type Row = [text: string, value: number, valueMax: number | null, qualifier: string, kind: string, unit: string | null, item: string | null];
const rows = (document: PipelineDocument): Row[] =>
  document.figures.map((figure) => [figure.text, figure.value, figure.valueMax, figure.qualifier, figure.kind, figure.unit, figure.item]);

const CASES: [string, Row[]][] = [
  // counts in digits and words, with the counted noun
  ['Police detained 47 practitioners.', [['47', 47, null, 'exact', 'count', null, 'practitioners']]],
  [
    'The 793 policemen and 17 military officers were executed.',
    [
      ['793', 793, null, 'exact', 'count', null, 'policemen'],
      ['17', 17, null, 'exact', 'count', null, 'military officers'],
    ],
  ],
  ['More than sixteen million people have quit.', [['More than sixteen million', 16000000, null, 'more_than', 'count', null, 'people']]],
  ['Among the 1.4 billion Chinese people, few agree.', [['1.4 billion', 1400000000, null, 'exact', 'count', null, 'Chinese people']]],
  ['A dozen policemen quit.', [['A dozen', 12, null, 'exact', 'count', null, 'policemen']]],
  ['Five and a half million voters stayed home.', [['Five and a half million', 5500000, null, 'exact', 'count', null, 'voters']]],
  ['The club sold 1,674,200 tickets.', [['1,674,200', 1674200, null, 'exact', 'count', null, 'tickets']]],
  ['The firm hired 1,200 new workers.', [['1,200', 1200, null, 'exact', 'count', null, 'new workers']]],
  ['We present three such stories.', [['three', 3, null, 'exact', 'count', null, 'stories']]],
  ['The streaming service added 10M subscribers.', [['10M', 10000000, null, 'exact', 'count', null, 'subscribers']]],
  ['Officers came back and she persuaded more than ten of them to quit.', [['more than ten', 10, null, 'more_than', 'count', null, 'Officers']]],
  ['Five of the ministers resigned.', [['Five', 5, null, 'exact', 'count', null, 'ministers']]],
  ['When the number of people quitting reached ten million, officials followed.', [['ten million', 10000000, null, 'exact', 'count', null, 'people']]],
  ['Nearly two-thirds of the voters agreed.', [['Nearly two-thirds', 2 / 3, null, 'approximately', 'count', null, 'voters']]],
  ['He was nominated three times.', [['three', 3, null, 'exact', 'count', null, 'times']]],
  // qualifiers
  ['Approximately 100 million people watched.', [['Approximately 100 million', 100000000, null, 'approximately', 'count', null, 'people']]],
  ['Some 300 workers went on strike.', [['Some 300', 300, null, 'approximately', 'count', null, 'workers']]],
  ['Roughly 40 ships sank.', [['Roughly 40', 40, null, 'approximately', 'count', null, 'ships']]],
  ['At least 17 people died.', [['At least 17', 17, null, 'at_least', 'count', null, 'people']]],
  ['Up to 500 troops will be sent.', [['Up to 500', 500, null, 'at_most', 'count', null, 'troops']]],
  ['Fewer than 20 lawmakers voted.', [['Fewer than 20', 20, null, 'less_than', 'count', null, 'lawmakers']]],
  ['Over 3,000 fans sang.', [['Over 3,000', 3000, null, 'more_than', 'count', null, 'fans']]],
  ['No more than 12 students passed.', [['No more than 12', 12, null, 'at_most', 'count', null, 'students']]],
  ['They expect 100 or more guests.', [['100 or more', 100, null, 'at_least', 'count', null, 'guests']]],
  // ranges
  ['Between 10 and 20 soldiers were killed.', [['Between 10 and 20', 10, 20, 'exact', 'count', null, 'soldiers']]],
  ['The storm hurt 10-20 people.', [['10-20', 10, 20, 'exact', 'count', null, 'people']]],
  ['She is in her 70s.', [['70s', 70, 79, 'exact', 'measure', 'years', 'age']]],
  // percent
  ['Sales rose 12% in the quarter.', [['12%', 12, null, 'exact', 'percent', 'percent', null]]],
  ['Turnout was 12 percent.', [['12 percent', 12, null, 'exact', 'percent', 'percent', null]]],
  ['Prices rose twelve per cent.', [['twelve per cent', 12, null, 'exact', 'percent', 'percent', null]]],
  ['Rates rose 2.5 percentage points.', [['2.5 percentage points', 2.5, null, 'exact', 'percent', 'percentage points', null]]],
  ['Growth was −0.3% in the period.', [['−0.3%', -0.3, null, 'exact', 'percent', 'percent', null]]],
  ['Almost 60 percent of those eligible voted.', [['Almost 60 percent', 60, null, 'approximately', 'percent', 'percent', null]]],
  // money
  ['The deal is worth $3.5 billion.', [['$3.5 billion', 3500000000, null, 'exact', 'money', 'USD', null]]],
  ['He was fined 500 yuan.', [['500 yuan', 500, null, 'exact', 'money', 'CNY', null]]],
  ['The ticket costs £5,000.', [['£5,000', 5000, null, 'exact', 'money', 'GBP', null]]],
  ['A bowl of rice costs ¥100.', [['¥100', 100, null, 'exact', 'money', 'CNY', null]]],
  ['The bank lent 2 million euros.', [['2 million euros', 2000000, null, 'exact', 'money', 'EUR', null]]],
  ['Shares fell 45 cents.', [['45 cents', 45, null, 'exact', 'money', 'cents', null]]],
  ['The grant was about US$12 million.', [['about US$12 million', 12000000, null, 'approximately', 'money', 'USD', null]]],
  // measures
  ['The road is 40 km long.', [['40 km', 40, null, 'exact', 'measure', 'km', null]]],
  ['The ship carried 300 tonnes of grain.', [['300 tonnes', 300, null, 'exact', 'measure', 'tonnes', null]]],
  ['The baby weighed 3.5 kg.', [['3.5 kg', 3.5, null, 'exact', 'measure', 'kg', null]]],
  ['The talks lasted 12 hours.', [['12 hours', 12, null, 'exact', 'measure', 'hours', null]]],
  ['After about half an hour, she left.', [['about half an hour', 0.5, null, 'approximately', 'measure', 'hour', null]]],
  ['The campaign went on for over two decades.', [['over two decades', 2, null, 'more_than', 'measure', 'decades', null]]],
  ['He died less than a year after his son.', [['less than a year', 1, null, 'less_than', 'measure', 'year', null]]],
  ['It was -5 degrees overnight.', [['-5 degrees', -5, null, 'exact', 'measure', 'degrees', null]]],
  // ordinals, kept apart
  ['The persecution enters its 22nd year.', [['22nd', 22, null, 'exact', 'ordinal', null, 'year']]],
  ['She lost her second son.', [['second', 2, null, 'exact', 'ordinal', null, 'son']]],
  ['It was their fifth victory.', [['fifth', 5, null, 'exact', 'ordinal', null, 'victory']]],
  // not figures
  ['It was the first time he spoke.', []],
  ['Wait a second.', []],
  ['He began practicing law in 1996.', []],
  ['The report of January 7, 2016 came out.', []],
  ['Li Dongsheng, director of the 610 Office, was arrested.', []],
  ['Many read the Nine Commentaries on the Communist Party.', []],
  ['Flight 370 vanished.', []],
  ['Call 555-123-4567 for details.', []],
  ['See page 12 for the table.', []],
  ['Several officers and many others quit; a few stayed.', []],
  ['Dozens of people and hundreds of others came.', []],
  ['One of them spoke. No one else did.', []],
  ['The team won 3-1.', []],
  ['The meeting starts at 10:30 a.m.', []],
  ['COVID-19 spread.', []],
];

// Ranges whose unit is said twice or whose scale is said once, ratios, glued units, and what is no figure in news: scores, names, ages, times.
const NEWS_CASES: [string, Row[]][] = [
  // a range repeats its unit on both ends
  ['Polls put support between 46% and 47%.', [['between 46% and 47%', 46, 47, 'exact', 'percent', 'percent', null]]],
  ['Growth of 2% to 3% is expected.', [['2% to 3%', 2, 3, 'exact', 'percent', 'percent', null]]],
  ['The rate is 4.25%-4.5%.', [['4.25%-4.5%', 4.25, 4.5, 'exact', 'percent', 'percent', null]]],
  ['The Fed held rates at 5.25% to 5.5%.', [['5.25% to 5.5%', 5.25, 5.5, 'exact', 'percent', 'percent', null]]],
  ['Support was 40 percent to 45 percent.', [['40 percent to 45 percent', 40, 45, 'exact', 'percent', 'percent', null]]],
  ['The shares traded at $10-$12.', [['$10-$12', 10, 12, 'exact', 'money', 'USD', null]]],
  ['It costs between $5 and $7.', [['between $5 and $7', 5, 7, 'exact', 'money', 'USD', null]]],
  ['It forecast earnings of $6.10 to $6.40 per share.', [['$6.10 to $6.40', 6.1, 6.4, 'exact', 'money', 'USD', null]]],
  [
    'The index fell 0.8% to 4,950.',
    [
      ['0.8%', 0.8, null, 'exact', 'percent', 'percent', null],
      ['4,950', 4950, null, 'exact', 'count', null, null],
    ],
  ],
  // a range says its scale once
  ['The estimate was 5-6 million.', [['5-6 million', 5e6, 6e6, 'exact', 'count', null, null]]],
  ['Some 5 to 7 million people are affected.', [['Some 5 to 7 million', 5e6, 7e6, 'approximately', 'count', null, 'people']]],
  ['Between 10 and 20 million people watched.', [['Between 10 and 20 million', 1e7, 2e7, 'exact', 'count', null, 'people']]],
  ['The park draws 3,000-4,000 visitors a day.', [['3,000-4,000', 3000, 4000, 'exact', 'count', null, 'visitors']]],
  ['The deal is worth $2-3 billion.', [['$2-3 billion', 2e9, 3e9, 'exact', 'money', 'USD', null]]],
  // ratios
  ['1 in 5 adults smoke.', [['1 in 5', 0.2, null, 'exact', 'count', null, 'adults']]],
  ['One in four children is poor.', [['One in four', 0.25, null, 'exact', 'count', null, 'children']]],
  ['Nine in 10 voters disapprove.', [['Nine in 10', 0.9, null, 'exact', 'count', null, 'voters']]],
  ['About 4 in 10 Americans agree.', [['About 4 in 10', 0.4, null, 'approximately', 'count', null, 'Americans']]],
  ['Prices rose 5% in 2023.', [['5%', 5, null, 'exact', 'percent', 'percent', null]]],
  // fractions and halves
  ['Roughly a third of the crop was lost.', [['Roughly a third', 1 / 3, null, 'approximately', 'count', null, 'crop']]],
  ['Almost half of voters abstained.', [['Almost half', 0.5, null, 'approximately', 'count', null, 'voters']]],
  ['Organisers said half a million people marched.', [['half a million', 500000, null, 'exact', 'count', null, 'people']]],
  ['About 1/3 of the forest burned.', [['About 1/3', 1 / 3, null, 'approximately', 'count', null, 'forest']]],
  ['The pipe is 3½ inches wide.', [['3½ inches', 3.5, null, 'exact', 'measure', 'inches', null]]],
  ['There were 300-odd delegates.', [['300-odd', 300, null, 'approximately', 'count', null, 'delegates']]],
  // units glued on, joined by a hyphen, or newly known
  [
    'The runner covered 10km in 27 minutes.',
    [
      ['10km', 10, null, 'exact', 'measure', 'km', null],
      ['27 minutes', 27, null, 'exact', 'measure', 'minutes', null],
    ],
  ],
  ['Temperatures have risen by 2.2C since then.', [['2.2C', 2.2, null, 'exact', 'measure', 'C', null]]],
  ['It was 104F in Phoenix.', [['104F', 104, null, 'exact', 'measure', 'F', null]]],
  ['Temperatures dropped to minus 5 C overnight.', [['minus 5 C', -5, null, 'exact', 'measure', 'C', null]]],
  ['Assefa covered the 42.195-kilometre course.', [['42.195-kilometre', 42.195, null, 'exact', 'measure', 'kilometre', null]]],
  ['The wind reached 120 km/h.', [['120 km/h', 120, null, 'exact', 'measure', 'km/h', null]]],
  ['Rates rose by 25 basis points.', [['25 basis points', 25, null, 'exact', 'measure', 'basis points', null]]],
  ['The cut was 50 bps.', [['50 bps', 50, null, 'exact', 'measure', 'bps', null]]],
  ['Warsaw will release 1 billion zlotys in aid.', [['1 billion zlotys', 1e9, null, 'exact', 'money', 'PLN', null]]],
  ['The loan was 500 million forints.', [['500 million forints', 5e8, null, 'exact', 'money', 'HUF', null]]],
  ['Output rose to 1.2 million barrels per day.', [['1.2 million barrels per day', 1.2e6, null, 'exact', 'measure', 'barrels per day', null]]],
  ['The glaciers hold about 46 cubic kilometers of water.', [['about 46 cubic kilometers', 46, null, 'approximately', 'measure', 'cubic kilometers', null]]],
  // scores, votes, names, ages, times and "another" are no figures
  ['The team won 3-0 at Brighton.', []],
  ['Sinner beat Medvedev 3-6 3-6 6-4 6-4 6-3.', []],
  ['The vote was 7 to 2.', []],
  ['The bill passed 52-48 in the Senate.', []],
  ["Erik ten Hag's side lost again.", []],
  ['Ten Hag, whose future is in doubt, spoke.', []],
  ['The iPhone 15 sold well.', []],
  ['The 23-year-old scored twice.', []],
  ['A 10-month-old girl was rescued.', []],
  ['They met at 3 p.m. on the pier.', []],
  ['A second quake struck hours later.', []],
  ['Growth slowed in the second quarter.', []],
  ['Demand is strong in the second half.', []],
  ['No one in the room spoke.', []],
];

describe('extractFigures in news', () => {
  it.each(NEWS_CASES)('%s', (text, expected) => {
    const actual = rows(figuresOf(text));
    expect(actual.map((row) => row[0])).toEqual(expected.map((row) => row[0]));
    actual.forEach((row, index) => {
      const [, value, ...rest] = expected[index] as Row;
      expect(row[1]).toBeCloseTo(value, 9);
      expect(row.slice(2)).toEqual(rest);
    });
  });
});

describe('extractFigures', () => {
  it.each(CASES)('%s', (text, expected) => {
    const actual = rows(figuresOf(text));
    expect(actual.length).toBe(expected.length);
    actual.forEach((row, index) => {
      const [text, value, ...rest] = expected[index] as Row;
      expect(row[0]).toBe(text);
      expect(row[1]).toBeCloseTo(value, 9);
      expect(row.slice(2)).toEqual(rest);
    });
  });

  it.each(CASES)('every span slices back to its text: %s', (text) => {
    for (const figure of figuresOf(text).figures) expect(text.slice(figure.start, figure.end)).toBe(figure.text);
  });
});

describe('extractFigures deep into a long passage', () => {
  it('reads the words before a number however far into the passage it sits', () => {
    const filler = 'The committee met again and talked at length about the budget without reaching any agreement at all. '.repeat(15).trim();
    const document = figuresOf(`${filler} Prices rose between $5 and $7 last week, while minus 3 degrees was recorded and her second son won about 40 medals.`);
    expect(document.passages).toHaveLength(1);
    expect(rows(document)).toEqual([
      ['between $5 and $7', 5, 7, 'exact', 'money', 'USD', null],
      ['minus 3 degrees', -3, null, 'exact', 'measure', 'degrees', null],
      ['second', 2, null, 'exact', 'ordinal', null, 'son'],
      ['about 40', 40, null, 'approximately', 'count', null, 'medals'],
    ]);
  });
});

describe('extractFigures and the decimal mark', () => {
  const text = 'Prices rose 3,5 % and the fee is 1.250 euros.';
  it.each([
    [
      'auto',
      [
        ['3,5 %', 3.5, 'percent'],
        ['1.250 euros', 1250, 'EUR'],
      ],
    ],
    [
      ',',
      [
        ['3,5 %', 3.5, 'percent'],
        ['1.250 euros', 1250, 'EUR'],
      ],
    ],
    ['.', [['1.250 euros', 1.25, 'EUR']]],
  ] as const)('reads %j with decimalSeparator %s', (decimalSeparator, expected) => {
    expect(figuresOf(text, { extractFigures: { decimalSeparator } }).figures.map((figure) => [figure.text, figure.value, figure.unit])).toEqual(expected);
  });

  it('reads "1,250" by the convention the rest of the document shows', () => {
    const values = (document: string): number[] => figuresOf(document).figures.map((figure) => figure.value);
    expect(values('Turnout was 61,5 %. The town has 1,250 voters.')).toEqual([61.5, 1.25]);
    expect(values('Turnout was 61.5 %. The town has 1,250 voters.')).toEqual([61.5, 1250]);
    expect(values('There were 2 345 678 voters. The town has 12 345 voters.')).toEqual([2345678, 12345]);
    // A table of columns in a document that groups thousands with commas: each column is a number.
    expect(values('Sales were 1,154 units; the columns show 82 512 and 65.')).toEqual([1154, 82, 512, 65]);
    // Nothing tells whether "12 345" is one number or two: neither is given.
    expect(values('They counted 12 345 ballots.')).toEqual([]);
  });
});
