import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCompromise } from '../../src/text/compromise.ts';
import { compromiseBulkMatch as ownBulkMatch, fastBulkMatch, type BulkMatch } from '../../src/text/sweep.ts';
import { PROPERTY_RUNS } from '../properties/runs.ts';

// compromise's internals are untyped; these are the parts the comparison drives.
interface World {
  hooks: string[];
  methods: {
    one: { bulkMatch: BulkMatch; buildNet(matches: unknown, world: World): Parameters<BulkMatch>[1] };
    two: { quickSplit(docs: unknown): Parameters<BulkMatch>[0] };
  };
  model: { two: { matches: unknown } };
}
const nlp = loadCompromise();
// compromise's own matcher: kept by installFastSweep when the analysis has tagged already, else compromise's current one.
const compromiseBulkMatch = ownBulkMatch();
const world = nlp.world() as unknown as World;
const methods = world.methods as unknown as Parameters<BulkMatch>[2];
const net = postTaggerPatterns();

/**
 * compromise's index of its tag patterns, taken from the post-tagger as it hands it to the bulk matcher. It is not
 * built here from world.model.two.matches: compromise parses those in place when it first tags, and in the unit
 * project, which shares modules between files, another file may have tagged text before this one.
 */
function postTaggerPatterns(): Parameters<BulkMatch>[1] {
  let patterns: Parameters<BulkMatch>[1] | null = null;
  const defaults = world.hooks;
  world.hooks = defaults.slice(0, defaults.indexOf('postTagger') + 1);
  world.methods.one.bulkMatch = (document, given, all, options) => {
    patterns = given;
    return fastBulkMatch(document, given, all, options);
  };
  try {
    nlp('The police said it.');
  } finally {
    world.hooks = defaults;
    world.methods.one.bulkMatch = fastBulkMatch;
  }
  if (patterns === null) throw new Error("compromise's post-tagger did not run the bulk matcher");
  return patterns;
}

afterEach(() => {
  world.methods.one.bulkMatch = fastBulkMatch;
});

/** Every term's tags after tagging with the given bulk matcher. */
function tagsWith(bulkMatch: BulkMatch, text: string): string[][] {
  world.methods.one.bulkMatch = bulkMatch;
  return (nlp(text).docs as { text: string; tags: Set<string> }[][]).flat().map((term) => [term.text, ...term.tags]);
}

/** The clauses the post-tagger sweeps (the text tagged up to it, split at commas), and what a bulk matcher finds in them with compromise's patterns or others: pattern and pointer (clause, start, end; the term ids after them differ between two taggings), in order. */
function foundWith(bulkMatch: BulkMatch, text: string, patterns = net): [string, unknown[]][] {
  const untilPostTagger = world.hooks.slice(0, world.hooks.indexOf('postTagger'));
  const defaults = world.hooks;
  world.hooks = untilPostTagger;
  try {
    const clauses = world.methods.two.quickSplit(nlp(text).docs);
    return bulkMatch(clauses, patterns, methods).map((found) => [found.match, found.pointer.slice(0, 3)]);
  } finally {
    world.hooks = defaults;
  }
}

const RAW = path.resolve(import.meta.dirname, '../../data/raw');
const NEWS = readdirSync(RAW).map((file) => readFileSync(path.join(RAW, file), 'utf8'));

/** Sentences that reach many kinds of patterns: contractions, hyphens, possessives, titles, numbers, questions, passives, quotes, all caps. */
const SENTENCES = [
  "I'm sure they'd've gone if we hadn't stopped them, wasn't it?",
  'The well-known U.S.-based company, which sold 3.5 million shares, said it would cut 1,200 jobs by 2027.',
  "Dr. Jane O'Neil-Smith, 42, was arrested on Tuesday and taken to the police station in Chengdu.",
  '"We will not give up," said the spokesman for the Ministry of Foreign Affairs.',
  'Running quickly, the tired old dog had barely been walking home when the storm hit the coast.',
  "Who's to say what the board's next move will be after last year's losses?",
  'SHARES TUMBLE AS THE INVESTORS WHO HAD BEEN BUYING FLEE',
  'She has been being watched, hasn’t she — and nobody cares.',
  'Prices rose 4% in March, up from 3.2% in February, according to the bureau.',
  'To be or not to be: that is the question the lawyers asked the judge.',
  'He plans to walk, run and swim 20 km a day until the end of the month.',
  'Police said the man, who had been detained twice before, was released on bail.',
];

