import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/document.ts';
import { findClaims } from '../../src/stages/extract-claims.ts';
import { documentOf } from '../claims/helpers.ts';

type Row = [Claim['kind'], string, string | null, string | null];
const rows = (text: string): Row[] => findClaims(documentOf(text)).map((claim) => [claim.kind, claim.text, claim.speaker, claim.cue]);

describe('findClaims: quotes and their speakers', () => {
  it.each<[string, string, Row[]]>([
    [
      'a quote split by its attribution is two quotes, one speaker',
      '“Prices will rise,” Minister Olaf Berg said, “and wages will not.”',
      [
        ['quote', 'Prices will rise,', 'Olaf Berg', 'said'],
        ['quote', 'and wages will not.', 'Olaf Berg', 'said'],
      ],
    ],
    [
      'a pronoun resolves to the description the text used',
      'A senior official in Jiaozuo City, Henan Province said that many officials had quit. “Some of them are clearer on this than me,” he added.',
      [
        ['reported', 'many officials had quit', 'A senior official in Jiaozuo City, Henan Province', 'said'],
        ['quote', 'Some of them are clearer on this than me,', 'A senior official in Jiaozuo City, Henan Province', 'added'],
      ],
    ],
    [
      'a definite description resolves to its first mention',
      'A police officer in Lyon was called to the scene.\nThe officer said that nobody had been hurt.',
      [['reported', 'nobody had been hurt', 'A police officer in Lyon', 'said']],
    ],
    [
      'a short name stands as written (its entity link names it in full)',
      'Ms. Li Dayong runs the centre.\nMs. Li said that many people wanted to quit.',
      [['reported', 'many people wanted to quit', 'Li', 'said']],
    ],
    [
      'the subject is preferred over an object',
      'One elderly official in Shanghai was happy to receive the call from a practitioner. He said that he knew the truth.',
      [['reported', 'he knew the truth', 'One elderly official in Shanghai', 'said']],
    ],
    [
      'a pronoun finds the headline subject',
      'London, UK: Student Renounces the Party\n“I did not dare to believe the information at first,” she said.',
      [['quote', 'I did not dare to believe the information at first,', 'Student', 'said']],
    ],
    [
      'they resolves to a plural speaker',
      'The centre received a call from eight officials who said that they wanted to quit. They said, "We all saw the reports on the television."',
      [
        ['reported', 'they wanted to quit', 'eight officials', 'said'],
        ['quote', 'We all saw the reports on the television.', 'eight officials', 'said'],
      ],
    ],
    [
      '"it" resolves to an organization the text described',
      'The company warned that profit would fall. Sales will drop by a tenth this year, it said in a trading update.',
      [
        ['reported', 'profit would fall', 'The company', 'warned'],
        ['reported', 'Sales will drop by a tenth this year', 'The company', 'said'],
      ],
    ],
    [
      '"they" passes over a described organization to the people',
      'Eight officials called the centre. One of them was the deputy chief of a research office. They said, "We all saw the reports on television."',
      [['quote', 'We all saw the reports on television.', 'Eight officials', 'said']],
    ],
    [
      'a plural possessive stays in the speaker',
      "Drivers' groups said the disruption had cost them dearly.",
      [['reported', 'the disruption had cost them dearly', "Drivers' groups", 'said']],
    ],
    [
      'people named inside a quote are not antecedents',
      'An official in Beijing spoke to us.\n“Even my son has not quit the party yet,” he lamented.',
      [['quote', 'Even my son has not quit the party yet,', 'An official in Beijing', 'lamented']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('findClaims: speaker continuity', () => {
  it.each<[string, string, Row[]]>([
    [
      'a second quote in the paragraph keeps the speaker',
      '“We will appeal,” said the lawyer. “The ruling ignores the evidence we gave.”',
      [
        ['quote', 'We will appeal,', 'the lawyer', 'said'],
        ['quote', 'The ruling ignores the evidence we gave.', 'the lawyer', null],
      ],
    ],
    [
      'a quote-only paragraph continues the previous speaker',
      '“We will appeal,” said the lawyer.\n“The ruling ignores the evidence we gave.”',
      [
        ['quote', 'We will appeal,', 'the lawyer', 'said'],
        ['quote', 'The ruling ignores the evidence we gave.', 'the lawyer', null],
      ],
    ],
    [
      'a quote running across paragraphs keeps its speaker',
      'The mayor said: “The first phase is finished.\n“The second phase starts in May.”',
      [
        ['quote', 'The first phase is finished.', 'The mayor', 'said'],
        ['quote', 'The second phase starts in May.', 'The mayor', null],
      ],
    ],
    [
      'a quote running across paragraphs takes the attribution of its last part',
      'Margaret Doyle, 67, lives on Harbour Road.\n“I heard the sirens at ten. We went upstairs.\n“Forty years of our lives were in that house,” she said.',
      [
        ['quote', 'I heard the sirens at ten. We went upstairs.', 'Margaret Doyle', null],
        ['quote', 'Forty years of our lives were in that house,', 'Margaret Doyle', 'said'],
      ],
    ],
    [
      'a narrative paragraph breaks the continuity',
      '“We will appeal,” said the lawyer.\nThe court closed early on Friday, and nobody came to the hearing that day.\nIt was a long day. “Nobody expected that to happen here,” a witness said later.',
      [
        ['quote', 'We will appeal,', 'the lawyer', 'said'],
        ['quote', 'Nobody expected that to happen here,', 'a witness', 'said'],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('findClaims: quoted fragments and how news attributes them', () => {
  it.each<[string, string, Row[]]>([
    [
      "a fragment after a calling verb is its subject's quote",
      'Trump called it “one of the great miscarriages of justice” on Monday.',
      [['quote', 'one of the great miscarriages of justice', 'Trump', 'called']],
    ],
    [
      'a fragment after "accuse ... of"',
      'Obama accused Trump of praising Putin to a degree that is “unprecedented in American politics.”',
      [['quote', 'unprecedented in American politics.', 'Obama', 'accused']],
    ],
    [
      'a fragment in a clause of a speech verb',
      'A defiant Donald Trump is insisting he is “winning” the race.',
      [['quote', 'winning', 'Donald Trump', 'insisting']],
    ],
    ['a naming verb quotes a name in Title Case', 'Trump called the pageant winner “Miss Piggy” in 1996.', [['quote', 'Miss Piggy', 'Trump', 'called']]],
    [
      'a fragment after a pronoun speaker',
      'Hillary Clinton spoke in Ohio on Friday. She said Republican Donald Trump favors a “strongman approach.”',
      [['quote', 'strongman approach.', 'Hillary Clinton', 'said']],
    ],
    [
      'a fragment inside reported speech stays part of that claim',
      'A cashier who “steals a handful of $20s” is held accountable, Warren said.',
      [['reported', 'A cashier who “steals a handful of $20s” is held accountable', 'Warren', 'said']],
    ],
    [
      'a party label between the speaker and the cue',
      '“Subpoenas are not optional,” Rep. Jason Chaffetz (R-Utah) said after the hearing.',
      [['quote', 'Subpoenas are not optional,', 'Jason Chaffetz', 'said']],
    ],
    [
      'a speaker the tagger misreads, right before the cue',
      '“I think she will be out there campaigning as aggressively as ever,” Clinton campaign spokesman Brian Fallon said.',
      [['quote', 'I think she will be out there campaigning as aggressively as ever,', 'Brian Fallon', 'said']],
    ],
    [
      'a name after a dash signs a quotation',
      '“Maybe we can build a wall around the whole campaign.” ― Steve Quinlan',
      [['quote', 'Maybe we can build a wall around the whole campaign.', 'Steve Quinlan', null]],
    ],
    [
      "a paragraph ending in a colon introduces the next one's quotation",
      'Pat Caddell spoke on the radio on Monday.\nThe New York Times reports:\n"Just 24 percent of the contributors to the campaign gave less than $200."',
      [['quote', 'Just 24 percent of the contributors to the campaign gave less than $200.', 'The New York Times', null]],
    ],
    [
      "in the clause of a verb of saying, the fragment is that speaker's",
      'Rival Hillary Clinton had mocked the complaint, saying anybody who complains about a microphone “is not having a good night.”',
      [['quote', 'is not having a good night.', 'Hillary Clinton', 'saying']],
    ],
    [
      'a sentence subject introduces a quotation after a colon',
      'Democratic Sen. Claire McCaskill (D-Mo.) scolded him: “The scientific community is almost monolithic against you.”',
      [['quote', 'The scientific community is almost monolithic against you.', 'Claire McCaskill', null]],
    ],
    [
      'an inverted cue before a colon',
      'Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”',
      [['quote', 'I don’t get the sense she’s the least bit interested in tax reform.', 'Ellis', 'Said']],
    ],
    [
      '"according to" opening the sentence, and no reported speech inside the quotation',
      'According to Limbaugh, “If it was left up to Hillary, she wouldn’t have time to say anything positive.”',
      [['quote', 'If it was left up to Hillary, she wouldn’t have time to say anything positive.', 'Limbaugh', 'According to']],
    ],
    [
      "a person as the subject of the fragment's own clause",
      'Trump openly admires Russian President Vladimir Putin as a “strong leader” and his allies know it.',
      [['quote', 'strong leader', 'Trump', null]],
    ],
    [
      'a describing verb quotes words after "the"',
      'In July, Gingrich cynically dismissed Estonia as being in the “suburbs of St. Petersburg” on the radio.',
      [['quote', 'suburbs of St. Petersburg', 'Gingrich', 'dismissed']],
    ],
    [
      'a possessive noun of saying',
      'On Monday Politifact did a fact-check on Donald Trump’s claim that there have been “thousands of shootings” in Chicago.',
      [['quote', 'thousands of shootings', 'Donald Trump', 'claim']],
    ],
    [
      'a participle modifying a noun attributes nothing',
      'In a statement announcing the pick, the Association of Flight Attendants called Clinton a “champion” of workers.',
      [['quote', 'champion', 'the Association of Flight Attendants', 'called']],
    ],
    [
      'a participle after "before" has the sentence\'s subject',
      'Blige sings to Clinton before asking her, “I just want to know, where do we go from here?”',
      [['quote', 'I just want to know, where do we go from here?', 'Blige', 'asking']],
    ],
    [
      'a transcript line names its speaker in capitals',
      '"WALLACE: But, Governor Pence, I have got to ask you about the debate."',
      [['quote', 'WALLACE: But, Governor Pence, I have got to ask you about the debate.', 'WALLACE', null]],
    ],
    [
      'a short sentence of saying before a quotation',
      'Professor Dianne Bystrom agreed. "Mainstream Republicans are running out of time to find an alternative."',
      [['quote', 'Mainstream Republicans are running out of time to find an alternative.', 'Dianne Bystrom', 'agreed']],
    ],
    [
      'a capitalised label before a colon inside a paragraph',
      'Jeb Bush and Hillary Clinton reject the term. Clinton: "Our goal is not to deter ISIS, but to defeat it."',
      [['quote', 'Our goal is not to deter ISIS, but to defeat it.', 'Clinton', null]],
    ],
    [
      '"according to" before a colon',
      'Kaine is on the list. According to HuffPo: “Senator Tim Kaine has had a mixed record on abortion.”',
      [['quote', 'Senator Tim Kaine has had a mixed record on abortion.', 'HuffPo', 'According to']],
    ],
    [
      'a quotation after a sentence describing what someone did',
      'Clinton touted her credentials as a co-sponsor of the bill. "We need to find ways to support workers who want a union."',
      [['quote', 'We need to find ways to support workers who want a union.', 'Clinton', 'touted']],
    ],
    [
      'a paragraph of narration introduces who the next paragraph quotes',
      'Sen. Bernie Sanders also called on the U.S. to press China.\n"China is equally concerned about what North Korea is doing."',
      [['quote', 'China is equally concerned about what North Korea is doing.', 'Bernie Sanders', null]],
    ],
    [
      '"and" joins two descriptions of one speaker',
      '"China is equally concerned," the Vermont senator and presidential candidate told ABC.',
      [['quote', 'China is equally concerned,', 'the Vermont senator and presidential candidate', 'told']],
    ],
    [
      'an inverted cue opening the sentence, before a comma',
      'Said Comey, "The thought that an error on our part is connected to this is painful."',
      [['quote', 'The thought that an error on our part is connected to this is painful.', 'Comey', 'Said']],
    ],
    [
      '"as X puts it"',
      'As The Post’s Dana Milbank puts it, "Senate Republicans are unmoved, and liberal activists are uninspired."',
      [['quote', 'Senate Republicans are unmoved, and liberal activists are uninspired.', 'Dana Milbank', 'puts it']],
    ],
    ['a number is no speaker', 'Of those polled, 56 said that the plan would fail.', [['reported', 'the plan would fail', null, 'said']]],
    ['a country speaks for its government', 'Japan said that the test was an outrage.', [['reported', 'the test was an outrage', 'Japan', 'said']]],
    [
      'an adverb between the speaker and the cue',
      '“We live in a kingdom of our own,” my father often said.',
      [['quote', 'We live in a kingdom of our own,', 'my father', 'said']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(text).filter(([kind]) => kind !== 'figure')).toEqual(expected);
  });
});

describe('findClaims: not claims', () => {
  it.each<[string, string]>([
    ['a title after "titled"', 'A report titled “Returning Home After Clarifying the Truth” told the story.'],
    ['a scare quote', 'The so-called “Red Line” was loyal to the party.'],
    ['a short quoted phrase', 'After the deputy secretary was charged with “serious violations of law,” they became willing to listen.'],
    ['an unattributed quote embedded in a clause', 'She read them the “advisory on earnestly preventing unjust and false cases” again.'],
    ['an elision in straight single marks', "They gave 'em hell in the '90s, the band's fans recall."],
    ['an unattributed Title Case quote', 'Policemen shared the “I Am Ashamed of Being a Police Officer in This Persecution” story.'],
    ['a fragment nobody is said to have said', 'The “sex tape” reference was about a reality show, and the crowd cheered.'],
    ['a title of a work after a verb of speech', 'Blige sings Bruce Springsteen’s “American Skin” to the crowd.'],
    ['a thing someone named, without a naming verb', 'Benita reads to them from the “Advisory on Earnestly Preventing Unjust Cases” every week.'],
    ['a group called something', 'A group called “Friends of the Earth” held a rally on Monday.'],
    ['the title of a show after a possessive', 'In an interview on CBS’s “Face the Nation,” Speaker Paul Ryan said the shootings demand more listening.'],
    ['a one-word title with its article after a preposition', 'Clinton remarked on the actor’s latest turn as a frontiersman in "The Revenant."'],
    ['an attribute value of markup left in the text', 'He posted it. <tweet tweet-date="that the youth are worse off than anyone else in the job market">'],
    [
      "a charge quoted in another clause than the subject's",
      'After she speaks, and gives the example of the minister being charged with “serious violations of law,” they listen.',
    ],
  ])('%s', (_name, text) => {
    expect(rows(text).filter(([kind]) => kind === 'quote')).toEqual([]);
  });
});

describe('findClaims: quotations are not reported speech as well', () => {
  it.each<[string, string]>([
    ['a cue and a comma introducing a quotation', 'From his heart, this policeman said, “My friend, I am ashamed of it.”'],
    ['a colon introducing a quotation', 'The minister said: “We will not give in to threats.”'],
    [
      'an attribution after the quotation and a source after that',
      '“Delegates should be able to vote the way they see fit,” Walker said, according to an Associated Press account.',
    ],
  ])('%s', (_name, text) => {
    expect(rows(text).filter(([kind]) => kind === 'reported')).toEqual([]);
  });
});

describe('findClaims: figure claims', () => {
  it('takes the speaker of the speech a figure sits in', () => {
    const document = documentOf('The official noted that 1.4 billion people live in China. Today 30 people came.');
    const text = document.text;
    const figureAt = (figure: string): { start: number; end: number } => ({ start: text.indexOf(figure), end: text.indexOf(figure) + figure.length });
    document.figures = ['1.4 billion', '30'].map((figure) => ({
      ...figureAt(figure),
      passageIndex: 0,
      text: figure,
      value: 0,
      valueMax: null,
      qualifier: 'exact',
      kind: 'count',
      unit: null,
      item: null,
    }));
    expect(
      findClaims(document)
        .filter((claim) => claim.kind === 'figure')
        .map((claim) => [claim.text, claim.speaker]),
    ).toEqual([
      ['The official noted that 1.4 billion people live in China.', 'The official'],
      ['Today 30 people came.', null],
    ]);
  });

  it('splits a quotation into its sentences, without the marks', () => {
    const document = documentOf('Benita urges them to think: “Years have passed. Do you want this? A persecution that has harmed 100 million people?”');
    const text = document.text;
    const start = text.indexOf('100 million');
    document.figures = [
      { start, end: start + 11, passageIndex: 0, text: '100 million', value: 1e8, valueMax: null, qualifier: 'exact', kind: 'count', unit: null, item: null },
    ];
    expect(
      findClaims(document)
        .filter((claim) => claim.kind === 'figure')
        .map((claim) => [claim.text, claim.speaker]),
    ).toEqual([['A persecution that has harmed 100 million people?', 'Benita']]);
  });
});

describe('findClaims: invariants', () => {
  it('every claim text slices back out of the document', () => {
    const text =
      '“Prices will rise,” Finance Minister Olaf Berg said, “and wages will not.”\nThe ministry said in a statement that 😀 emoji prices would fall.\n“An unclosed quote with an emoji 😀 runs on';
    const document = documentOf(text);
    for (const claim of findClaims(document)) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
  });

  it('handles a 100,000-character paragraph of unbalanced quotes quickly', () => {
    const text = '“We will go,” he said, “and the minister told us that costs would rise '.repeat(1500).slice(0, 100_000);
    const document = documentOf(text);
    const started = performance.now();
    const claims = findClaims(document);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(claims.length).toBeGreaterThan(1000);
  });
});

describe('findClaims: not reported speech', () => {
  it('"that" after an adjunct and before a verb is a relative pronoun, not a complementizer', () => {
    expect(rows('Angela Merkel told reporters after the meeting that was held in part on a pleasure boat.')).toEqual([]);
  });

  it.each<[string, string, Row[]]>([
    [
      'a participle after a parenthetical attribution tells of the speaker; the clause is before it',
      'Sales were great, he said, wiping sweat off his face.',
      [['reported', 'Sales were great', null, 'said']],
    ],
    [
      'a phrase after an attribution that follows a quotation',
      '“We will not give in,” Fiorina told the crowd, her voice drowned out by waves of boos.',
      [['quote', 'We will not give in,', 'Fiorina', 'told']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('findClaims: paragraphs with no words', () => {
  it('a paragraph the tagger reads no words in neither fails nor breaks the continuity', () => {
    // The pipeline's batched analysis gives "- - - -" between two paragraphs no tokens at all.
    const document = documentOf('Li Dayong spoke on Monday.\n- - - -\n“We will appeal the ruling today,” he said.');
    (document.analyses[1] as { tokens: unknown[] }).tokens = [];
    expect(findClaims(document).map((claim) => [claim.kind, claim.text, claim.speaker, claim.cue])).toEqual([
      ['quote', 'We will appeal the ruling today,', 'Li Dayong', 'said'],
    ]);
  });
});

describe('findClaims: how news words an attribution', () => {
  it.each<[string, string, Row[]]>([
    [
      'a long apposition between the speaker and the cue',
      '“The decision recognizes that freedom can be preserved,” Robert McDuff, attorney for one of four groups to file suit over the law, said.',
      [['quote', 'The decision recognizes that freedom can be preserved,', 'Robert McDuff', 'said']],
    ],
    [
      'an auxiliary before the cue',
      '“I would hope that a wise woman would reach a better conclusion,” Sotomayor has said in speeches.',
      [['quote', 'I would hope that a wise woman would reach a better conclusion,', 'Sotomayor', 'said']],
    ],
    [
      'a retort with its particle, after and before the quotation',
      'Bush interrupted him. "Jeb wants to be a tough guy tonight," Trump shot back.\nAfter Brown criticized her husband, Hillary shot back, “I could have stayed home and baked cookies.”',
      [
        ['quote', 'Jeb wants to be a tough guy tonight,', 'Trump', 'shot back'],
        ['quote', 'I could have stayed home and baked cookies.', 'Hillary', 'shot back'],
      ],
    ],
    [
      'an infinitive cue takes the subject of the verb it completes',
      'Trump joked that Brooklyn was his answer, but went on to say, “Like Oakland. Or Ferguson.”',
      [['quote', 'Like Oakland. Or Ferguson.', 'Trump', 'say']],
    ],
    [
      'a coordinated cue is active even after a passive verb',
      'Silverman was joined on stage by Al Franken and joked, “You are being ridiculous.”',
      [['quote', 'You are being ridiculous.', 'Silverman', 'joked']],
    ],
    [
      'a party label and a relative clause between the subject and the cue',
      'Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders has pushed her to be a stronger candidate.',
      [['reported', 'Sanders has pushed her to be a stronger candidate', 'Claire McCaskill', 'said']],
    ],
    [
      'a lone capitalised word the tagger read as an adjective, right before the cue',
      'Djokovic told a TV interviewer that he is feeling “a lot of emotion” before the match.',
      [['reported', 'he is feeling “a lot of emotion” before the match', 'Djokovic', 'told']],
    ],
    [
      'a day between a determiner and the noun of the speaker',
      '“There are invertebrates with more spine than Senator Grassley,” reads a Wednesday editorial in The Des Moines Register.',
      [['quote', 'There are invertebrates with more spine than Senator Grassley,', 'a Wednesday editorial in The Des Moines Register', 'reads']],
    ],
    [
      'a full stop where the comma belongs, then a sentence of speaker and cue alone',
      'The nominee caused howls of outrage.\n“Russia, if you’re listening, I hope you’re able to find the emails.” Clinton said.',
      [['quote', 'Russia, if you’re listening, I hope you’re able to find the emails.', 'Clinton', 'said']],
    ],
    [
      'a name between a dash and a colon under a headline',
      'RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Gallup’s analysis of party affiliation shows a lot.”',
      [['quote', 'Gallup’s analysis of party affiliation shows a lot.', 'Jeffrey M. Jones', null]],
    ],
    [
      'a long relative clause between the subject and its verb',
      'Christie, who has campaigned heavily for GOP nominee Donald Trump since he suspended his own presidential campaign in February, blasted Clinton as a “disgrace” on Wednesday.',
      [['quote', 'disgrace', 'Christie', 'blasted']],
    ],
    [
      'a cue that ends in the letters of a naming verb ("recalled") is no naming verb',
      'Douglas Brinkley, a historian who attended the session, recalled, “The president was furious.”',
      [['quote', 'The president was furious.', 'Douglas Brinkley', 'recalled']],
    ],
    [
      'a participle after "upon" takes the subject of the sentence',
      'Silverman, herself a Sanders supporter, incurred a wave of boos upon saying, “Hillary heard the passion of the people.”',
      [['quote', 'Hillary heard the passion of the people.', 'Silverman', 'saying']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('reads the entity recogniser’s names where the tagger misreads them ("Boreing" as a gerund)', () => {
    const text = 'Boreing said the members will still meet for drinks.';
    expect(rows(text)).toEqual([['reported', 'the members will still meet for drinks', null, 'said']]);
    const document = documentOf(text);
    document.mentions.push({ start: 0, end: 7, passageIndex: 0, type: 'person', text: 'Boreing' });
    expect(findClaims(document).map((claim) => [claim.kind, claim.text, claim.speaker, claim.cue])).toEqual([
      ['reported', 'the members will still meet for drinks', 'Boreing', 'said'],
    ]);
  });
});
