import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { createDateParser } from '../../src/dates/parsers.ts';
import { createDocument, type PipelineDocument } from '../../src/document.ts';
import { analyze } from '../../src/stages/analyze.ts';
import { extractDates, findTextReference, recordedReference } from '../../src/stages/extract-dates.ts';
import { segment } from '../../src/stages/segment.ts';
import { OffsetIndex } from '../../src/text/offsets.ts';

/** Runs segmentation, analysis and date extraction on a text. */
function datesOf(text: string, published: string | null = '2016-01-20', defaultReferenceDate: string | null = null): PipelineDocument {
  const config = resolveConfig({ extractDates: { defaultReferenceDate } });
  const document = createDocument({ id: 'test', source: 'test.txt', format: 'txt', sha256: '0'.repeat(64), text, published });
  document.offsets = new OffsetIndex(text);
  for (const stage of [segment, analyze, extractDates]) if (stage.kind === 'document') stage.run(document, config);
  return document;
}

const rows = (document: PipelineDocument): [string, string, string][] => document.dates.map((date) => [date.text, date.value, date.kind]);

// [sentence, [[text, value, kind]...]] with the document published on Wednesday 2016-01-20.
const CASES: [string, [string, string, string][]][] = [
  // explicit days, months, years
  ['The report was filed on January 7, 2016 in Beijing.', [['January 7, 2016', '2016-01-07', 'date']]],
  ['Talks resumed on 12 March 2015.', [['12 March 2015', '2015-03-12', 'date']]],
  ['The merger closed Sept. 30, 2014, the company said.', [['Sept. 30, 2014', '2014-09-30', 'date']]],
  ['Protests began in December 2015 and spread.', [['December 2015', '2015-12', 'date']]],
  ['He began practicing law in 1996.', [['1996', '1996', 'date']]],
  ['The 2016 election was close.', [['2016', '2016', 'date']]],
  ['The filing is dated 2016-01-07.', [['2016-01-07', '2016-01-07', 'date']]],
  ['Police said on Wednesday, Jan. 6, 2016 that two men were held.', [['Wednesday, Jan. 6, 2016', '2016-01-06', 'date']]],
  // ranges
  ['The Cultural Revolution (1966-1976) killed millions.', [['1966-1976', '1966/1976', 'range']]],
  ['The war lasted from 1939 to 1945.', [['1939 to 1945', '1939/1945', 'range']]],
  ['Output fell between 2008 and 2010.', [['2008 and 2010', '2008/2010', 'range']]],
  ['The 2015-16 season was his last.', [['2015-16', '2015/2016', 'range']]],
  ['The festival runs March 3-5, 2015.', [['March 3-5, 2015', '2015-03-03/2015-03-05', 'range']]],
  ['Sales peaked in the first half of 2014.', [['the first half of 2014', '2014-01/2014-06', 'range']]],
  ['Sales of ice cream jumped in summer 2015.', [['summer 2015', '2015-06/2015-08', 'range']]],
  // decades, centuries, quarters
  ['Prices soared in the 1970s.', [['the 1970s', '1970s', 'date']]],
  ['The factory opened in the early 1990s.', [['the early 1990s', '1990s', 'date']]],
  ["Disco ruled the '70s.", [["the '70s", '1970s', 'date']]],
  ['Railways spread in the 19th century.', [['the 19th century', '18', 'date']]],
  ['Profit rose in the second quarter of 2019.', [['the second quarter of 2019', '2019-Q2', 'date']]],
  ['Revenue in Q3 2020 beat forecasts.', [['Q3 2020', '2020-Q3', 'date']]],
  // modifiers
  ['Vaccines arrived at the beginning of 2021.', [['the beginning of 2021', '2021', 'date']]],
  ['The plant will open in mid-2017.', [['mid-2017', '2017', 'date']]],
  ['Growth slowed in early 2015.', [['early 2015', '2015', 'date']]],
  ['Rain fell in mid-January.', [['mid-January', '2016-01', 'date']]],
  // year-less: the year nearest the reference
  ['The vote is set for January 16.', [['January 16', '2016-01-16', 'date']]],
  ['The fire broke out on December 28.', [['December 28', '2015-12-28', 'date']]],
  // Past tense: the May before the reference, not the nearer one to come.
  ['Shops reopened in May, officials said.', [['May', '2015-05', 'date']]],
  // relative to the publication date (Wednesday 2016-01-20)
  ['Sales fell last year.', [['last year', '2015', 'relative']]],
  ['Inflation rose this year.', [['this year', '2016', 'relative']]],
  ['The law takes effect next month.', [['next month', '2016-02', 'relative']]],
  ['Ministers met last week.', [['last week', '2016-W02', 'relative']]],
  ['He was arrested last August.', [['last August', '2015-08', 'relative']]],
  ['The rules change next March.', [['next March', '2016-03', 'relative']]],
  ['The minister resigned yesterday.', [['yesterday', '2016-01-19', 'relative']]],
  ['Markets are closed today.', [['today', '2016-01-20', 'relative']]],
  ['The company said Friday that profit fell.', [['Friday', '2016-01-15', 'relative']]],
  ['The board will vote on Friday.', [['Friday', '2016-01-22', 'relative']]],
  ['The talks collapsed last Monday.', [['last Monday', '2016-01-18', 'relative']]],
  ['She quit the party about 10 years ago.', [['about 10 years ago', '2006', 'relative']]],
  ['He left more than 10 years ago.', [['more than 10 years ago', '2006', 'relative']]],
  ['The bridge collapsed two weeks ago.', [['two weeks ago', '2016-W01', 'relative']]],
  ['Three days ago the strike ended.', [['Three days ago', '2016-01-17', 'relative']]],
  ['The tower was built a century ago.', [['a century ago', '1916', 'relative']]],
  ['Exports slumped late last year.', [['late last year', '2015', 'relative']]],
  // anaphoric: against the previous date in the text
  [
    'On January 7, 2016 she was arrested. She was released the same day.',
    [
      ['January 7, 2016', '2016-01-07', 'date'],
      ['the same day', '2016-01-07', 'relative'],
    ],
  ],
  [
    'The fire started on March 3, 2015. Two days later it was out.',
    [
      ['March 3, 2015', '2015-03-03', 'date'],
      ['Two days later', '2015-03-05', 'relative'],
    ],
  ],
  [
    'He was jailed in 2010. The following year he fled.',
    [
      ['2010', '2010', 'date'],
      ['The following year', '2011', 'relative'],
    ],
  ],
  [
    'The deal was signed on May 4, 2012; talks had begun the day before.',
    [
      ['May 4, 2012', '2012-05-04', 'date'],
      ['the day before', '2012-05-03', 'relative'],
    ],
  ],
  // not dates
  ['He was jailed for several years.', []],
  ['They waited half an hour.', []],
  ['The contract runs 6 months.', []],
  ['The persecution enters its 22nd year.', []],
  ['You may go now.', []],
  ['They march on the capital.', []],
  ['The meeting starts at 5 pm.', []],
  ['Li Dongsheng, director of the 610 Office, was held.', []],
  ['Some 2000 people joined the march.', []],
  ['More than 1999 people signed.', []],
  ['Call 555-1234 after 3/4.', []],
  ['Two days after the vote, the mayor quit.', []],
  ['He ran 2016 metres.', []],
];

