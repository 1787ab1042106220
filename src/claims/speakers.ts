/**
 * Who a speaker phrase refers to. The discourse keeps the people (and
 * groups and organizations) the text has introduced, in reading order; a
 * pronoun resolves to the nearest compatible one, preferring the subjects of
 * recent sentences, and a definite description ("the official") resolves to
 * the fuller way the text first put it; a name stands as written.
 */
import type { Span } from '../document.ts';
import { honorificGender, type Gender } from '../text/honorifics.ts';
import type { Phrase } from './phrases.ts';

export type { Gender };

/** Someone the text has introduced and may refer back to. */
export interface Referent {
  /** How to name them as a speaker: the fullest name or the first description. */
  text: string;
  span: Span;
  head: string;
  plural: boolean;
  gender: Gender | null;
  kind: 'person' | 'description' | 'organization';
  /** Named by a proper name, not only described ("Unite" rather than "the company"): British usage refers to a named organization as "they". */
  named: boolean;
  /** Reading order of the sentence it was introduced in (passage, then sentence). */
  sentence: number;
  /** It was the subject of its sentence or a speaker (pronouns prefer those). */
  subject: boolean;
}

/** A resolved speaker: the words to give and where they stand in the text (`text` is the text at `span`). */
export interface Speaker {
  text: string;
  span: Span;
}

const FEMALE_WORDS: ReadonlySet<string> = new Set([
  'woman',
  'women',
  'mother',
  'wife',
  'daughter',
  'sister',
  'girl',
  'grandmother',
  'aunt',
  'policewoman',
  'lady',
  'actress',
  'businesswoman',
  'chairwoman',
  'spokeswoman',
  'congresswoman',
  'queen',
  'widow',
  'niece',
  'mum',
  'mom',
  'girlfriend',
  'princess',
  'nun',
]);
const MALE_WORDS: ReadonlySet<string> = new Set([
  'man',
  'men',
  'father',
  'husband',
  'son',
  'brother',
  'boy',
  'grandfather',
  'uncle',
  'policeman',
  'businessman',
  'chairman',
  'spokesman',
  'congressman',
  'king',
  'nephew',
  'boyfriend',
  'dad',
  'prince',
  'monk',
  'widower',
]);

/** Nouns for people that compromise does not tag as actors. */
const PEOPLE_NOUNS: ReadonlySet<string> = new Set([
  'official',
  'officials',
  'officer',
  'officers',
  'spokesperson',
  'spokespeople',
  'student',
  'students',
  'resident',
  'residents',
  'source',
  'sources',
  'people',
  'person',
  'persons',
  'police',
  'president',
  'minister',
  'leader',
  'leaders',
  'director',
  'chief',
  'member',
  'members',
  'expert',
  'experts',
  'analyst',
  'analysts',
  'witness',
  'witnesses',
  'victim',
  'victims',
  'citizen',
  'citizens',
  'activist',
  'activists',
  'lawyer',
  'lawyers',
  'practitioner',
  'practitioners',
  'relative',
  'relatives',
  'friend',
  'friends',
  'neighbor',
  'neighbors',
  'neighbour',
  'neighbours',
  'parent',
  'parents',
  'child',
  'children',
  'authorities',
  'agent',
  'agents',
  'employee',
  'employees',
  'worker',
  'workers',
  'candidate',
  'candidates',
  'representative',
  'representatives',
  'lawmaker',
  'lawmakers',
  'senator',
  'governor',
  'mayor',
  'judge',
  'judges',
  'prosecutor',
  'prosecutors',
  'aide',
  'aides',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'diplomat',
  'diplomats',
  'ambassador',
  'commander',
  'soldier',
  'soldiers',
  'survivor',
  'survivors',
  'researcher',
  'researchers',
  'scientist',
  'scientists',
  'economist',
  'economists',
  'professor',
  'doctor',
  'doctors',
  'nurse',
  'nurses',
  'teacher',
  'teachers',
  'farmer',
  'farmers',
  'owner',
  'owners',
  'founder',
  'executive',
  'executives',
  'secretary',
  'manager',
  'managers',
  'spokesman',
  'spokeswoman',
  'policeman',
  'policemen',
  'policewoman',
  'man',
  'men',
  'woman',
  'women',
  'journalist',
  'journalists',
  'reporter',
  'reporters',
  'head',
]);

