/**
 * The subject of a verb, read off the tokens of its sentence. English puts
 * the subject at the start of the verb's clause ("Ms. Li of the Centre
 * said"), so the clause-initial noun phrase is tried first; relative
 * clauses ("officials who said") and coordinated verbs ("thanked him and
 * said") have rules of their own.
 */
import type { Token } from '../text/analysis.ts';
import { cueAt, participleOnMessage, wordForm, type Cue } from './cues.ts';
import {
  commaAfter,
  MAX_ASIDE,
  onlyQuotationMarksAfter,
  parentheticalEndingAt,
  phraseEndingAt,
  phraseOfRange,
  phraseStartingAt,
  placeApposition,
  separated,
  type Phrase,
} from './phrases.ts';

/** Tokens a passage's claims are read from, with the document text their offsets point into. */
export interface TokenContext {
  text: string;
  tokens: readonly Token[];
  /** Index of the first token of each compromise sentence of the passage. */
  sentenceFirst: readonly number[];
}

/** The subject found for a verb, and whether the verb is passive ("were told"), whose subject is not the speaker. */
export interface Subject {
  phrase: Phrase | null;
  passive: boolean;
}

const SKIPPED_BEFORE_VERB = ['Adverb', 'Auxiliary', 'Modal', 'Negative', 'Copula'];
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const RELATIVE: ReadonlySet<string> = new Set(['who', 'which', 'that']);
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'but', 'or', 'then']);
/** Conjunctions that open a subordinate clause and may also open a subject's clause ("because officials said"). */
const SUBORDINATING = ['because', 'while', 'as', 'when', 'although', 'though', 'since', 'if', 'whereas'];
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['and', 'but', 'or', 'so', 'yet', 'however', ...SUBORDINATING]);
/** How far back a subject is looked for, in tokens. */
const MAX_SUBJECT_DISTANCE = 40;

/** The first token of the sentence that `index` is in. */
export function sentenceStart(context: TokenContext, index: number): number {
  const token = context.tokens[index];
  return token === undefined ? index : (context.sentenceFirst[token.sentence] ?? 0);
}

/** A verb that heads a clause: not an auxiliary, gerund, infinitive or participle. */
export function isVerb(token: Token): boolean {
  return token.tags.has('Verb') && !token.tags.has('Auxiliary') && !token.tags.has('Gerund') && !token.tags.has('Infinitive') && !token.tags.has('Participle');
}

/**
 * The subject of the verb at `verb`: the clause-initial noun phrase when
 * nothing but its modifiers stands between it and the verb, the antecedent
 * of a relative pronoun, or the subject of the verb it is coordinated with.
 */
export function subjectOf(context: TokenContext, verb: number, depth = 0): Subject {
  const { tokens, text } = context;
  const floor = Math.max(sentenceStart(context, verb), verb - MAX_SUBJECT_DISTANCE);
  let before = verb - 1;
  let passive = (tokens[verb] as Token).tags.has('Passive');
  while (
    before >= floor &&
    !separated(tokens, before) &&
    SKIPPED_BEFORE_VERB.some((tag) => (tokens[before] as Token).tags.has(tag)) &&
    !(tokens[before] as Token).tags.has('Pronoun')
  ) {
    // "was told" is passive; "is insisting" is not.
    if (BE_FORMS.has(wordForm((tokens[before] as Token).text)) && !/ing$/u.test((tokens[verb] as Token).text)) passive = true;
    before--;
  }
  if (before < floor) return { phrase: null, passive };
  // "Gov. Pat McCrory (R) said": a party label between the subject and its verb.
  const label = parentheticalEndingAt(tokens, before);
  if (label > floor) return { phrase: clauseSubject(context, label - 1, floor), passive };
  if (separated(tokens, before)) return appositiveSubject(context, before, floor, passive);
  const word = wordForm((tokens[before] as Token).text);
  // "eight officials who said": the relative pronoun stands for the phrase right before it, without its modifiers.
  if (RELATIVE.has(word)) return { phrase: before - 1 >= floor ? phraseEndingAt(tokens, before - 1, floor, text, false) : null, passive };
  if (COORDINATORS.has(word)) return depth > 0 ? { phrase: null, passive } : coordinatedSubject(context, before, floor, passive);
  // "went on to say", "wanted to tell them": an infinitive's subject is the subject of the verb it completes.
  if (word === 'to') {
    const governing = governingVerb(tokens, before - 1, floor);
    if (governing !== -1) return { phrase: subjectOf(context, governing, depth).phrase, passive };
  }
  return { phrase: clauseSubject(context, before, floor), passive };
}