describe('extractDates', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(rows(datesOf(text))).toEqual(expected);
  });

  it.each(CASES)('every span slices back to its text: %s', (text) => {
    for (const date of datesOf(text).dates) expect(text.slice(date.start, date.end)).toBe(date.text);
  });
});

describe('granularity, covered days and approximation', () => {
  it.each<[string, string, string, string, string, boolean]>([
    ['It opened on January 7, 2016.', 'January 7, 2016', 'day', '2016-01-07', '2016-01-07', false],
    ['It opened in August 2015.', 'August 2015', 'month', '2015-08-01', '2015-08-31', false],
    ['It opened in February 2016.', 'February 2016', 'month', '2016-02-01', '2016-02-29', false],
    ['It opened in 2016.', '2016', 'year', '2016-01-01', '2016-12-31', false],
    ['It opened in the 1960s.', 'the 1960s', 'decade', '1960-01-01', '1969-12-31', false],
    ['It opened in the 20th century.', 'the 20th century', 'century', '1900-01-01', '1999-12-31', false],
    ['It opened in the fourth quarter of 2015.', 'the fourth quarter of 2015', 'quarter', '2015-10-01', '2015-12-31', false],
    ['It opened last week.', 'last week', 'week', '2016-01-11', '2016-01-17', false],
    ['It opened about 10 years ago.', 'about 10 years ago', 'year', '2006-01-01', '2006-12-31', true],
    ['It opened in early 2021.', 'early 2021', 'year', '2021-01-01', '2021-12-31', true],
    ['It opened around 2010.', 'around 2010', 'year', '2010-01-01', '2010-12-31', true],
    ['It opened two decades ago.', 'two decades ago', 'year', '1996-01-01', '1996-12-31', true],
    ['It opened from 1966 to 1976.', '1966 to 1976', 'year', '1966-01-01', '1976-12-31', false],
    // A season: the three months it covers, to the day (winter runs into the next year).
    ['It opened in the summer of 2015.', 'the summer of 2015', 'month', '2015-06-01', '2015-08-31', false],
    ['It opened in winter 2015.', 'winter 2015', 'month', '2015-12-01', '2016-02-29', false],
    // The period the text is in, with its modifier in the span.
    ['Sales will rise by the end of the year.', 'the end of the year', 'year', '2016-01-01', '2016-12-31', false],
    ['Rent is due at the end of the month.', 'the end of the month', 'month', '2016-01-01', '2016-01-31', false],
    // A fiscal year: the calendar year it is named for, approximate.
    ['Profits fell this fiscal year.', 'this fiscal year', 'year', '2016-01-01', '2016-12-31', true],
    ['Costs rose last fiscal year.', 'last fiscal year', 'year', '2015-01-01', '2015-12-31', true],
    ['The fund grew in fiscal 2015.', 'fiscal 2015', 'year', '2015-01-01', '2015-12-31', true],
    ['The fund grew in FY16.', 'FY16', 'year', '2016-01-01', '2016-12-31', true],
    // A time of day on a dated day leaves the day as it is, whatever the hour and time zone.
    ['Polls closed at 8 PM on March 3, 2016.', 'March 3, 2016', 'day', '2016-03-03', '2016-03-03', false],
    ['The vote ended March 3, 2016 at 11 PM EST.', 'March 3, 2016', 'day', '2016-03-03', '2016-03-03', false],
    ['The shooting happened Saturday at 11:30 p.m.', 'Saturday', 'day', '2016-01-16', '2016-01-16', false],
  ])('%s', (text, span, granularity, startDate, endDate, approximate) => {
    const [date] = datesOf(text).dates;
    expect(date).toMatchObject({ text: span, granularity, startDate, endDate, approximate });
  });
});

