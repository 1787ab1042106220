import { describe, expect, it } from 'vitest';
import { attributeQuotation, trailingAttributionInside } from '../../src/claims/attribution.ts';
import { findQuotations } from '../../src/claims/quotes.ts';
import { contextOf, paragraphsOf } from './helpers.ts';

/** The rule, speaker phrase and cue found for the quotation at `which` in a one-paragraph text. */
function attribution(text: string, which = 0): [string, string | null, string | null] | null {
  const quotation = findQuotations(text, paragraphsOf(text))[which];
  if (quotation === undefined) throw new Error('no quotation');
  const found = attributeQuotation(contextOf(text), quotation, 0);
  return found === null ? null : [found.rule, found.speaker?.text ?? null, found.cue?.text ?? null];
}

describe('attributeQuotation', () => {
  it.each([
    ['cue then speaker after', '“The bridge will reopen in May,” said Mayor Anne Hidalgo.', ['cue-then-speaker-after', 'Anne Hidalgo', 'said']],
    ['cue then description after', '“We found nothing,” said the investigator.', ['cue-then-speaker-after', 'the investigator', 'said']],
    ['pronoun then cue after', '“Some of them are clearer on this than me,” he added.', ['speaker-then-cue-after', 'he', 'added']],
    ['description then cue after, with an adverb', '“It is over,” the official later explained.', ['speaker-then-cue-after', 'the official', 'explained']],
    ['name with an apposition then cue', '“We will appeal,” Maria Lopez, a lawyer for the family, said.', ['speaker-then-cue-after', 'Maria Lopez', 'said']],
    ['according to after', '“The economy will shrink this year,” according to the central bank.', ['according-to-after', 'the central bank', 'according to']],
    ['a question mark then the attribution', '“Who would pay for it?” he wondered.', ['speaker-then-cue-after', 'he', 'wondered']],
    ['speaker and cue before, with a colon', 'Ms. Li Dayong said: “We will help you.”', ['speaker-cue-before', 'Li Dayong', 'said']],
    [
      'speaker and cue before, with a comma',
      'From his heart, this policeman said, “My friend, I am ashamed.”',
      ['speaker-cue-before', 'this policeman', 'said'],
    ],
    [
      'a description with its place before',
      'A senior official in Jiaozuo City, Henan Province said: “Many have quit.”',
      ['speaker-cue-before', 'A senior official in Jiaozuo City, Henan Province', 'said'],
    ],
    ['a cue with an addressee', 'The spokesman told reporters: “There will be no deal.”', ['speaker-cue-before', 'The spokesman', 'told']],
    [
      'a colon after a longer introduction',
      'Benita urges these officers to reconsider their actions: “Do you want to be held responsible?”',
      ['colon-introduction', 'Benita', 'urges'],
    ],
    ['a headline with a colon', 'Official in Beijing: “The party is no different from the Nazis”', ['headline-colon', 'Official in Beijing', null]],
    [
      'a participle skips a noun the tagger reads as a verb after a preposition',
      'Trump took a risk by winking at Jewish stereotypes, telling the crowd, “I’m a negotiator like you, folks,” and more.',
      ['speaker-cue-before', 'Trump', 'telling'],
    ],
    [
      'a participle after a comma has the subject of its verb',
      'Wes Streeting accused the union of bad faith, telling Sky News: ‘Every time we get close, the demand goes up.’',
      ['speaker-cue-before', 'Wes Streeting', 'telling'],
    ],
    [
      'a capitalised job title before the name',
      '“We are taking action on costs,” Chief Executive Sarah Whitcombe said.',
      ['speaker-then-cue-after', 'Sarah Whitcombe', 'said'],
    ],
    [
      'a multi-word title before the name',
      '“We proved them wrong,” said National Security Adviser James Corrigan.',
      ['cue-then-speaker-after', 'James Corrigan', 'said'],
    ],
    [
      'a name apposed to a common noun',
      '“Spain is the largest producer,” said pork producers’ association Interporc.',
      ['cue-then-speaker-after', 'Interporc', 'said'],
    ],
    ['straight single marks', "'There's no hiding from it,' Stokes said.", ['speaker-then-cue-after', 'Stokes', 'said']],
    ['the second half of a split quote', '“Prices will rise,” she said, “and wages will not.”', ['speaker-cue-before', 'she', 'said'], 1],
  ])('%s', (_name, text, expected, which = 0) => {
    expect(attribution(text, which as number)).toEqual(expected);
  });

  it.each([
    ['a title after a preposition', 'Benita reads to them from the “Advisory on Preventing Unjust and False Cases,” released last year.'],
    ['a new sentence after a full stop', 'Ms. Li said nothing more. “We will help you.” The man quickly agreed.'],
    ['narrative with no cue', '“A Dozen Policemen Quit the Party” was the headline.'],
    ['a participle is never inverted: its object is the addressee', 'He accused them of ‘moving the goalposts’, telling Sky News he was tired.'],
  ])('no attribution: %s', (_name, text) => {
    const quotation = findQuotations(text, paragraphsOf(text)).at(-1);
    if (quotation === undefined) throw new Error('no quotation');
    const found = attributeQuotation(contextOf(text), quotation, 0);
    expect(found?.speaker ?? null).toBeNull();
  });
});

describe('trailingAttributionInside', () => {
  it.each([
    [
      'cue then name with a slipped comma',
      '“I urge everyone to listen to them said, Mrs. Hong. “They are right.”',
      'I urge everyone to listen to them',
      'Hong',
    ],
    ['pronoun then cue', '“We will not leave this place, she said. “Never.”', 'We will not leave this place', 'she'],
  ])('%s', (_name, text, quote, speaker) => {
    const [quotation] = findQuotations(text, paragraphsOf(text));
    if (quotation === undefined) throw new Error('no quotation');
    const found = trailingAttributionInside(contextOf(text), quotation);
    expect(found === null ? null : [text.slice(quotation.start, found.start).replace(/[\s,]+$/u, ''), found.attribution.speaker?.text]).toEqual([
      quote,
      speaker,
    ]);
  });
});
