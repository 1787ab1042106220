import { loadCompromise } from '../text/compromise.ts';
import type { Token } from '../text/analysis.ts';
import type { EntityType } from '../schemas/index.ts';

/** Tags compromise gives names, by the entity type they point to. */
const NAME_TAGS: readonly [string, EntityType][] = [
  ['Person', 'person'],
  ['FirstName', 'person'],
  ['LastName', 'person'],
  ['Place', 'place'],
  ['Country', 'place'],
  ['City', 'place'],
  ['Region', 'place'],
  ['Organization', 'organization'],
];

/** Word classes that never start a name: a capitalised word of these kinds at a sentence start is an ordinary word. */
const CLOSED_CLASS_TAGS = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'QuestionWord',
  'Modal',
  'Copula',
  'Auxiliary',
  'Value',
  'Date',
  'Negative',
  'Expression',
];

/** Lexicon tags that still mean "a name" (compromise files first names, places and companies in its lexicon too). */
const NAME_LEXICON_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'Country',
  'City',
  'Region',
  'Place',
  'Organization',
  'ProperNoun',
  'Acronym',
  'Honorific',
]);

let lexicon: Readonly<Record<string, string | undefined>> | null = null;

/** compromise's word list (word -> tag), read from its model once; no tagging happens here. */
function commonLexicon(): Readonly<Record<string, string | undefined>> {
  lexicon ??= (loadCompromise() as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
  return lexicon;
}

/** The entity type compromise's tags point to for a token, if any. */
export function taggedType(token: Token): EntityType | null {
  for (const [tag, type] of NAME_TAGS) if (token.tags.has(tag)) return type;
  return null;
}

/**
 * Whether a word is an ordinary English word rather than a name: compromise's
 * lexicon files it under a non-name tag ("official", "several", "today"), or
 * the tagger gave it a closed-class tag.
 */
export function isCommonWord(token: Token): boolean {
  if (CLOSED_CLASS_TAGS.some((tag) => token.tags.has(tag))) return true;
  const tag = commonLexicon()[token.normal.replace(/['’]s$/u, '')];
  return tag !== undefined && !NAME_LEXICON_TAGS.has(tag);
}

/** Whether the tagger took the token for a closed-class word (function words, pronouns, verbs "is"/"be"). */
export function isClosedClass(token: Token): boolean {
  return CLOSED_CLASS_TAGS.some((tag) => token.tags.has(tag)) || token.tags.has('Verb');
}
