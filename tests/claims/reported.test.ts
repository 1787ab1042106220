import { describe, expect, it } from 'vitest';
import { findReportedSpeech } from '../../src/claims/reported.ts';
import { contextOf } from './helpers.ts';

/** Rule, speaker, cue and clause of each reported speech found in a one-sentence text. */
function reported(text: string): [string, string | null, string, string][] {
  const context = contextOf(text);
  return findReportedSpeech(context, 0, context.tokens.length - 1, () => false).map((speech) => [
    speech.rule,
    speech.speaker?.text ?? null,
    speech.cue,
    text.slice(speech.clause.start, speech.clause.end),
  ]);
}

describe('findReportedSpeech', () => {
  it.each([
    ['X said that', 'Ms. Li said that many people wanted to quit the party.', [['speaker-cue-clause', 'Li', 'said', 'many people wanted to quit the party']]],
    ['X said without that', 'The officer said he agreed with the decision.', [['speaker-cue-clause', 'The officer', 'said', 'he agreed with the decision']]],
    ['X told Y that', 'The minister told reporters that the talks had failed.', [['speaker-cue-clause', 'The minister', 'told', 'the talks had failed']]],
    ['X lets Y know that', 'She lets them know that the court has ruled.', [['speaker-cue-clause', 'She', 'lets them know', 'the court has ruled']]],
    [
      'an adjunct before that',
      'The ministry said in a statement on Monday that prices would fall.',
      [['speaker-cue-clause', 'The ministry', 'said', 'prices would fall']],
    ],
    [
      'a long description as the subject',
      'A senior official in Jiaozuo City, Henan Province said that many officials had quit.',
      [['speaker-cue-clause', 'A senior official in Jiaozuo City, Henan Province', 'said', 'many officials had quit']],
    ],
    [
      'a relative clause in the subject',
      'Some local policemen who were once deceived by the party said that they wanted to quit.',
      [['speaker-cue-clause', 'Some local policemen', 'said', 'they wanted to quit']],
    ],
    [
      'a relative pronoun as the subject',
      'The centre received a call from eight officials who said that they wanted to quit.',
      [['speaker-cue-clause', 'eight officials', 'said', 'they wanted to quit']],
    ],
    [
      'a coordinated verb',
      'The official thanked the practitioner and said he would follow the advice.',
      [['speaker-cue-clause', 'The official', 'said', 'he would follow the advice']],
    ],
    [
      'two coordinated cues',
      'The official remarked that honesty is not easy and noted that many officials are corrupt.',
      [
        ['speaker-cue-clause', 'The official', 'remarked', 'honesty is not easy'],
        ['speaker-cue-clause', 'The official', 'noted', 'many officials are corrupt'],
      ],
    ],
    [
      'a passive cue has no speaker',
      'Their families were only told that they had died in the line of duty.',
      [['speaker-cue-clause', null, 'told', 'they had died in the line of duty']],
    ],
    [
      'a participle takes the subject of its verb',
      'The guards refused to release them, claiming they had failed the examinations.',
      [['participle-cue-clause', 'The guards', 'claiming', 'they had failed the examinations']],
    ],
    [
      'a participle hangs on the main clause, not a subordinate one',
      'Bradley apologized for the columns after they came out, saying they were old.',
      [['participle-cue-clause', 'Bradley', 'saying', 'they were old']],
    ],
    [
      'a participle on a statement someone issued',
      'American Bridge President Jessica Mackler issued a statement Monday saying his comment has no place in politics.',
      [['participle-cue-clause', 'Jessica Mackler', 'saying', 'his comment has no place in politics']],
    ],
    [
      'a participle after a phrasal verb',
      'Trump shot back in a statement, saying he was right.',
      [['participle-cue-clause', 'Trump', 'saying', 'he was right']],
    ],
    [
      'a medium phrase with a noun read as a verb before that',
      'Wasserman Schultz said in her opening remarks that the platform should stay.',
      [['speaker-cue-clause', 'Wasserman Schultz', 'said', 'the platform should stay']],
    ],
    [
      'the attribution after the clause',
      'Among the 1.4 billion people, few have broken away, the official noted.',
      [['clause-then-attribution', 'the official', 'noted', 'Among the 1.4 billion people, few have broken away']],
    ],
    [
      'the attribution inside the clause',
      'To make things worse, he said, they have been brainwashed.',
      [['clause-then-attribution', 'he', 'said', 'they have been brainwashed']],
    ],
    [
      'according to X first',
      'According to the United Nations, the number of refugees has doubled.',
      [['according-to', 'the United Nations', 'According to', 'the number of refugees has doubled']],
    ],
    [
      'according to X last',
      'The number of refugees has doubled, according to the United Nations.',
      [['according-to', 'the United Nations', 'according to', 'The number of refugees has doubled']],
    ],
    [
      'a bracket closed inside the clause',
      'Benita tells them that they can contact the World Organization (WOIPFG).',
      [['speaker-cue-clause', 'Benita', 'tells', 'they can contact the World Organization (WOIPFG)']],
    ],
    [
      'a narrative clause after the speech',
      'He acknowledged that there is still a long way to go, and he wished them well.',
      [['speaker-cue-clause', 'He', 'acknowledged', 'there is still a long way to go']],
    ],
    [
      'a cue inside reported speech is part of it',
      'The practitioner suggested that he explain to his son that quitting does not matter.',
      [['speaker-cue-clause', 'The practitioner', 'suggested', 'he explain to his son that quitting does not matter']],
    ],
    [
      'a time adjunct before a clause without that',
      'The mayor said Tuesday the bridge would reopen in May.',
      [['speaker-cue-clause', 'The mayor', 'said', 'the bridge would reopen in May']],
    ],
    [
      'a medium adjunct before a clause without that',
      'Acme Corp said in a statement the company would cut 300 jobs.',
      [['speaker-cue-clause', 'Acme Corp', 'said', 'the company would cut 300 jobs']],
    ],
    [
      'a news conference before a clause without that',
      'Smith said at a news conference the talks had failed.',
      [['speaker-cue-clause', 'Smith', 'said', 'the talks had failed']],
    ],
    [
      'time and medium adjuncts before that',
      'The ministry said on Tuesday in a statement that prices would rise.',
      [['speaker-cue-clause', 'The ministry', 'said', 'prices would rise']],
    ],
    [
      'a quantity opens the clause',
      'NHS England said more than 1,100 operations had been postponed.',
      [['speaker-cue-clause', 'NHS England', 'said', 'more than 1,100 operations had been postponed']],
    ],
    [
      'a partial quotation in the clause keeps its closing mark',
      'Thune said the measure "spends too much and reforms too little," but he voted for it.',
      [['speaker-cue-clause', 'Thune', 'said', 'the measure "spends too much and reforms too little,"']],
    ],
    [
      'a single-marked partial quotation',
      'She added that doctors ‘do not take this step lightly’.',
      [['speaker-cue-clause', 'She', 'added', 'doctors ‘do not take this step lightly’']],
    ],
    [
      'an adjunct after a trailing attribution',
      'The group expects a loss this year, it said in a trading update.',
      [['clause-then-attribution', 'it', 'said', 'The group expects a loss this year']],
    ],
    [
      'a time after a trailing attribution',
      'A man was arrested in connection with the fires, officials said on Friday.',
      [['clause-then-attribution', 'officials', 'said', 'A man was arrested in connection with the fires']],
    ],
    [
      'a subject naming a quoted title',
      'A report titled "Promises Without Price Tags," published by the centre last month, had warned that deals rarely delivered.',
      [['speaker-cue-clause', 'A report', 'warned', 'deals rarely delivered']],
    ],
    [
      'a surname the tagger reads as a verb, before ", who"',
      'Stokes, who bowled first, insisted he still had faith in the squad.',
      [['speaker-cue-clause', 'Stokes', 'insisted', 'he still had faith in the squad']],
    ],
    [
      'an age between commas after the clause subject',
      'Judge Lorna Schofield said Daniel Pryce, 52, had shown no remorse.',
      [['speaker-cue-clause', 'Lorna Schofield', 'said', 'Daniel Pryce, 52, had shown no remorse']],
    ],
    [
      'an apposition between commas after the clause subject',
      'The mayor said the fire chief, a veteran of 30 years, had resigned.',
      [['speaker-cue-clause', 'The mayor', 'said', 'the fire chief, a veteran of 30 years, had resigned']],
    ],
    [
      'a noun the tagger reads as a verb before that',
      'He wrote in another message that the fund was a bridge loan.',
      [['speaker-cue-clause', 'He', 'wrote', 'the fund was a bridge loan']],
    ],
    [
      'a time word the tagger reads as a verb before that',
      'The Royal College of Nursing said last year that one in five nurses was planning to leave.',
      [['speaker-cue-clause', 'The Royal College of Nursing', 'said', 'one in five nurses was planning to leave']],
    ],
    [
      'an addressee after a trailing attribution',
      'The EU is preparing to delay new tariffs, three diplomats told Reuters.',
      [['clause-then-attribution', 'three diplomats', 'told', 'The EU is preparing to delay new tariffs']],
    ],
    [
      'a new cue verb',
      'Dr. Samuel Okafor cautioned that the study was observational.',
      [['speaker-cue-clause', 'Samuel Okafor', 'cautioned', 'the study was observational']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(reported(text)).toEqual(expected);
  });

  it.each([
    ['an infinitive is not a clause', 'The officer asked him to stop the car.'],
    ['an object without a clause', 'Many people wrote their intention on paper money.'],
    ['a quote attribution', 'He said: “We are leaving.”'],
    ['a cue with no complement', 'That is what he said.'],
    ['an object with a relative clause is no clause', 'Jaylen Brown added 24 points for Boston, which has won seven straight.'],
    ['a verb phrase after a trailing attribution is no adjunct', 'Prices rose, he said and left the room.'],
  ])('nothing reported: %s', (_name, text) => {
    expect(reported(text)).toEqual([]);
  });
});