/** The verb an infinitive completes, ending at `last` (past its particle: "went on to"), or -1. */
function governingVerb(tokens: readonly Token[], last: number, floor: number): number {
  let at = last;
  if (at >= floor && (tokens[at] as Token).tags.has('Particle')) at--;
  return at >= floor && !separated(tokens, at) && isFiniteVerb(tokens[at] as Token) ? at : -1;
}

/** The noun phrase that opens the clause ending at `before`, or the one right before `before`. */
function clauseSubject(context: TokenContext, before: number, floor: number): Phrase | null {
  const { tokens, text } = context;
  let clauseStart = before;
  // A title in quotation marks stays in the phrase it names: "A report titled “Promises Without Price Tags”".
  while (
    clauseStart - 1 >= floor &&
    (!separated(tokens, clauseStart - 1) || placeApposition(tokens, clauseStart - 1) || onlyQuotationMarksAfter(tokens, clauseStart - 1))
  )
    clauseStart--;
  while (clauseStart < before && CLAUSE_OPENERS.has(wordForm((tokens[clauseStart] as Token).text))) clauseStart++;
  const initial = phraseStartingAt(tokens, clauseStart, before, text);
  if (
    initial !== null &&
    !tokens
      .slice(initial.last + 1, before + 1)
      .some(
        (token, offset) =>
          isVerb(token) &&
          !reducedRelative(tokens, initial.last + 1 + offset, initial.last) &&
          !followsRelative(tokens, initial.last + 1 + offset, initial.last),
      )
  ) {
    return initial;
  }
  return phraseEndingAt(tokens, before, clauseStart, text) ?? capitalisedWordAlone(context, clauseStart, before);
}

/** Tags of words that are never a subject by themselves, whatever their capital. */
const NEVER_A_SUBJECT = ['Pronoun', 'Determiner', 'Adverb', 'Conjunction', 'Preposition', 'QuestionWord', 'Auxiliary', 'Modal', 'Copula', 'Negative'];

/**
 * "Djokovic told a TV interviewer that …": a lone capitalised word that
 * opens the clause right before its verb is the subject's name, though the
 * tagger read it as an adjective or a verb (nothing else can be the subject
 * there).
 */
function capitalisedWordAlone(context: TokenContext, clauseStart: number, before: number): Phrase | null {
  const token = context.tokens[before] as Token;
  if (clauseStart !== before || !/^\p{Lu}\p{Ll}/u.test(token.text) || NEVER_A_SUBJECT.some((tag) => token.tags.has(tag))) return null;
  return phraseOfRange(context.tokens, before, before, context.text);
}

/**
 * "Janet Yellen, speaking in Brussels, warned" and "The company's chief,
 * Mark Lee, said": the subject stands before an aside set off by commas;
 * when the aside is the name of a description, the name is the speaker.
 */
function appositiveSubject(context: TokenContext, asideLast: number, floor: number, passive: boolean): Subject {
  const { tokens, text } = context;
  if (!commaAfter(tokens, asideLast)) return { phrase: null, passive };
  for (let comma = asideLast - 1; comma >= Math.max(floor, asideLast - MAX_ASIDE); comma--) {
    if (!separated(tokens, comma) || placeApposition(tokens, comma)) continue;
    // "Sen. Claire McCaskill (D-Mo.), who …, said": the subject stands before its party label.
    const label = parentheticalEndingAt(tokens, comma);
    if (!commaAfter(tokens, comma) && !(label !== -1 && (tokens[comma] as Token).post.trimEnd().endsWith(','))) return { phrase: null, passive };
    const aside = phraseStartingAt(tokens, comma + 1, asideLast, text);
    const main = clauseSubject(context, label > floor ? label - 1 : comma, floor) ?? relativeAntecedentName(context, comma, floor);
    if (aside !== null && aside.last === asideLast && aside.kind === 'name' && main?.kind !== 'name') return { phrase: aside, passive };
    return { phrase: main, passive };
  }
  return { phrase: null, passive };
}

/**
 * "Stokes, who bowled first, insisted": before ", who" stands a person, so
 * capitalised words there are a name even when the tagger read them
 * otherwise (surnames such as Stokes, Banks or Hunt look like verbs).
 */
