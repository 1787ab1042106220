/**
 * Noun phrases read off the compromise tokens: who a cue's subject is, and
 * what a speaker is called. A phrase is a run of determiners, adjectives,
 * numbers and nouns, optionally extended by prepositional modifiers ("an
 * official in Beijing", "Ms. Li of the Global Service Centre") and by place
 * appositions ("Jiaozuo City, Henan Province"). Walks are bounded so a long
 * paragraph costs linear time.
 */
import type { Span } from '../document.ts';
import type { Token } from '../text/analysis.ts';
import { isHonorific as isHonorificWord } from '../text/honorifics.ts';
import { CUE_WORDS, wordForm } from './cues.ts';

/** What a phrase refers with. */
export type PhraseKind = 'name' | 'pronoun' | 'description';

/** A noun phrase found in the tokens. */
export interface Phrase extends Span {
  /** Index of the first and last token of the whole phrase. */
  first: number;
  last: number;
  kind: PhraseKind;
  /** How the phrase names its referent: the name without honorific, the pronoun, or the description as written. */
  text: string;
  /** Lower-cased head word ("official" of "an official in Beijing"; the last name word of a name). */
  head: string;
  plural: boolean;
  /** The first token is a definite determiner ("the officer", "this policeman"): it refers back. */
  definite: boolean;
  /** Honorific before a name, lower-cased without its period ("ms"), or null. */
  honorific: string | null;
}

const SPEAKER_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'i', 'we']);
const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(['they', 'we']);
const DEFINITE: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those']);
const DETERMINERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'one',
  'some',
  'several',
  'many',
  'most',
  'all',
  'both',
  'each',
  'another',
  'other',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'no',
  'few',
  'every',
  'any',
]);
/** Prepositions that attach a modifier to a speaker ("a spokesman for the ministry", "residents of Gaza"). */
const MODIFIER_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'from', 'at', 'for', 'with', 'on']);
const NOT_NOMINAL_TAGS = ['Pronoun', 'Date', 'Month', 'WeekDay', 'Conjunction', 'Preposition', 'Verb', 'Adverb', 'QuestionWord'];
const NOMINAL_TAGS = ['Noun', 'ProperNoun', 'Adjective', 'Value', 'Possessive', 'Honorific'];
const WORDS_NEVER_IN_A_SPEAKER: ReadonlySet<string> = new Set(['who', 'which', 'that', 'what', 'whom', 'whose', 'there', 'here', 'also', 'then']);
/** The longest phrase looked at, in tokens: a speaker is rarely longer, and it bounds the walks. */
const MAX_PHRASE_TOKENS = 24;

const PUNCTUATION = /[^\s]/u;

