import { describe, expect, it } from 'vitest';
import { barChart, dayNumber, timelineChart, timeTicks } from '../../src/report/charts.ts';

describe('dayNumber', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2016-01-07', 16807],
    ['1966-01-01', -1461],
  ])('%s -> %i', (day, expected) => {
    expect(dayNumber(day)).toBe(expected);
  });
});

describe('timeTicks', () => {
  const labels = (first: string, last: string) => timeTicks(dayNumber(first), dayNumber(last)).map((tick) => tick.label);
  it.each([
    ['decades over a long span', '1966-01-01', '2021-12-31', ['1970', '1980', '1990', '2000', '2010', '2020']],
    ['years over a few years', '2013-06-01', '2016-02-01', ['2014', '2015', '2016']],
    ['months within a year', '2015-08-15', '2016-01-20', ['2015-09', '2015-10', '2015-11', '2015-12', '2016-01']],
    ['weeks within two months', '2016-01-01', '2016-02-15', ['2016-01-01', '2016-01-08', '2016-01-15', '2016-01-22', '2016-01-29', '2016-02-05', '2016-02-12']],
    ['days within a week', '2016-01-07', '2016-01-09', ['2016-01-07', '2016-01-08', '2016-01-09']],
  ])('%s', (_, first, last, expected) => {
    expect(labels(first, last)).toEqual(expected);
  });
});

describe('barChart', () => {
  it('draws a bar per value, the longest for the largest, with escaped labels and titles', () => {
    const svg = barChart(
      [
        { label: 'CCP', value: 40, colour: '#56B4E9', title: 'CCP <organization:ccp>' },
        { label: 'A & B', value: 10, colour: '#D55E00', title: 'A & B' },
      ],
      'Top entities',
    );
    expect(svg).toContain('aria-label="Top entities"');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('<rect x="230" y="7" width="474" height="16" rx="2" fill="#56B4E9"/>');
    expect(svg).toContain('<rect x="230" y="29" width="118.5" height="16" rx="2" fill="#D55E00"/>');
    expect(svg).toContain('<title>CCP &lt;organization:ccp&gt;</title>');
    expect(svg).toContain('>A &amp; B</text>');
  });
});

describe('timelineChart', () => {
  it('places each row from its first to its last day, as a link to its occurrence', () => {
    const row = { count: 1, colour: '#E69F00', title: 't', href: 'documents/a.html#d0' };
    const svg = timelineChart(
      [
        { ...row, label: '1966/1976', startDate: '1966-01-01', endDate: '1976-12-31', count: 2 },
        { ...row, label: '2016-01-07', startDate: '2016-01-07', endDate: '2016-01-07' },
      ],
      'Dates',
    );
    expect(svg.match(/<a href="documents\/a.html#d0">/g)).toHaveLength(2);
    // The plot (562 px from x=150) runs from 1966-01-01 to the end of 2016-01-07: 18,269 days, of which 1966/1976 covers 4,018.
    expect(svg).toContain('<rect x="150" y="31" width="123.6" height="12" rx="2" fill="#E69F00"/>');
    // A single day is widened to 4 px and kept inside the plot.
    expect(svg).toContain('<rect x="708" y="53" width="4" height="12" rx="2" fill="#E69F00"/>');
    expect(svg).toContain('×2</text>');
    expect(svg).toContain('>1970</text>');
  });
});