function relativeAntecedentName(context: TokenContext, comma: number, floor: number): Phrase | null {
  const { tokens, text } = context;
  if (wordForm(tokens[comma + 1]?.text ?? '') !== 'who') return null;
  let first = comma;
  while (first - 1 >= floor && comma - first < MAX_NAME_WORDS && !separated(tokens, first - 1)) first--;
  for (let index = first; index <= comma; index++) if (!/^\p{Lu}/u.test((tokens[index] as Token).text)) return null;
  return phraseOfRange(tokens, first, comma, text);
}

/** Longest name read off by capitalisation alone, in tokens. */
const MAX_NAME_WORDS = 4;

/** "A report published on Monday indicated": a past participle right after the subject modifies it. */
function reducedRelative(tokens: readonly Token[], index: number, phraseLast: number): boolean {
  return index === phraseLast + 1 && /ed$|en$/u.test((tokens[index] as Token).text);
}

/** Whether a relative pronoun stands between `after` and `index` (the verb belongs to a relative clause of the subject). */
function followsRelative(tokens: readonly Token[], index: number, after: number): boolean {
  for (let at = index - 1; at > after; at--) if (RELATIVE.has(wordForm((tokens[at] as Token).text))) return true;
  return false;
}

/**
 * "The official remarked that … and noted that …": the subject of the
 * earlier cue, else of the earlier verb. Whether the verb is passive is its
 * own: "was joined on stage by Franken and joked" has an active "joked".
 */
function coordinatedSubject(context: TokenContext, conjunction: number, floor: number, passive: boolean): Subject {
  let earlierVerb = -1;
  for (let index = conjunction - 1; index >= floor; index--) {
    if (cueAt(context.tokens, index, context.text) !== null) return { phrase: subjectOf(context, index, 1).phrase, passive };
    if (earlierVerb === -1 && isVerb(context.tokens[index] as Token)) earlierVerb = index;
  }
  return { phrase: earlierVerb === -1 ? null : subjectOf(context, earlierVerb, 1).phrase, passive };
}

/** A verb that can head a clause, not the particle of a phrasal verb ("shot back", "came out"). */
function isFiniteVerb(token: Token): boolean {
  return token.tags.has('Verb') && !token.tags.has('Gerund') && !token.tags.has('Infinitive') && !token.tags.has('Auxiliary') && !token.tags.has('Particle');
}

/** Words that open a subordinate clause: its verb is not the one a later participle hangs on. */
const SUBORDINATORS: ReadonlySet<string> = new Set([...SUBORDINATING, 'after', 'before', 'until', 'once']);

/** Words that attach a participle clause to the sentence's subject: ", saying …", "before asking her, …", "while chanting …", "upon saying". */
const PARTICIPLE_LINKS: ReadonlySet<string> = new Set(['before', 'after', 'while', 'when', 'by', 'without', 'since', 'upon']);

/**
 * Whether a gerund cue heads a participle clause, whose subject is the
 * sentence's ("…, saying", "before asking her", "issued a statement Monday
 * saying"); a participle that modifies another noun ("a group announcing
 * the pick") attributes nothing.
 */
export function participleClause(tokens: readonly Token[], cue: Cue): boolean {
  if (!cue.gerund) return false;
  return commaAfter(tokens, cue.index - 1) || PARTICIPLE_LINKS.has(wordForm(tokens[cue.index - 1]?.text ?? '')) || participleOnMessage(tokens, cue.index);
}

/** ", adding that …" and ", telling Sky News: …": a participle takes the subject of the finite verb before it in its sentence. */
export function participleSubject(context: TokenContext, participle: number): Phrase | null {
  const start = sentenceStart(context, participle);
  for (let index = participle - 1; index >= start; index--) {
    if (!isFiniteVerb(context.tokens[index] as Token)) continue;
    const subject = subjectOf(context, index).phrase;
    // "Bradley apologized after they came out, saying …": the participle hangs on the main clause, not on the subordinate
    // one; and after a preposition ("winking at Jewish stereotypes, telling …") the tagger's verb is a noun.
    const opener = subject === null ? undefined : context.tokens[subject.first - 1];
    if (
      subject !== null &&
      opener !== undefined &&
      subject.first - 1 >= start &&
      (SUBORDINATORS.has(wordForm(opener.text)) || opener.tags.has('Preposition'))
    ) {
      index = subject.first - 1;
      continue;
    }
    return subject;
  }
  return null;
}