describe('the period the text is in', () => {
  it('follows the previous date of the text', () => {
    expect(rows(datesOf('In March 2010 the plant opened; by the end of the year it had closed.'))).toEqual([
      ['March 2010', '2010-03', 'date'],
      ['the end of the year', '2010', 'relative'],
    ]);
  });

  it('needs a modifier: "the year" alone is no date', () => {
    expect(rows(datesOf('The year was hard. The end-of-year report came.'))).toEqual([]);
  });
});

describe('references', () => {
  it.each<[string, string | null, string | null, [string, string, string | null][]]>([
    // No publication date: the nearest preceding explicit date.
    [
      'On December 15, 2015 they met. On January 16 they met again. Last August they had met too.',
      null,
      null,
      [
        ['December 15, 2015', '2015-12-15', null],
        ['January 16', '2016-01-16', '2015-12-15'],
        ['Last August', '2015-08', '2015-12-15'],
      ],
    ],
    // A year counts as an explicit date.
    [
      'At the beginning of 2021 many quit. He quit about 10 years ago.',
      null,
      null,
      [
        ['the beginning of 2021', '2021', null],
        ['about 10 years ago', '2011', '2021-01-01'],
      ],
    ],
    // Nothing before it and no default: left out.
    ['He quit last year.', null, null, []],
    // Nothing before it, but a later date of the text: that date stands in for the publication date.
    [
      'On Monday the council met. Fighting has gone on since April 2023.',
      null,
      null,
      [
        ['Monday', '2023-03-27', '2023-04-01'],
        ['April 2023', '2023-04', null],
      ],
    ],
    // A configured default comes before the latest date of the text.
    [
      'He quit last year. The talks began in April 2023.',
      null,
      '2010-06-01',
      [
        ['last year', '2009', '2010-06-01'],
        ['April 2023', '2023-04', null],
      ],
    ],
    // The configured default.
    ['He quit last year.', null, '2010-06-01', [['last year', '2009', '2010-06-01']]],
    // A publication date wins over earlier dates in the text.
    [
      'In 1999 he was born. He quit last year.',
      '2016-01-20',
      null,
      [
        ['1999', '1999', null],
        ['last year', '2015', '2016-01-20'],
      ],
    ],
  ])('%s', (text, published, defaultReference, expected) => {
    expect(datesOf(text, published, defaultReference).dates.map((date) => [date.text, date.value, date.referenceDate])).toEqual(expected);
  });

  it('warns when a relative date has no reference', () => {
    expect(datesOf('He quit last year.', null).warnings).toEqual([
      {
        code: 'DATE_UNRESOLVED',
        severity: 'warning',
        source: 'test.txt',
        line: null,
        reason: expect.stringMatching(/^1 .*set extractDates.defaultReferenceDate/),
        prefixed: false,
      },
    ]);
  });

  it.each<[string, string | null]>([
    ['Published: January 5, 2016\n\nThe minister resigned yesterday.', '2016-01-05'],
    ['Posted on March 3, 2015\n\nText.', '2015-03-03'],
    ['March 3, 2015\n\nThe minister resigned yesterday.', '2015-03-03'],
    ['WASHINGTON, Jan. 5, 2016 (Reuters) - The minister resigned yesterday.', '2016-01-05'],
    ['BEIJING (AP) — March 3, 2015 — Officials said.', null],
    ['The minister resigned on January 5, 2016, officials said.', null],
    ['In 2016 he resigned.', null],
  ])('finds the publication date or dateline in %j', (text, expected) => {
    expect(findTextReference(datesOf(text, null))).toBe(expected);
  });

  it('resolves against a dateline and records it', () => {
    const document = datesOf('WASHINGTON, Jan. 5, 2016 (Reuters) - The minister resigned yesterday.', null);
    expect(rows(document)).toEqual([
      ['Jan. 5, 2016', '2016-01-05', 'date'],
      ['yesterday', '2016-01-04', 'relative'],
    ]);
    expect([document.referenceDate, document.referenceSource]).toEqual(['2016-01-05', 'text']);
  });

  it.each<[string | null, string | null, string | null, string[], [string, string] | null]>([
    ['2016-01-20', '2016-01-05', '2000-01-01', ['2015-12-15'], ['2016-01-20', 'published']],
    [null, '2016-01-05', '2000-01-01', ['2015-12-15'], ['2016-01-05', 'text']],
    [null, null, '2000-01-01', ['2015-12-15', '2016-01-16', '2014-05-01'], ['2016-01-16', 'text']],
    [null, null, '2000-01-01', [], ['2000-01-01', 'config']],
    [null, null, null, [], null],
  ])('records the reference (published %s, dateline %s, default %s)', (published, dateline, defaultReference, days, expected) => {
    const dates = days.map((day) => ({
      start: 0,
      end: 1,
      passageIndex: 0,
      text: 'x',
      value: day,
      startDate: day,
      endDate: day,
      granularity: 'day' as const,
      kind: 'date' as const,
      approximate: false,
      referenceDate: null,
    }));
    const reference = recordedReference(published, dateline, dates, defaultReference);
    expect(reference === null ? null : [reference.date, reference.source]).toEqual(expected);
  });
});

