import { describe, expect, it } from 'vitest';
import { cleanEntitySpan, findEntityMentions, longestNonOverlapping } from '../../src/entities/rules.ts';
import { analyzePassage } from '../../src/text/analysis.ts';

/** Analyses each line as one passage, as the segment and analyze stages would, and returns [type, text] pairs. */
function entities(text: string): [string, string][] {
  const analyses = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') analyses.push(analyzePassage(line, offset));
    offset += line.length + 1;
  }
  return findEntityMentions({ text }, analyses).map((mention) => [mention.type, mention.text]);
}

describe('findEntityMentions', () => {
  it.each([
    // World news
    [
      'The Ministry of Foreign Affairs in Beijing summoned the ambassador of the Philippines.',
      [
        ['organization', 'Ministry of Foreign Affairs'],
        ['place', 'Beijing'],
        ['place', 'Philippines'],
      ],
    ],
    [
      'Prime Minister Benjamin Netanyahu said the army struck Hamas targets in the Gaza Strip.',
      [
        ['person', 'Benjamin Netanyahu'],
        ['organization', 'Hamas'],
        ['place', 'Gaza Strip'],
      ],
    ],
    [
      'Officials in Jiaozuo City, Henan Province said the plan had failed.',
      [
        ['place', 'Jiaozuo City'],
        ['place', 'Henan Province'],
      ],
    ],
    [
      'Delegates from Kenya met in Nairobi with the World Health Organization.',
      [
        ['place', 'Kenya'],
        ['place', 'Nairobi'],
        ['organization', 'World Health Organization'],
      ],
    ],
    [
      'She works for the Global Service Centre for Quitting the CCP in Toronto.',
      [
        ['organization', 'Global Service Centre for Quitting the CCP'],
        ['place', 'Toronto'],
      ],
    ],
    ['He told the Central Political and Legal Affairs Committee nothing.', [['organization', 'Central Political and Legal Affairs Committee']]],
    ['The Harbin Railway Bureau closed two lines.', [['organization', 'Harbin Railway Bureau']]],
    ['Agents of the 610 Office arrested him.', [['organization', '610 Office']]],
    ['At that time, the Chief of the Shenyang Police resigned.', [['organization', 'Shenyang Police']]],
    [
      'Ms. Wang Xiuying of the Qiqihar Women’s Federation spoke first.',
      [
        ['person', 'Wang Xiuying'],
        ['organization', 'Qiqihar Women’s Federation'],
      ],
    ],
    [
      "Mr. Zhang said the Chinese Communist Party's rules had changed.",
      [
        ['person', 'Zhang'],
        ['organization', 'Chinese Communist Party'],
      ],
    ],
    ['He defected from the Communist Party of China in 2004.', [['organization', 'Communist Party of China']]],
    [
      "The People's Liberation Army held drills near Taiwan.",
      [
        ['organization', "People's Liberation Army"],
        ['place', 'Taiwan'],
      ],
    ],
    // Business
    [
      'Shares of General Motors Corp rose after Chief Executive Mary Barra spoke in Detroit.',
      [
        ['organization', 'General Motors Corp'],
        ['person', 'Mary Barra'],
        ['place', 'Detroit'],
      ],
    ],
    [
      'Apple Inc. and Goldman Sachs Group Inc. ended their card deal, the Wall Street Journal reported.',
      [
        ['organization', 'Apple Inc'],
        ['organization', 'Goldman Sachs Group Inc'],
        ['organization', 'Wall Street Journal'],
      ],
    ],
    [
      'Acme Widget Holdings said profits fell at its plant in Ohio.',
      [
        ['organization', 'Acme Widget Holdings'],
        ['place', 'Ohio'],
      ],
    ],
    [
      'The Bank of Japan kept rates on hold, Kyodo News reported.',
      [
        ['organization', 'Bank of Japan'],
        ['organization', 'Kyodo News'],
      ],
    ],
    // Sports
    [
      'Manchester United manager Alex Ferguson said Ryan Giggs would miss the game.',
      [
        ['organization', 'Manchester United'],
        ['person', 'Alex Ferguson'],
        ['person', 'Ryan Giggs'],
      ],
    ],
    [
      'Wasim Akram took five wickets at Chelmsford. Akram finished with 5-42.',
      [
        ['person', 'Wasim Akram'],
        ['place', 'Chelmsford'],
        ['person', 'Akram'],
      ],
    ],
    [
      'The International Olympic Committee met in Lausanne.',
      [
        ['organization', 'International Olympic Committee'],
        ['place', 'Lausanne'],
      ],
    ],
    // Media, movements, acronyms
    [
      '(Minghui.org) Practitioners in Australia held a rally.',
      [
        ['organization', 'Minghui.org'],
        ['place', 'Australia'],
      ],
    ],
    [
      'She was interviewed by Sound of Hope Radio and The Epoch Times.',
      [
        ['organization', 'Sound of Hope Radio'],
        ['organization', 'Epoch Times'],
      ],
    ],
    [
      'The Union of Concerned Scientists (UCS) wrote to the EPA.',
      [
        ['organization', 'Union of Concerned Scientists'],
        ['organization', 'UCS'],
        ['organization', 'EPA'],
      ],
    ],
    [
      'Falun Gong practitioners protested outside the UN in Geneva.',
      [
        ['organization', 'Falun Gong'],
        ['place', 'Geneva'],
        ['organization', 'UN'],
      ].sort(() => 0),
    ],
    // Not entities
    ['Several recent reports say many people quit.', []],
    ['The Chinese people celebrated Christmas in December.', []],
    ['He was nominated for the Nobel Peace Prize during the Cultural Revolution.', []],
    ['“Who would sacrifice for the so-called Party?” he wondered.', []],
    ['A report titled “Policemen Refuse to Imprison Innocent Practitioners” came out.', []],
    ['Because the CCP controls the news, many do not know.', [['organization', 'CCP']]],
  ] as [string, [string, string][]][])('%s', (text, expected) => {
    expect(entities(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    [
      'SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.',
      [
        ['place', 'JAPAN'],
        ['place', 'CHINA'],
      ],
    ],
    [
      'TOKYO STOCKS END HIGHER ON BANK OF JAPAN HOPES',
      [
        ['place', 'TOKYO'],
        ['organization', 'BANK OF JAPAN'],
      ],
    ],
    [
      'London, UK: Student Renounces the Chinese Communist Party',
      [
        ['place', 'London'],
        ['place', 'UK'],
        ['organization', 'Chinese Communist Party'],
      ],
    ],
    [
      'Senior Official in Henan Province: Many People Around Me Have Quit the CCP',
      [
        ['place', 'Henan Province'],
        ['organization', 'CCP'],
      ],
    ],
    ['WHAT IT MEANS FOR YOUR SAVINGS', []],
  ] as [string, [string, string][]][])('headline %s', (text, expected) => {
    expect(entities(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    [
      'Li Dayong runs the centre.\nLI SPEAKS OUT\nLater Li said more.',
      [
        ['person', 'Li Dayong'],
        ['person', 'LI'],
        ['person', 'Li'],
      ],
    ],
    [
      'Acme Robotics Corp hired staff.\nACME ROBOTICS CORP SHARES JUMP',
      [
        ['organization', 'Acme Robotics Corp'],
        ['organization', 'ACME ROBOTICS CORP'],
      ],
    ],
  ] as [string, [string, string][]][])('uses names learnt elsewhere in the document: %s', (text, expected) => {
    expect(entities(text)).toEqual(expected);
  });

  it('returns spans that slice back to their text', () => {
    const text = 'Ms. Li Dayong of the Global Service Centre for Quitting the CCP said the CCP’s rules changed in Yunnan Province.';
    const mentions = findEntityMentions({ text }, [analyzePassage(text, 0)]);
    expect(mentions.map((mention) => text.slice(mention.start, mention.end))).toEqual(mentions.map((mention) => mention.text));
    expect(mentions.map((mention) => mention.text)).toEqual(['Li Dayong', 'Global Service Centre for Quitting the CCP', 'CCP', 'Yunnan Province']);
  });
});

describe('findEntityMentions: names in wire copy', () => {
  it.each([
    // A role ends at its last title word, whatever comes before it.
    ['Canadian Prime Minister Mark Carney flew home.', [['person', 'Mark Carney']]],
    [
      'World Bank Managing Director Anna Bjerde visited.',
      [
        ['organization', 'World Bank'],
        ['person', 'Anna Bjerde'],
      ],
    ],
    ['He met Secretary of State Marco Rubio briefly.', [['person', 'Marco Rubio']]],
    ['The Department of Foreign Affairs issued a note.', [['organization', 'Department of Foreign Affairs']]],
    // Name particles stay inside the name, and open a surname used alone.
    [
      'Coach Louis van Gaal praised Frenkie de Jong.',
      [
        ['person', 'Louis van Gaal'],
        ['person', 'Frenkie de Jong'],
      ],
    ],
    ['Afterwards van Gaal left quickly.', [['person', 'van Gaal']]],
    ['The ruling of Judge Pieter ten Cate stands.', [['person', 'Pieter ten Cate']]],
    // Korean given names are hyphenated.
    ['The talks were led by Kim Min-jae yesterday.', [['person', 'Kim Min-jae']]],
    // Lower-case corporate suffixes, and date words never complete a name.
    ['Acme Mining Holdings plc cut its dividend.', [['organization', 'Acme Mining Holdings plc']]],
    ['Zorvan Electronics Co Ltd on Monday raised prices.', [['organization', 'Zorvan Electronics Co Ltd']]],
    // "and" continues a ministry's complement.
    ['The Ministry of Agriculture and Rural Affairs said so.', [['organization', 'Ministry of Agriculture and Rural Affairs']]],
    // Lower-case nouns type an unknown name.
    ['Leaders of the Zanu party met.', [['organization', 'Zanu']]],
    ['Aid reached the port of Hodeidah late.', [['place', 'Hodeidah']]],
    // Place-name prefixes.
    ['Officials in Port Moresby said so.', [['place', 'Port Moresby']]],
    ['He grew up near San Cristobal.', [['place', 'San Cristobal']]],
    // Compound adjectives are not names; abbreviations keep their last period.
    ['U.S.-based Zentrix Labs hired staff.', [['organization', 'Zentrix Labs']]],
    ['Exports to the U.S. rose.', [['place', 'U.S.']]],
    // A word also used as a demonym can be a given name before a surname.
    ['Later Christian Eriksen scored.', [['person', 'Christian Eriksen']]],
    // Titles new to the list.
    ['Treasurer Jim Talbot spoke.', [['person', 'Jim Talbot']]],
  ] as [string, [string, string][]][])('%s', (text, expected) => {
    expect(entities(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    // Datelines: capitals opening a paragraph before ", Country (Agency) -".
    [
      'ZAGORSK, Russia (Reuters) - Officials met.',
      [
        ['place', 'ZAGORSK'],
        ['place', 'Russia'],
        ['organization', 'Reuters'],
      ],
    ],
    [
      'TALLINN (AP) — Estonia voted.',
      [
        ['place', 'TALLINN'],
        ['organization', 'AP'],
        ['place', 'Estonia'],
      ],
    ],
  ] as [string, [string, string][]][])('dateline %s', (text, expected) => {
    expect(entities(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    // A full name guessed from context teaches its parts, at a sentence start and in capitals.
    [
      'Coach Dario Vrbanek spoke. Vrbanek, 41, was calm.\nVRBANEK HAPPY WITH WIN',
      [
        ['person', 'Dario Vrbanek'],
        ['person', 'Vrbanek'],
        ['person', 'VRBANEK'],
      ],
    ],
    // An unknown first name before a dictionary word: "Sinner" is a surname here.
    [
      'She beat Jannik Sinner again. Sinner, who is 23, lost.',
      [
        ['person', 'Jannik Sinner'],
        ['person', 'Sinner'],
      ],
    ],
    // A company without its suffix, and a team by its nickname.
    [
      'Quarrix Ltd rose. Analysts said Quarrix would gain.',
      [
        ['organization', 'Quarrix Ltd'],
        ['organization', 'Quarrix'],
      ],
    ],
    [
      'The Denver Broncos won. Fans of the Broncos cheered.',
      [
        ['organization', 'Denver Broncos'],
        ['organization', 'Broncos'],
      ],
    ],
    // A guess a gazetteer name overrides teaches nothing.
    ['Falun Dafa is practised. Dafa books were seized.', [['organization', 'Falun Dafa']]],
  ] as [string, [string, string][]][])('uses names learnt in the document: %s', (text, expected) => {
    expect(entities(text)).toEqual(expected);
  });
});

describe('findEntityMentions: clubs, companies and lists of names', () => {
  it.each([
    // A league report: a city that plays is a club, in every mention but the dateline and after "in".
    [
      'LYON, May 3 (Reuters) - Marseille beat Nantes 2-0 in the league on Sunday.\nMarseille coach Roberto De Zerbi praised his striker.',
      [
        ['place', 'LYON'],
        ['organization', 'Reuters'],
        ['organization', 'Marseille'],
        ['organization', 'Nantes'],
        ['organization', 'Marseille'],
        ['person', 'Roberto De Zerbi'],
      ],
    ],
    [
      'Fans in Turin watched as Bologna drew 1-1 with Genoa after two late goals.',
      [
        ['place', 'Turin'],
        ['organization', 'Bologna'],
        ['organization', 'Genoa'],
      ],
    ],
    // No league words: players and countries keep their types.
    [
      'Jannik Sinner beat Casper Ruud 6-4 6-2 in Turin.',
      [
        ['person', 'Jannik Sinner'],
        ['person', 'Casper Ruud'],
        ['place', 'Turin'],
      ],
    ],
    // "and" between two finished names, or before "the", joins nothing; a shared head still does.
    [
      'Barclays plc and BNP Paribas SA report on Thursday.',
      [
        ['organization', 'Barclays plc'],
        ['organization', 'BNP Paribas SA'],
      ],
    ],
    [
      'The Bank of England and the European Central Bank declined to comment.',
      [
        ['organization', 'Bank of England'],
        ['organization', 'European Central Bank'],
      ],
    ],
    ['It was approved by the Food and Drug Administration last year.', [['organization', 'Food and Drug Administration']]],
    // Several words before "and" start one name sharing its head; a lone name word or a known name before "and" is a name of its own.
    ['The Australian Competition and Consumer Commission will sue.', [['organization', 'Australian Competition and Consumer Commission']]],
    ['Officials at the Securities and Exchange Commission declined to comment.', [['organization', 'Securities and Exchange Commission']]],
    [
      'Shares of Rio Tinto and BHP Group fell.',
      [
        ['organization', 'Rio Tinto'],
        ['organization', 'BHP Group'],
      ],
    ],
    [
      'She studied at Bremerhaven and Columbia University.',
      [
        ['place', 'Bremerhaven'],
        ['organization', 'Columbia University'],
      ],
    ],
    // A company named with its trade word and suffix is later called by its own name.
    [
      'Norland Energy Inc cut 300 jobs. Norland shares fell.',
      [
        ['organization', 'Norland Energy Inc'],
        ['organization', 'Norland'],
      ],
    ],
    [
      'Kelvara Therapeutics Inc raised money. Kelvara plans a trial.',
      [
        ['organization', 'Kelvara Therapeutics Inc'],
        ['organization', 'Kelvara'],
      ],
    ],
    // Company heads after an unknown word.
    [
      'Velmora Holding and Brixton Therapeutics agreed terms.',
      [
        ['organization', 'Velmora Holding'],
        ['organization', 'Brixton Therapeutics'],
      ],
    ],
  ] as [string, [string, string][]][])('%s', (text, expected) => {
    expect(entities(text).sort()).toEqual([...expected].sort());
  });
});

describe('cleanEntitySpan', () => {
  it.each([
    ['the CCP’s', 'CCP'],
    ['Ms. Li Dayong', 'Li Dayong'],
    ['The Epoch Times,', 'Epoch Times'],
    ['(WOIPFG)', 'WOIPFG'],
    ['Dr. Chen', 'Chen'],
  ])('%s -> %s', (text, expected) => {
    const span = cleanEntitySpan(text, { start: 0, end: text.length });
    expect(span === null ? null : text.slice(span.start, span.end)).toBe(expected);
  });
});

describe('longestNonOverlapping', () => {
  it.each([
    [
      [
        { start: 0, end: 7 },
        { start: 0, end: 14 },
      ],
      [{ start: 0, end: 14 }],
    ],
    [
      [
        { start: 0, end: 5, priority: 1 },
        { start: 0, end: 5, priority: 4 },
      ],
      [{ start: 0, end: 5, priority: 4 }],
    ],
    [
      [
        { start: 10, end: 12 },
        { start: 0, end: 3 },
      ],
      [
        { start: 0, end: 3 },
        { start: 10, end: 12 },
      ],
    ],
  ])('keeps the longest, then the surest', (candidates, expected) => {
    expect(longestNonOverlapping(candidates)).toEqual(expected);
  });
});