/** Nouns for organizations, which "it" and "they" can refer to ("the company … it said"). */
const ORGANIZATION_NOUNS: ReadonlySet<string> = new Set([
  'company',
  'firm',
  'group',
  'government',
  'ministry',
  'department',
  'agency',
  'council',
  'committee',
  'commission',
  'bank',
  'union',
  'party',
  'association',
  'organization',
  'organisation',
  'court',
  'board',
  'authority',
  'office',
  'club',
  'team',
  'university',
  'school',
  'hospital',
  'army',
  'retailer',
  'airline',
  'carmaker',
  'insurer',
  'lender',
  'bureau',
  'institute',
  'foundation',
  'charity',
  'network',
  'broadcaster',
  'newspaper',
  'regulator',
  'watchdog',
  'operator',
  'manufacturer',
  'producer',
  'developer',
  'provider',
  'startup',
  'coalition',
]);

/** Whether a description's head noun names an organization. */
export function namesOrganization(head: string): boolean {
  return ORGANIZATION_NOUNS.has(head);
}

/** Whether a description's head noun names people (so that he, she or they can refer to it). */
export function namesPeople(head: string, actor: boolean): boolean {
  return actor || PEOPLE_NOUNS.has(head) || FEMALE_WORDS.has(head) || MALE_WORDS.has(head);
}

/** The gender a phrase makes plain (a gendered noun or honorific), or null. */
export function genderOf(phrase: Phrase, nameGender: Gender | null): Gender | null {
  const byHonorific = phrase.honorific === null ? null : honorificGender(phrase.honorific);
  if (byHonorific !== null) return byHonorific;
  if (FEMALE_WORDS.has(phrase.head)) return 'female';
  if (MALE_WORDS.has(phrase.head)) return 'male';
  return nameGender;
}

/** How far back a resolution looks, in referents: bounds the work on long documents. */
const LOOKBACK = 200;

function nameWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/u).filter(Boolean);
}

/** The people, groups and organizations introduced so far, in reading order. */
export class Discourse {
  private readonly referents: Referent[] = [];

  /** Records a referent the text has just introduced or mentioned again. */
  add(referent: Referent): void {
    this.referents.push(referent);
  }

  /** Resolves a speaker phrase at `sentence` to the referent it names, or gives the phrase as written. */
  resolve(phrase: Phrase, sentence: number): Speaker | null {
    if (phrase.kind === 'pronoun') return this.resolvePronoun(phrase.head, sentence);
    const own: Speaker = { text: phrase.text, span: { start: phrase.start, end: phrase.end } };
    // A name is given as the text writes it there ("Trump" after "Donald Trump"): the speaker's entity link names the
    // entity in full, and a reader checking the row finds these words at the speaker's span.
    if (phrase.kind === 'name' || !phrase.definite) return own;
    // "the police officer" refers back to "a police officer", not to "a junior officer": every word of it must be there.
    const content = nameWords(phrase.text).slice(1);
    const antecedent = this.recent().find(
      (referent) =>
        referent.kind !== 'person' &&
        referent.head === phrase.head &&
        referent.span.start < phrase.start &&
        content.every((word) => nameWords(referent.text).includes(word)),
    );
    return antecedent === undefined ? own : { text: antecedent.text, span: antecedent.span };
  }

  /** The most recent subject introduced at or after `sentence` (reading order), as a speaker, or null. */
  lastSubjectFrom(sentence: number): Speaker | null {
    const found = this.recent().find((referent) => referent.subject && referent.sentence >= sentence);
    return found === undefined ? null : { text: found.text, span: found.span };
  }

  /** The nearest compatible referent of a pronoun; an unknown gender is learnt from the pronoun resolved to it. */
  private resolvePronoun(pronoun: string, sentence: number): Speaker | null {
    // "I" and "we" outside a quotation are the writer, who is no speaker the text names.
    if (pronoun === 'i' || pronoun === 'we') return null;
    const candidates = this.recent().filter((referent) => referent.sentence <= sentence && compatible(referent, pronoun));
    // Most recent sentence first; within a sentence its subject first.
    candidates.sort(
      (first, second) => second.sentence - first.sentence || Number(second.subject) - Number(first.subject) || second.span.start - first.span.start,
    );
    const chosen = candidates[0];
    if (chosen === undefined) return null;
    if (chosen.gender === null && (pronoun === 'he' || pronoun === 'she')) chosen.gender = pronoun === 'he' ? 'male' : 'female';
    return { text: chosen.text, span: chosen.span };
  }

  private recent(): Referent[] {
    return this.referents.slice(-LOOKBACK).reverse();
  }
}

function compatible(referent: Referent, pronoun: string): boolean {
  switch (pronoun) {
    case 'he':
      return referent.kind !== 'organization' && !referent.plural && referent.gender !== 'female';
    case 'she':
      return referent.kind !== 'organization' && !referent.plural && referent.gender !== 'male';
    case 'they':
      // "They" for "the company" or "a research office" would steal it from the people nearby: only named organizations take it.
      return referent.plural || (referent.kind === 'organization' && referent.named);
    case 'it':
      return referent.kind === 'organization';
    default:
      return false;
  }
}