describe('createDateParser', () => {
  it('finds every chrono parser and refiner it replaces (a chrono upgrade that renames one fails here)', () => {
    expect(createDateParser().dropped.sort()).toEqual([
      'ENCasualDateParser',
      'ENCasualTimeParser',
      'ENEndOfCurrentMonthParser',
      'ENEndOfPeriodRefiner',
      'ENRelativeDateFormatParser',
      'ENTimeExpressionParser',
      'ENTimeUnitAgoFormatParser',
      'ENTimeUnitCasualRelativeFormatParser',
      'ENTimeUnitLaterFormatParser',
      'ENTimeUnitWithinFormatParser',
      'ENUnlikelyFormatFilter',
      'ENWeekdayParser',
      'UnlikelyFormatFilter',
    ]);
  });
});

// [sentence, [[text, value, kind]...]] published on Wednesday 2016-01-20: months without a year lean to the past unless the sentence looks ahead; months with "last year"; adverbs and "the end of" before a period.
const NEWS_CASES: [string, [string, string, string][]][] = [
  // a month without a year: the latest one not after the reference...
  ['Prices have risen since October.', [['October', '2015-10', 'date']]],
  ['The war ended in May.', [['May', '2015-05', 'date']]],
  ['Exports fell in September.', [['September', '2015-09', 'date']]],
  ['He was arrested in December.', [['December', '2015-12', 'date']]],
  ['The strike began in January.', [['January', '2016-01', 'date']]],
  ['She has trained since March.', [['March', '2015-03', 'date']]],
  ['Output peaked in late June.', [['late June', '2015-06', 'date']]],
  // ...unless the sentence speaks of the future or a preposition looks ahead
  ['The museum will reopen in March.', [['March', '2016-03', 'date']]],
  ['The talks are expected to resume in February.', [['February', '2016-02', 'date']]],
  ['The cuts apply from March.', [['March', '2016-03', 'date']]],
  ['The offer runs until February.', [['February', '2016-02', 'date']]],
  // a month of last, this or next year
  ['The war began in April last year.', [['April last year', '2015-04', 'relative']]],
  ['Elections are due in May next year.', [['May next year', '2017-05', 'relative']]],
  ['Sales fell in March this year.', [['March this year', '2016-03', 'relative']]],
  ['It opened in June of last year.', [['June of last year', '2015-06', 'relative']]],
  // a quarter or half of the reference's year, or the one before or after
  ['It bought back shares in the first half of this year.', [['the first half of this year', '2016-01/2016-06', 'range']]],
  ['Profit fell in the second half of last year.', [['the second half of last year', '2015-07/2015-12', 'range']]],
  ['Sales rose in the third quarter of last year.', [['the third quarter of last year', '2015-Q3', 'relative']]],
  ['Growth should pick up in the first quarter of next year.', [['the first quarter of next year', '2017-Q1', 'relative']]],
  // an adverb before a period relative to now belongs to it
  ['The yen hit a low earlier this month.', [['earlier this month', '2016-01', 'relative']]],
  ['A poll published earlier this year found support.', [['earlier this year', '2016', 'relative']]],
  ['Talks will resume later this year.', [['later this year', '2016', 'relative']]],
  ['The law passed earlier last year.', [['earlier last year', '2015', 'relative']]],
  // "the end of" a month is said at the month
  ['Headcount fell at the end of March.', [['the end of March', '2015-03', 'date']]],
  ['Stocks rose at the end of December 2015.', [['the end of December 2015', '2015-12', 'date']]],
  ['The plan starts at the beginning of April 2016.', [['the beginning of April 2016', '2016-04', 'date']]],
];