/** Whether anything but spaces separates two adjacent tokens; an honorific's or an initial's period does not. */
export function separated(tokens: readonly Token[], left: number): boolean {
  const token = tokens[left];
  const next = tokens[left + 1];
  if (token === undefined || next === undefined) return true;
  const between = token.post + next.pre;
  // compromise splits hyphenated words ("Chinese-language"); the hyphen joins them.
  if (!PUNCTUATION.test(between) || between === '-') return false;
  // A plural possessive's apostrophe joins it to its noun ("Drivers' groups").
  if (/^['’]\s*$/u.test(between) && token.tags.has('Possessive')) return false;
  return !(between.trim() === '.' && (isHonorific(token) || /^\p{Lu}$/u.test(token.text)));
}

/**
 * Whether a comma separates token `left` from the next one. Quotation marks
 * beside it do not count: American style puts the comma inside them
 * (a report titled "Promises," published …).
 */
export function commaAfter(tokens: readonly Token[], left: number): boolean {
  const token = tokens[left];
  return token !== undefined && (token.post + (tokens[left + 1]?.pre ?? '')).replace(QUOTATION_MARKS, '').trim() === ',';
}

/** Whether only quotation marks (and spaces) separate token `left` from the next one: "said the measure “spends too much”". */
export function onlyQuotationMarksAfter(tokens: readonly Token[], left: number): boolean {
  const token = tokens[left];
  const next = tokens[left + 1];
  return token !== undefined && next !== undefined && /^\s*[“”"‘’']+\s*$/u.test(token.post + next.pre);
}

/** Longest parenthetical label after a name, in tokens ("(R-Utah)", "(D-N.C.)", "(R)"). */
const MAX_PARENTHETICAL_TOKENS = 4;

/**
 * Longest aside set off by commas between a subject or speaker and its verb,
 * in tokens: an apposition or a relative clause ("Christie, who has
 * campaigned heavily for GOP nominee Donald Trump since he suspended his own
 * presidential campaign in February, blasted").
 */
export const MAX_ASIDE = 24;

/**
 * A short parenthetical label that ends at token `last` and follows a word
 * directly ("Jason Chaffetz (R-Utah) said"): the index of its first token,
 * or -1. The label qualifies the phrase before it, so a subject or speaker
 * is read as if it were not there.
 */
export function parentheticalEndingAt(tokens: readonly Token[], last: number): number {
  // A comma may follow it: "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said".
  if (!(tokens[last]?.post ?? '').replace(/[\s,]+$/u, '').endsWith(')')) return -1;
  for (let first = last; first >= Math.max(1, last - MAX_PARENTHETICAL_TOKENS + 1); first--) {
    if ((tokens[first] as Token).pre.includes('(')) return (tokens[first - 1] as Token).post.trim() === '' ? first : -1;
    if (first < last && /[()]/u.test((tokens[first] as Token).post)) return -1;
  }
  return -1;
}

/** The last token of a short parenthetical label right after token `left` ("Chaffetz (R-Utah)"), or -1. */
export function parentheticalAfter(tokens: readonly Token[], left: number): number {
  const open = tokens[left + 1];
  if (open === undefined || !open.pre.includes('(') || (tokens[left] as Token).post.trim() !== '') return -1;
  for (let last = left + 1; last < Math.min(tokens.length, left + 1 + MAX_PARENTHETICAL_TOKENS); last++) {
    if ((tokens[last] as Token).post.includes(')')) return last;
    if (last > left + 1 && (tokens[last] as Token).pre.includes('(')) return -1;
  }
  return -1;
}

/** Every quotation mark, for removing them (global: use with replace only). */
const QUOTATION_MARKS = /[“”"‘’']/gu;

function isHonorific(token: Token): boolean {
  return token.tags.has('Honorific') || isHonorificWord(wordForm(token.text));
}

function isDeterminer(token: Token): boolean {
  return DETERMINERS.has(token.text.toLowerCase());
}

/** A word that can sit inside a noun phrase before its head: adjective, number, noun, name. */
function isNominal(token: Token): boolean {
  if (token.text === '' || WORDS_NEVER_IN_A_SPEAKER.has(token.text.toLowerCase()) || isDeterminer(token)) return false;
  if (NOT_NOMINAL_TAGS.some((tag) => token.tags.has(tag)) && !token.tags.has('ProperNoun') && !token.tags.has('Gerund')) return false;
  return NOMINAL_TAGS.some((tag) => token.tags.has(tag)) || token.text.includes('-');
}

/** A word that can end a noun phrase: a noun or a name (not an adjective). */
function isHead(token: Token): boolean {
  return isNominal(token) && (token.tags.has('Noun') || token.tags.has('ProperNoun') || (token.tags.has('Value') && !token.tags.has('Ordinal')));
}

/**
 * compromise tags some nouns by their other reading ("an official" as an
 * adjective, "of arrests" as a verb). A word is read as the head noun when
 * the grammar leaves no other reading: an adjective right after a
 * determiner and before a word that cannot continue the phrase, or a
 * present-tense form right after a preposition.
 */
function isHeadInContext(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  if (isHead(token)) return true;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  const nextContinues = next !== undefined && !separated(tokens, index) && isNominal(next);
  if (previous === undefined || separated(tokens, index - 1)) {
    // A capitalised headline noun before its modifier: "Official in Beijing: …".
    return token.tags.has('Adjective') && /^\p{Lu}/u.test(token.text) && next !== undefined && MODIFIER_PREPOSITIONS.has(next.text.toLowerCase());
  }
  if (token.tags.has('Adjective') && !token.tags.has('Comparative') && !token.tags.has('Superlative') && !nextContinues) {
    return isDeterminer(previous) || (isNominal(previous) && previous.tags.has('Adjective')) || dateModifier(tokens, index - 1);
  }
  return token.tags.has('PresentTense') && /s$/u.test(token.text) && previous.tags.has('Preposition') && !nextContinues;
}

/** Whether a token can sit in a phrase, counting the contextual head readings and participles used as adjectives ("the flooded town"). */
function fitsPhrase(tokens: readonly Token[], index: number): boolean {
  return isNominal(tokens[index] as Token) || isHeadInContext(tokens, index) || participleModifier(tokens, index) || dateModifier(tokens, index);
}

/** A day or month between a determiner and a noun modifies the noun: "a Wednesday editorial", "his June speech". */
function dateModifier(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  return (
    (token.tags.has('WeekDay') || token.tags.has('Month')) &&
    previous !== undefined &&
    (isDeterminer(previous) || previous.tags.has('Possessive')) &&
    !separated(tokens, index - 1) &&
    next !== undefined &&
    !separated(tokens, index) &&
    (next.tags.has('Noun') || next.tags.has('Adjective')) &&
    !next.tags.has('Date')
  );
}

function participleModifier(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  return (
    token.tags.has('PastTense') &&
    previous !== undefined &&
    isDeterminer(previous) &&
    !separated(tokens, index - 1) &&
    next !== undefined &&
    !separated(tokens, index) &&
    isHead(next)
  );
}

/**
 * The tokens `first`..`last` read as one phrase, for a speaker the
 * punctuation delimits ("according to police, …") when the tags do not.
 */
export function phraseOfRange(tokens: readonly Token[], first: number, last: number, text: string): Phrase {
  return makePhrase(tokens, first, last, [first, last], text);
}

/** Titles written before a name, which are not part of it ("Mayor Anne Hidalgo"). */
const TITLES: ReadonlySet<string> = new Set([
  'mayor',
  'president',
  'minister',
  'premier',
  'chancellor',
  'governor',
  'senator',
  'sen',
  'representative',
  'rep',
  'general',
  'gen',
  'judge',
  'justice',
  'chairman',
  'chairwoman',
  'chair',
  'secretary',
  'director',
  'chief',
  'commissioner',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'professor',
  'pastor',
  'reverend',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'detective',
  'sergeant',
  'sgt',
  'captain',
  'capt',
  'colonel',
  'col',
  'lieutenant',
  'lt',
  'coach',
  'officer',
  'inspector',
  'superintendent',
  'councillor',
  'councilman',
  'councilwoman',
  // Job titles written capitalised before a name ("Chief Executive Sarah Whitcombe", "National Security Adviser James Corrigan").
  'executive',
  'adviser',
  'advisor',
  'manager',
  'editor',
  'analyst',
  'economist',
  'founder',
  'boss',
  'deputy',
  'vice',
  'head',
  'leader',
  'attorney',
  'counsel',
  'administrator',
  'commander',
  'sheriff',
  'bishop',
  'archbishop',
  'cardinal',
  'rabbi',
  'imam',
  'dean',
  'principal',
  'treasurer',
  'envoy',
  'admiral',
  'marshal',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'chairperson',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
]);

/** A word of a personal name: tagged Person, or a proper noun that is not a place or an organization. */
export function isNameWord(token: Token): boolean {
  if (TITLES.has(wordForm(token.text))) return false;
  // A headline's capitalised verb is no part of the name before it: "Lindsey Graham Says Trump …".
  if (/s$/u.test(token.text) && CUE_WORDS.has(token.text.toLowerCase()) && !token.tags.has('Place')) return false;
  if (token.tags.has('Person') && !isHonorific(token)) return true;
  return (
    token.tags.has('ProperNoun') &&
    !token.tags.has('Place') &&
    !token.tags.has('Organization') &&
    !token.tags.has('Acronym') &&
    /^\p{Lu}/u.test(token.text) &&
    !isHonorific(token)
  );
}

/** Token range of the simplest noun phrase ending at `last` (determiner, modifiers, head), or null. */
function simplePhraseEndingAt(tokens: readonly Token[], last: number, floor: number): [number, number] | null {
  if (tokens[last] === undefined || !isHeadInContext(tokens, last)) return null;
  let first = last;
  while (first - 1 >= floor && last - first < MAX_PHRASE_TOKENS && !separated(tokens, first - 1)) {
    const previous = tokens[first - 1] as Token;
    if (isDeterminer(previous)) {
      first--;
      break;
    }
    if (!isNominal(previous)) break;
    first--;
  }
  return [first, last];
}

/** Token range of the simplest noun phrase starting at `first`, or null. */
function simplePhraseStartingAt(tokens: readonly Token[], first: number, ceiling: number): [number, number] | null {
  let index = first;
  if (tokens[index] !== undefined && isDeterminer(tokens[index] as Token)) {
    if (separated(tokens, index)) return null;
    index++;
  }
  let last = -1;
  while (index <= ceiling && index - first < MAX_PHRASE_TOKENS && tokens[index] !== undefined) {
    if (!fitsPhrase(tokens, index)) break;
    if (isHeadInContext(tokens, index)) last = index;
    if (separated(tokens, index)) break;
    index++;
  }
  return last === -1 ? null : [first, last];
}

/** Whether a comma after token `left` joins two places ("Jiaozuo City, Henan Province"), or two parts of a date. */
export function placeApposition(tokens: readonly Token[], left: number): boolean {
  const token = tokens[left] as Token;
  const next = tokens[left + 1] as Token;
  if ((token.post + next.pre).trim() !== ',') return false;
  return (token.tags.has('Place') && next.tags.has('Place')) || (token.tags.has('Date') && next.tags.has('Date'));
}

/**
 * The noun phrase that ends at token `last`, extended leftwards over
 * prepositional modifiers and place appositions (unless `extend` is
 * false), never before `floor`.
 */
export function phraseEndingAt(tokens: readonly Token[], last: number, floor: number, text: string, extend = true): Phrase | null {
  const pronoun = pronounPhrase(tokens, last, text);
  if (pronoun !== null) return pronoun;
  const simple = simplePhraseEndingAt(tokens, last, floor);
  if (simple === null) return null;
  let [first] = simple;
  let headRange = simple;
  for (let extensions = 0; extend && extensions < 3; extensions++) {
    const joint = first - 1;
    const jointToken = tokens[joint];
    if (jointToken === undefined || joint <= floor) break;
    if (MODIFIER_PREPOSITIONS.has(jointToken.text.toLowerCase()) && !separated(tokens, joint) && !separated(tokens, joint - 1)) {
      const before = simplePhraseEndingAt(tokens, joint - 1, floor);
      if (before === null) break;
      headRange = before;
      first = before[0];
    } else if (separated(tokens, joint) && placeApposition(tokens, joint)) {
      const before = simplePhraseEndingAt(tokens, joint, floor);
      if (before === null) break;
      headRange = before;
      first = before[0];
    } else break;
  }
  return makePhrase(tokens, first, last, headRange, text);
}

/**
 * The noun phrase that starts at token `first`, extended rightwards over
 * prepositional modifiers and place appositions, never past `ceiling`.
 */
export function phraseStartingAt(tokens: readonly Token[], first: number, ceiling: number, text: string): Phrase | null {
  const pronoun = pronounPhrase(tokens, first, text);
  if (pronoun !== null) return pronoun;
  const simple = simplePhraseStartingAt(tokens, first, ceiling);
  if (simple === null) return null;
  let last = simple[1];
  for (let extensions = 0; extensions < 3; extensions++) {
    const joint = last + 1;
    const jointToken = tokens[joint];
    if (jointToken === undefined || joint >= ceiling) break;
    if (MODIFIER_PREPOSITIONS.has(jointToken.text.toLowerCase()) && !separated(tokens, last) && !separated(tokens, joint)) {
      const after = simplePhraseStartingAt(tokens, joint + 1, ceiling);
      if (after === null) break;
      last = after[1];
    } else if (separated(tokens, last) && placeApposition(tokens, last)) {
      const after = simplePhraseStartingAt(tokens, joint, ceiling);
      if (after === null) break;
      last = after[1];
    } else break;
  }
  return makePhrase(tokens, first, last, simple, text);
}

function pronounPhrase(tokens: readonly Token[], index: number, text: string): Phrase | null {
  const token = tokens[index];
  if (token === undefined || !token.tags.has('Pronoun')) return null;
  const word = wordForm(token.text);
  if (!SPEAKER_PRONOUNS.has(word)) return null;
  return {
    start: token.start,
    end: token.start + word.length,
    first: index,
    last: index,
    kind: 'pronoun',
    text: text.slice(token.start, token.start + word.length),
    head: word,
    plural: PLURAL_PRONOUNS.has(word),
    definite: true,
    honorific: null,
  };
}

function makePhrase(tokens: readonly Token[], first: number, last: number, headRange: [number, number], text: string): Phrase {
  const [headFirst, headLast] = headRange;
  const headToken = tokens[headLast] as Token;
  // The name is the run of name words that ends the head phrase ("spokesman Wang Wenbin" -> "Wang Wenbin").
  let nameFirst = headLast + 1;
  while (nameFirst - 1 >= headFirst && isNameWord(tokens[nameFirst - 1] as Token)) nameFirst--;
  const firstToken = tokens[first] as Token;
  const lastToken = tokens[last] as Token;
  const definite = DEFINITE.has(firstToken.text.toLowerCase());
  const plural = headToken.tags.has('Plural');
  if (
    nameFirst <= headLast &&
    (tokens.slice(nameFirst, headLast + 1).some((token) => token.tags.has('Person')) ||
      nameFirst === headFirst ||
      isHonorific(tokens[nameFirst - 1] as Token) ||
      apposedToCommonNoun(tokens[nameFirst - 1] as Token))
  ) {
    const honorificToken = tokens[nameFirst - 1];
    const honorific = honorificToken !== undefined && nameFirst - 1 >= headFirst && isHonorific(honorificToken) ? wordForm(honorificToken.text) : null;
    const nameStart = (tokens[nameFirst] as Token).start;
    const nameEnd = withoutPossessive(text, (tokens[headLast] as Token).end);
    return {
      start: nameStart,
      end: nameEnd,
      first,
      last,
      kind: 'name',
      text: text.slice(nameStart, nameEnd),
      head: wordForm(headToken.text),
      plural: false,
      definite: false,
      honorific,
    };
  }
  const end = withoutPossessive(text, lastToken.end);
  return {
    start: firstToken.start,
    end,
    first,
    last,
    kind: 'description',
    text: text.slice(firstToken.start, end),
    head: wordForm(headToken.text),
    plural,
    definite,
    honorific: null,
  };
}

/**
 * A lower-case common noun right before a name is the name's apposition
 * ("association Interporc", "the carmaker Stellantis"): the name is how the
 * text names the speaker.
 */
function apposedToCommonNoun(token: Token): boolean {
  return /^\p{Ll}/u.test(token.text) && token.tags.has('Noun') && !token.tags.has('Possessive') && !token.tags.has('Pronoun');
}

function withoutPossessive(text: string, end: number): number {
  return /['’]s$/u.test(text.slice(end - 2, end)) ? end - 2 : end;
}

/**
 * Whether a phrase can be a speaker: a person, an organisation, an outlet,
 * a document or a description of one (a country or city standing for its
 * government included), never a fragment of a clause ("for the
 * self-described …", "being") or a number or a date ("56", "Monday").
 */
export function canSpeak(tokens: readonly Token[], phrase: Phrase): boolean {
  if (phrase.kind === 'pronoun') return true;
  const words = tokens.slice(phrase.first, phrase.last + 1);
  const first = words[0];
  if (first === undefined) return false;
  if (first.tags.has('Preposition') || first.tags.has('Gerund') || first.tags.has('Conjunction')) return false;
  if (phrase.kind === 'name') return true;
  // The head is what the description is of: "an official in Beijing" is an official, "56" a number, "Monday" a day.
  // Places stay: a country or a city speaks for its government ("Japan said", "the White House said").
  const head = words.find((word) => wordForm(word.text) === phrase.head);
  return head === undefined || !(head.tags.has('Date') || head.tags.has('Value'));
}
