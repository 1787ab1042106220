import { describe, expect, it } from 'vitest';
import { normalizeItem, normalizeSpeaker, speakerMatches, speakerMatchesLoosely } from '../../src/eval/normalize.ts';

describe('speakerMatches', () => {
  const cases: {
    predicted: string | null;
    speaker: string | null;
    alternatives?: string[];
    expected: boolean;
  }[] = [
    { predicted: 'Ms. Li', speaker: 'Ms. Li', expected: true },
    { predicted: 'li', speaker: 'Ms. Li', expected: true },
    { predicted: 'Mr Hong', speaker: 'Hong', expected: true },
    { predicted: 'Mrs. Hong', speaker: 'Mr. Hong', expected: true },
    { predicted: 'Dr. Smith', speaker: 'smith', expected: true },
    { predicted: 'Miss Wang', speaker: 'Wang', expected: true },
    { predicted: 'THE POLICE OFFICER', speaker: 'a police officer', expected: true },
    { predicted: 'this policeman', speaker: 'that policeman', expected: true },
    { predicted: 'one practitioner', speaker: 'some practitioner', expected: true },
    { predicted: 'An official', speaker: 'official', expected: true },
    { predicted: 'the Dr. Zhang', speaker: 'Zhang', expected: true },
    { predicted: ' police officer ', speaker: 'police officer', expected: true },
    // Inner spaces are kept as they are, as in the reference scorer.
    { predicted: 'police\u00a0 officer', speaker: 'police officer', expected: false },
    { predicted: 'Li Dayong,', speaker: 'Li Dayong', expected: true },
    { predicted: 'the police.', speaker: 'Police', expected: true },
    { predicted: 'Li Dayong', speaker: 'Ms. Li', alternatives: ['Li Dayong'], expected: true },
    { predicted: 'Li Dayong', speaker: 'Ms. Li', expected: false },
    { predicted: 'Drew', speaker: 'Drew', expected: true },
    { predicted: 'Drew', speaker: 'ew', expected: false },
    { predicted: 'Theresa', speaker: 'resa', expected: false },
    { predicted: 'police officers', speaker: 'police officer', expected: false },
    { predicted: null, speaker: null, expected: true },
    { predicted: '', speaker: null, expected: true },
    { predicted: '   ', speaker: null, expected: true },
    { predicted: null, speaker: 'Ms. Li', expected: false },
    { predicted: 'Minghui', speaker: null, expected: false },
    { predicted: 'A report on January 16', speaker: null, alternatives: ['A report on January 16'], expected: true },
    { predicted: null, speaker: null, alternatives: ['A report on January 16'], expected: true },
  ];

  it.each(cases)('$predicted vs $speaker $alternatives -> $expected', ({ predicted, speaker, alternatives, expected }) => {
    expect(speakerMatches(predicted, { speaker, speaker_alternatives: alternatives ?? [] })).toBe(expected);
  });
});

describe('normalizeSpeaker', () => {
  it.each([
    ['Ms. Li Dayong', 'li dayong'],
    ['The Mr. Hong', 'hong'],
    ['Some  recent reports', 'recent reports'],
    ['Dr.Chen', 'dr.chen'],
    ['Mr.  Hong ;', 'hong'],
    ['Li Dayong, a practitioner.', 'li dayong, a practitioner'],
    ['the', 'the'],
    [null, ''],
  ])('%s -> %s', (speaker, expected) => {
    expect(normalizeSpeaker(speaker)).toBe(expected);
  });
});

describe('speakerMatchesLoosely', () => {
  const cases: {
    predicted: string | null;
    speaker: string | null;
    alternatives?: string[];
    expected: boolean;
  }[] = [
    { predicted: 'Ms. Li', speaker: 'Li', expected: true },
    { predicted: 'Trump', speaker: 'Donald Trump', expected: true },
    { predicted: 'Donald J. Trump', speaker: 'Trump', expected: true },
    { predicted: 'Steger, now a professor at X', speaker: 'Debra Steger', expected: true },
    { predicted: "Clinton's campaign", speaker: 'Hillary Clinton', expected: true },
    { predicted: 'White House officials', speaker: 'the White House', expected: true },
    { predicted: 'President Obama', speaker: 'President Bush', expected: false },
    { predicted: 'Secretary of State Kerry', speaker: 'the Secretary of State', expected: true },
    { predicted: 'Gov. Brown', speaker: 'Governor Christie', expected: false },
    { predicted: 'he', speaker: 'Barack Obama', expected: false },
    { predicted: 'Dayong', speaker: 'Ms. Li', alternatives: ['Li Dayong'], expected: true },
    { predicted: 'Dayong', speaker: 'Ms. Li', expected: false },
    // Containment is of the text, not of whole words, as in the reference scorer.
    { predicted: 'Li', speaker: 'police', expected: true },
    { predicted: null, speaker: null, expected: false },
    { predicted: '', speaker: null, expected: false },
    { predicted: 'Minghui', speaker: null, expected: false },
    { predicted: 'the', speaker: 'The', expected: true },
  ];

  it.each(cases)('$predicted vs $speaker $alternatives -> $expected', ({ predicted, speaker, alternatives, expected }) => {
    expect(speakerMatchesLoosely(predicted, { speaker, speaker_alternatives: alternatives ?? [] })).toBe(expected);
  });
});

describe('normalizeItem', () => {
  it.each([
    ['Policemen', 'policemen'],
    ['  the practitioners ', 'practitioners'],
    ['An officer', 'officer'],
    ['a dozen eggs', 'dozen eggs'],
    ['this year', 'this year'],
    ['military\u00a0officers', 'military officers'],
    [null, ''],
    [undefined, ''],
  ])('%s -> %s', (item, expected) => {
    expect(normalizeItem(item)).toBe(expected);
  });
});
