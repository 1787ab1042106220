import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config.ts';
import { LexiconEntry } from '../schemas/lexicon.ts';
import type { EntityType } from '../schemas/index.ts';
import { nameKey, phraseKeys, tokenKey } from '../text/names.ts';
import { TokenTrie } from './token-trie.ts';

/** The gazetteers shipped with quarry (see data/gazetteers/README.md for their sources). */
export const GAZETTEER_DIRECTORY = fileURLToPath(new URL('../../data/gazetteers/', import.meta.url));

/** What a gazetteer phrase stands for. */
export interface GazetteerEntry {
  type: EntityType;
  /** The canonical name of the entity this phrase names. */
  canonical: string;
  /** The phrase is written in capitals ("WHO", "CCP"): in prose it only matches capitals, so "Who" is not the WHO. */
  acronym: boolean;
  /** The phrase comes from a user's lexicon (`extractEntities.lexicons`): its type wins over any recognizer's. */
  user: boolean;
}

/** The type a head word gives a name ending in it; 'none' marks names that are not entities (events, awards, laws). */
export type HeadType = EntityType | 'none';

/** Everything the entity stages look names up in, loaded once per process. */
export interface Gazetteer {
  /** Names and aliases of known entities, by token keys. */
  phrases: TokenTrie<GazetteerEntry>;
  /** Canonical entry of a name or alias, by nameKey (for linking). */
  canonicalByName: Map<string, GazetteerEntry>;
  /** Head words (token keys) that type the name they end. */
  heads: Map<string, HeadType>;
  givenNames: Set<string>;
  surnames: Set<string>;
  /** Capitalised words that are not entities on their own: demonyms, months, weekdays. */
  notEntities: Set<string>;
}

/** Splits one CSV line into cells (RFC 4180 quoting). */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index] as string;
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      cells.push(cell);
      cell = '';
    } else cell += character;
  }
  cells.push(cell);
  return cells;
}

/**
 * Reads a lexicon: CSV with the header `name,type,aliases` (aliases joined
 * with `;`) or a JSON array of `{name, type, aliases}`. Throws ConfigError
 * naming the file and entry at fault.
 */
export function readLexicon(file: string): LexiconEntry[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read lexicon ${file}: ${(error as Error).message}`);
  }
  const raw: unknown[] = [];
  if (file.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      throw new ConfigError(`lexicon ${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) throw new ConfigError(`lexicon ${file} must be a JSON array of {name, type, aliases}`);
    raw.push(...(parsed as unknown[]));
  } else {
    const lines = content
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const header = parseCsvLine(lines.shift() ?? '').map((cell) => cell.trim().toLowerCase());
    const column = (name: string): number => header.indexOf(name);
    if (column('name') === -1 || column('type') === -1) throw new ConfigError(`lexicon ${file} needs a header row with name,type,aliases`);
    for (const line of lines) {
      const cells = parseCsvLine(line);
      const aliases = column('aliases') === -1 ? '' : (cells[column('aliases')] ?? '');
      raw.push({ name: cells[column('name')], type: cells[column('type')]?.trim(), aliases: aliases.split(';').filter((alias) => alias.trim() !== '') });
    }
  }
  return raw.map((entry, index) => {
    const result = LexiconEntry.safeParse(entry);
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`).join('; ');
      throw new ConfigError(`lexicon ${file}, entry ${index + 1}: ${problems}`);
    }
    return result.data;
  });
}

function readWordList(file: string): Set<string> {
  const words = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return new Set(words.map(tokenKey));
}

/** Builds a gazetteer from lexicon entries (later entries do not override earlier names) and word lists. */
export function buildGazetteer(entries: readonly (LexiconEntry & { user?: boolean })[], lists: Omit<Gazetteer, 'phrases' | 'canonicalByName'>): Gazetteer {
  const phrases = new TokenTrie<GazetteerEntry>();
  const canonicalByName = new Map<string, GazetteerEntry>();
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.aliases]) {
      const value: GazetteerEntry = { type: entry.type, canonical: entry.name, acronym: !/\p{Ll}/u.test(name), user: entry.user === true };
      // A leading "The" is outside the span (SPEC), so "The Epoch Times" is matched as "Epoch Times".
      const keys = phraseKeys(name.replace(/^the\s+/i, ''));
      phrases.insert(keys, value);
      // The tagger splits some hyphenated words ("Sang-ho") and keeps others whole ("T-Mobile"): both forms are names.
      const whole = name
        .replace(/^the\s+/i, '')
        .split(/\s+/u)
        .map(tokenKey)
        .filter((key) => key !== '');
      if (whole.length !== keys.length) phrases.insert(whole, value);
      if (!canonicalByName.has(nameKey(name))) canonicalByName.set(nameKey(name), value);
      if (!canonicalByName.has(keys.join(' '))) canonicalByName.set(keys.join(' '), value);
    }
  }
  return { phrases, canonicalByName, ...lists };
}

const cache = new Map<string, Gazetteer>();

/**
 * The shipped gazetteers plus the user's lexicons (their entries first, so a
 * user can retype or regroup a shipped name). Loaded once per process and
 * list of lexicons.
 */
export function loadGazetteer(userLexicons: readonly string[] = []): Gazetteer {
  const cacheKey = userLexicons.join('\n');
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const shipped = (name: string): string => path.join(GAZETTEER_DIRECTORY, name);
  const entries = [
    ...userLexicons.flatMap((file) => readLexicon(path.resolve(file)).map((entry) => ({ ...entry, user: true }))),
    ...readLexicon(shipped('organizations.csv')),
    ...readLexicon(shipped('places.csv')),
  ];
  const heads = new Map<string, HeadType>();
  for (const line of readFileSync(shipped('heads.csv'), 'utf8').split(/\r?\n/).slice(1)) {
    const [word, type] = parseCsvLine(line);
    if (word && (type === 'person' || type === 'place' || type === 'organization' || type === 'none')) heads.set(tokenKey(word), type);
  }
  const gazetteer = buildGazetteer(entries, {
    heads,
    givenNames: readWordList(shipped('given-names.txt')),
    surnames: readWordList(shipped('surnames.txt')),
    notEntities: readWordList(shipped('not-entities.txt')),
  });
  cache.set(cacheKey, gazetteer);
  return gazetteer;
}
