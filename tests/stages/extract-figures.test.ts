import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { createDocument, type PipelineDocument } from '../../src/document.ts';
import { analyze } from '../../src/stages/analyze.ts';
import { extractDates } from '../../src/stages/extract-dates.ts';
import { extractFigures } from '../../src/stages/extract-figures.ts';
import { segment } from '../../src/stages/segment.ts';
import { OffsetIndex } from '../../src/text/offsets.ts';

/** Runs the stages figures depend on, then figures, on a text. */
function figuresOf(text: string): PipelineDocument {
  const config = resolveConfig({});
  const document = createDocument({ id: 'test', source: 'test.txt', format: 'txt', sha256: '0'.repeat(64), text, published: '2016-01-20' });
  document.offsets = new OffsetIndex(text);
  for (const stage of [segment, analyze, extractDates, extractFigures]) if (stage.kind === 'document') stage.run(document, config);
  return document;
}

type Row = [text: string, value: number, valueMax: number | null, qualifier: string, kind: string, unit: string | null, item: string | null];
const rows = (document: PipelineDocument): Row[] => document.figures.map((figure) => [figure.text, figure.value, figure.valueMax, figure.qualifier, figure.kind, figure.unit, figure.item]);

const CASES: [string, Row[]][] = [
  // counts in digits and words, with the counted noun
  ['Police detained 47 practitioners.', [['47', 47, null, 'exact', 'count', null, 'practitioners']]],
  ['The 793 policemen and 17 military officers were executed.', [['793', 793, null, 'exact', 'count', null, 'policemen'], ['17', 17, null, 'exact', 'count', null, 'military officers']]],
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