describe('fastBulkMatch', () => {
  it("is compared with compromise's own matcher, not with itself", () => {
    // compromiseBulkMatch is what compromise had before analysis.ts installed ours; sweep.ts loaded again after that would take ours.
    expect(String(compromiseBulkMatch)).not.toBe(String(fastBulkMatch));
  });

  it.each(SENTENCES.map((sentence) => [sentence]))('finds what compromise finds, in the same order, in %j', (sentence) => {
    const expected = foundWith(compromiseBulkMatch, sentence);
    expect(expected.length).toBeGreaterThan(0);
    expect(foundWith(fastBulkMatch, sentence)).toEqual(expected);
  });

  it('gives every term of the news in data/raw the same tags as compromise', () => {
    for (const text of NEWS) expect(tagsWith(fastBulkMatch, text)).toEqual(tagsWith(compromiseBulkMatch, text));
  });

  it('finds the same matches as compromise in the news in data/raw', () => {
    for (const text of NEWS) expect(foundWith(fastBulkMatch, text)).toEqual(foundWith(compromiseBulkMatch, text));
  });

  // 10,000 sentences, each tagged twice by compromise: about 4 s alone, more than the default 5 s on a busy machine.
  it('finds the same matches as compromise in random sentences', () => {
    const word = fc.constantFrom(
      ...'the a an this that some no every his her their its my our'.split(' '),
      ...'man woman police government minister report company shares people year month day city court judge lawyer'.split(' '),
      ...'said says told was were is are be been being had has have will would could might should do did'.split(' '),
      ...'run runs ran running walk walked arrested released detained plans asked sold rose fell cut give gave'.split(' '),
      ...'very quickly barely not never also still just only well'.split(' '),
      ...'old new tired well-known former big small risky'.split(' '),
      ...'to of in on at by for with from after before until if because and or but who which what'.split(' '),
      ...["I'm", "don't", "they'd", "we'll", "isn't", "it's", "board's", "years'", 'U.S.', 'Dr.', 'Mr.'],
      ...'Li Dayong Chengdu Beijing March Tuesday Reuters BBC Jane Smith'.split(' '),
      ...['3', '3.5', '1,200', '4%', '2027', 'ten', 'twenty', 'first', '$5'],
      ...[',', ',', '—', ':', ';', '"', '(', ')'],
    );
    const sentence = fc.array(word, { minLength: 1, maxLength: 24 }).map((words) => `${words.join(' ')}.`.replace(/ ([,:;)])/g, '$1'));
    fc.assert(
      fc.property(sentence, (text) => {
        expect(foundWith(fastBulkMatch, text)).toEqual(foundWith(compromiseBulkMatch, text));
      }),
      { numRuns: PROPERTY_RUNS },
    );
  }, 30_000);

  it('runs patterns it cannot rule out (a whole contraction then the word after its hidden half, patterns with no hook word) and patterns anchored to the clause from where they can start', () => {
    const patterns = world.methods.one.buildNet(
      [
        { match: "we've gone", tag: 'Verb' },
        { match: "i'm #Adjective", tag: 'Verb' },
        { match: '^. .', tag: 'Noun' },
        { match: 'gone home too$', tag: 'Noun' },
        { match: 'gone (^home|home)', tag: 'Noun' },
      ],
      world,
    );
    const text = "We've gone home, I'm sure, and they'd gone home too.";
    const expected = foundWith(compromiseBulkMatch, text, patterns);
    expect(expected.map(([pattern]) => pattern)).toEqual([
      "we've gone",
      'gone (^home|home)',
      '^. .',
      'gone home too$',
      'gone (^home|home)',
      "i'm #Adjective",
      '^. .',
    ]);
    expect(foundWith(fastBulkMatch, text, patterns)).toEqual(expected);
  });

  it('checks no token past a greedy one at a fixed place: the greedy token may take several terms', () => {
    const patterns = world.methods.one.buildNet([{ match: 'gone #Noun+ too', tag: 'Verb' }], world);
    const text = 'They had gone home town too.';
    const expected = foundWith(compromiseBulkMatch, text, patterns);
    expect(expected).toEqual([['gone #Noun+ too', [0, 2, 6]]]);
    expect(foundWith(fastBulkMatch, text, patterns)).toEqual(expected);
  });

  it('is the bulk matcher compromise uses once analysis.ts is loaded', () => {
    expect(world.methods.one.bulkMatch).toBe(fastBulkMatch);
  });
});
