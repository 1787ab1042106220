import { describe, expect, it } from 'vitest';
import { claimTip, dateTip, figureTip, formatNumber, mentionTip } from '../../src/report/tooltips.ts';
import { sampleTables, TEXT } from './fixtures.ts';

const tables = sampleTables();
const [liDayong, gao] = tables.mentions as [(typeof tables.mentions)[number], (typeof tables.mentions)[number]];
const [date] = tables.dates as [(typeof tables.dates)[number]];
const [figure] = tables.figures as [(typeof tables.figures)[number]];
const [reported, quote] = tables.claims as [(typeof tables.claims)[number], (typeof tables.claims)[number]];
const entity = (id: string) => tables.entities.find((row) => row.entity_id === id);

describe('mentionTip', () => {
  it.each([
    ['with its entity', liDayong, entity('person:li-dayong'), 'Person: Li Dayong\nentity: person:li-dayong'],
    ['the canonical name, not the text', gao, entity('person:gao'), 'Person: Gao <Zhisheng>\nentity: person:gao'],
    ['the text when the entity is missing', { ...gao, type: 'place' as const }, undefined, 'Place: Gao\nentity: person:gao'],
  ])('%s', (_, mention, entityRow, expected) => {
    expect(mentionTip(mention, entityRow)).toBe(expected);
  });
});

describe('dateTip', () => {
  it.each([
    ['a day', date, 'Date: 2016-01-07\nday: 2016-01-07\ndate, day'],
    [
      'an approximate relative range with its reference',
      {
        ...date,
        value: '2015-08',
        start_date: '2015-08-01',
        end_date: '2015-08-31',
        granularity: 'month' as const,
        kind: 'relative' as const,
        approximate: true,
        reference_date: '2016-01-07',
      },
      'Date: 2015-08\nfrom 2015-08-01 to 2015-08-31\nrelative, month, approximate\nresolved against 2016-01-07',
    ],
  ])('%s', (_, row, expected) => {
    expect(dateTip(row)).toBe(expected);
  });
});

describe('figureTip', () => {
  it.each([
    ['a count with its item', figure, 'Figure: 47\ncount, exact\nitem: practitioners'],
    [
      'a range of money with unit',
      { ...figure, value: 3500000000, value_max: 4000000000.5, qualifier: 'more_than' as const, kind: 'money' as const, unit: 'USD', item: null },
      'Figure: 3,500,000,000 to 4,000,000,000.5\nmoney, more than\nunit: USD',
    ],
    [
      'a percent',
      { ...figure, value: 12.25, qualifier: 'approximately' as const, kind: 'percent' as const, unit: '%', item: null },
      'Figure: 12.25\npercent, approximately\nunit: %',
    ],
  ])('%s', (_, row, expected) => {
    expect(figureTip(row)).toBe(expected);
  });
});

describe('claimTip', () => {
  // The document text as code points: the emoji before the claims makes code point and UTF-16 offsets differ.
  const characters = [...TEXT];
  it.each([
    [
      'reported speech with speaker entity, words and cue',
      reported,
      'Claim: reported\nspeaker: Ms. Li Dayong (person:li-dayong)\nspeaker words: “Ms. Li Dayong” at 24–37\ncue: said',
    ],
    ['a quote', quote, 'Claim: quote\nspeaker: Gao (person:gao)\nspeaker words: “Gao” at 100–103\ncue: said'],
    [
      'a speaker resolved from a pronoun: the words of the mention it resolves to',
      { ...quote, speaker: 'Li Dayong', speaker_start: 28, speaker_end: 37, speaker_entity_id: 'person:li-dayong' },
      'Claim: quote\nspeaker: Li Dayong (person:li-dayong)\nspeaker words: “Li Dayong” at 28–37\ncue: said',
    ],
    [
      'a figure sentence with no speaker',
      { ...reported, kind: 'figure' as const, speaker: null, speaker_start: null, speaker_end: null, speaker_entity_id: null, cue: null },
      'Claim: figure\nspeaker: none',
    ],
  ])('%s', (_, row, expected) => {
    expect(claimTip(row, characters)).toBe(expected);
  });
});

describe('formatNumber', () => {
  it.each([
    [16000000, '16,000,000'],
    [0.125, '0.125'],
    [-3, '-3'],
  ])('%d -> %j', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});