describe('extractDates in news', () => {
  it.each(NEWS_CASES)('%s', (text, expected) => {
    expect(rows(datesOf(text))).toEqual(expected);
  });
});

// [text, reference]: a dateline without a year takes the latest year the text reports as past.
const YEARLESS_DATELINES: [string, string | null][] = [
  ['BRUSSELS, March 1 (AP) — Aid has flowed since February 2022. Talks began in June 2023.', '2023-03-01'],
  ['NEW YORK, March 3 (AP) — Shares rose. The company was founded in 2019.', '2019-03-03'],
  ['FRANKFURT, Germany, Oct. 26 (AP) — Rates rose in July 2022.', '2022-10-26'],
  ['LONDON, Jan. 5 (Reuters) - Sales fell in 2015. They will recover in 2017.', '2015-01-05'],
  ['PARIS, May 2 (AFP) - The scheme was extended until March 2025 after a vote in 2023.', '2023-05-02'],
  ['TOKYO, June 13 (Reuters) - Nothing else is dated here.', null],
  ['Shares rose on March 3 in New York. The firm was founded in 2019.', null],
];

describe('yearless datelines', () => {
  it.each(YEARLESS_DATELINES)('%s', (text, expected) => {
    expect(findTextReference(datesOf(text, null))).toBe(expected);
  });

  it('resolves the dateline and weekdays against the day it finds', () => {
    const document = datesOf('BRUSSELS, March 1 (AP) — Diplomats said on Thursday that talks begun in June 2023 had failed.', null);
    expect(rows(document)).toEqual([
      ['March 1', '2023-03-01', 'date'],
      ['Thursday', '2023-02-23', 'relative'],
      ['June 2023', '2023-06', 'date'],
    ]);
  });
});
