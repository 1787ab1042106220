/**
 * Reported (indirect) speech, as named rules over the tokens of one
 * sentence outside quotation marks. The claim is the reported clause,
 * without the attribution and without the final punctuation.
 */
import type { Span } from '../document.ts';
import type { Token } from '../text/analysis.ts';
import { cueAt, participleOnMessage, wordForm, type Cue } from './cues.ts';
import { commaAfter, MAX_ASIDE, onlyQuotationMarksAfter, phraseOfRange, phraseStartingAt, separated, type Phrase } from './phrases.ts';
import { participleSubject, subjectOf, type TokenContext } from './subjects.ts';

/** The names of the reported speech rules. */
export type ReportedRule = 'speaker-cue-clause' | 'participle-cue-clause' | 'clause-then-attribution' | 'according-to';

/** Reported speech found in a sentence. */
export interface ReportedSpeech {
  rule: ReportedRule;
  clause: Span;
  speaker: Phrase | null;
  /** The cue as written ("said", "lets them know", "according to"). */
  cue: string;
  passive: boolean;
}

/** Words that end a reported clause when a coordinated cue follows them (“… and noted that …”). */
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'but']);
const RELATIVE_OPENERS: ReadonlySet<string> = new Set(['which', 'who', 'whose', 'where']);
const NARRATIVE_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);
/** How far after a cue its "that" may come ("said in a statement on Monday that"). */
const MAX_THAT_DISTANCE = 6;
const MIN_CLAUSE_TOKENS = 3;

/**
 * Where a reported clause starting at `first` ends (inclusive), within
 * `last`: before a coordinated cue or a trailing attribution. A participle
 * (", claiming they had failed") stays in the clause it follows.
 */
function clauseEnd(context: TokenContext, first: number, last: number): number {
  const { tokens, text } = context;
  for (let index = first + 1; index <= last; index++) {
    const token = tokens[index] as Token;
    // ", and he wished them well": the narrative goes on about the speaker.
    if (COORDINATORS.has(wordForm(token.text)) && commaAfter(tokens, index - 1) && NARRATIVE_PRONOUNS.has(wordForm(tokens[index + 1]?.text ?? '')))
      return index - 1;
    if (COORDINATORS.has(wordForm(token.text))) {
      let next = index + 1;
      while (tokens[next] !== undefined && (tokens[next] as Token).tags.has('Adverb')) next++;
      if (cueAt(tokens, next, text) !== null) return index - 1;
    }
    if (commaAfter(tokens, index - 1)) {
      const speaker = phraseStartingAt(tokens, index, last, text);
      if (speaker !== null && cueAt(tokens, speaker.last + 1, text) !== null) return index - 1;
    }
  }
  return last;
}

function clauseSpan(context: TokenContext, first: number, last: number): Span | null {
  const tokens = context.tokens.slice(first, last + 1);
  if (tokens.length < MIN_CLAUSE_TOKENS || !tokens.some((token) => token.tags.has('Verb'))) return null;
  const start = (tokens[0] as Token).start;
  let end = (tokens.at(-1) as Token).end;
  // A bracket opened inside the clause closes inside it: "(WOIPFG)".
  const opened = context.text.slice(start, end).split('(').length - context.text.slice(start, end).split(')').length;
  if (opened > 0 && context.text[end] === ')') end++;
  // So does a quotation opened inside it (said the measure “spends too much,” but …), unless a full stop ends both: that is final punctuation.
  const marks = context.text.slice(start, end);
  const closing = /^,?[”"’']/u.exec(context.text.slice(end, end + 2));
  if (
    closing !== null &&
    (marks.split('“').length > marks.split('”').length || marks.split('"').length % 2 === 0 || marks.split('‘').length > marks.split('’').length)
  )
    end += closing[0].length;
  return { start, end };
}

/** Where the clause a reporting cue introduces starts: after its addressee and "that", or null when it takes none. */
function complementStart(context: TokenContext, cue: Cue, last: number): number | null {
  const { tokens, text } = context;
  if (separated(tokens, cue.last)) return null;
  let start = cue.last + 1;
  if (cue.sense.addressee && cue.last === cue.index) {
    const addressee = phraseStartingAt(tokens, start, last, text);
    // "told the crowd, her voice drowned out by boos": what a comma sets off after the addressee is no reported clause.
    if (addressee !== null && separated(tokens, addressee.last)) return null;
    if (addressee !== null) start = addressee.last + 1;
  }
  // "said in her opening remarks that": in a phrase of preposition and determiner, a noun the tagger reads as a verb ("remarks") is no verb.
  let inMediumPhrase = false;
  for (let index = start; index <= Math.min(last, start + MAX_THAT_DISTANCE); index++) {
    const token = tokens[index] as Token;
    if (MEDIUM_PREPOSITIONS.has(wordForm(token.text)) && MEDIUM_DETERMINERS.has(wordForm(tokens[index + 1]?.text ?? ''))) inMediumPhrase = true;
    if (wordForm(token.text) === 'that') {
      // "told reporters after the meeting that was held on a boat": a verb right after "that" makes it a relative pronoun.
      const next = tokens[index + 1];
      // Right after the cue, "said that was a mistake" keeps its demonstrative subject.
      const relative = next !== undefined && ['Copula', 'Auxiliary', 'Modal', 'PastTense'].some((tag) => next.tags.has(tag)) && !next.tags.has('Noun');
      return index > start && relative ? null : index + 1;
    }
    if ((isVerbHere(tokens, index) && !inMediumPhrase) || separated(tokens, index)) break;
  }
  const first = tokens[start];
  if (first === undefined || start > last || /[“"‘]/u.test(first.pre)) return null;
  // Without "that" the clause must open with its own subject and verb ("said many people wanted"), not "to" or an object.
  if (opensWithSubjectAndVerb(context, start, last)) return start;
  // "said Tuesday the company would …", "said in a statement the company would …": adjuncts of time and medium may stand
  // between the cue and its clause, in either order.
  for (const skip of [[afterTimeAdjunct], [afterMediumAdjunct, afterTimeAdjunct], [afterTimeAdjunct, afterMediumAdjunct]]) {
    const after = skip.reduce((at, adjunct) => adjunct(tokens, at, last), start);
    if (after > start && opensWithSubjectAndVerb(context, after, last)) return after;
  }
  return null;
}

const MEDIUM_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'during', 'on', 'via']);
const MEDIUM_DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my']);
/** Longest medium phrase read: "in a written statement to shareholders" is as long as it gets. */
const MAX_MEDIUM_WORDS = 5;

/** The index after an adjunct of medium ("in a statement", "at a news conference", "in an interview"), else `index`. */
function afterMediumAdjunct(tokens: readonly Token[], index: number, last: number): number {
  if (
    !MEDIUM_PREPOSITIONS.has(wordForm(tokens[index]?.text ?? '')) ||
    !MEDIUM_DETERMINERS.has(wordForm(tokens[index + 1]?.text ?? '')) ||
    separated(tokens, index)
  )
    return index;
  for (let at = index + 2; at <= Math.min(last - 1, index + 1 + MAX_MEDIUM_WORDS); at++) {
    const token = tokens[at] as Token;
    if (isVerbHere(tokens, at) || !(token.tags.has('Noun') || token.tags.has('Adjective'))) return index;
    // The phrase ends at a noun not followed by another noun of the same phrase.
    if (token.tags.has('Noun') && (separated(tokens, at) || !(tokens[at + 1] as Token).tags.has('Noun') || (tokens[at + 1] as Token).tags.has('Determiner')))
      return at + 1;
  }
  return index;
}

/** Lead words of a quantity that opens a subject ("more than 1,100 operations", "at least 20 people"). */
const QUANTITY_LEADS: readonly (readonly string[])[] = [
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['at', 'least'],
  ['up', 'to'],
  ['as', 'many', 'as'],
  ['as', 'much', 'as'],
  ['nearly'],
  ['almost'],
  ['about'],
  ['around'],
  ['roughly'],
  ['over'],
];

/** The index after a quantity's lead words when a number follows them, else `index`. */
function afterQuantityLead(tokens: readonly Token[], index: number): number {
  for (const lead of QUANTITY_LEADS) {
    if (
      lead.every((word, offset) => wordForm(tokens[index + offset]?.text ?? '') === word && !separated(tokens, index + offset)) &&
      tokens[index + lead.length]?.tags.has('Value') === true
    )
      return index + lead.length;
  }
  return index;
}

/** The index after a time adjunct ("Tuesday", "on Monday", "last week"), else `index`. */
function afterTimeAdjunct(tokens: readonly Token[], index: number, last: number): number {
  let at = index;
  if (wordForm(tokens[at]?.text ?? '') === 'on' && tokens[at + 1]?.tags.has('Date') === true) at++;
  while (at < last && (tokens[at] as Token).tags.has('Date') && !separated(tokens, at)) at++;
  return at === index || (tokens[at - 1] as Token).tags.has('Date') ? at : index;
}

/** Whether the tokens from `start` open a clause: a subject (after adverbs and a quantity's lead) and then its verb. */
function opensWithSubjectAndVerb(context: TokenContext, start: number, last: number): boolean {
  const { tokens, text } = context;
  let subjectStart = afterQuantityLead(tokens, start);
  while (subjectStart < last && (tokens[subjectStart] as Token).tags.has('Adverb') && !separated(tokens, subjectStart)) subjectStart++;
  const subject = phraseStartingAt(tokens, subjectStart, last, text);
  if (subject === null) return false;
  let verb = subject.last + 1;
  // "said the measure “spends too much”": a quotation mark may open the rest of the clause.
  if (separated(tokens, subject.last) && !onlyQuotationMarksAfter(tokens, subject.last)) {
    // "said the fire, which started on Monday, had destroyed …" / "said Daniel Pryce, 52, had shown …": an aside between commas.
    const asideEnd = commaAfter(tokens, subject.last) ? closingComma(tokens, subject.last + 1, last) : null;
    if (asideEnd === null) return false;
    verb = asideEnd + 1;
  }
  while (verb < last && ((tokens[verb] as Token).tags.has('Adverb') || (tokens[verb] as Token).text === '') && !separated(tokens, verb)) verb++;
  return tokens[verb]?.tags.has('Verb') === true;
}

/**
 * The last token of an aside that opens at `first` and closes with a comma:
 * a relative clause ("which started on Monday") or a verbless apposition
 * ("52", "the company's founder"). Null when no comma closes it nearby, or
 * when a verb shows it is a clause of its own ("24 points for Boston, which has won seven straight.").
 */
function closingComma(tokens: readonly Token[], first: number, last: number): number | null {
  const relative = RELATIVE_OPENERS.has(wordForm(tokens[first]?.text ?? ''));
  for (let index = first; index < Math.min(last, first + MAX_ASIDE); index++) {
    if (!relative && isVerbHere(tokens, index)) return null;
    if (commaAfter(tokens, index)) return index;
    if (separated(tokens, index)) return null;
  }
  return null;
}

/** Time words the tagger may read as verbs ("said last year that"). */
const TIME_MODIFIERS: ReadonlySet<string> = new Set(['last', 'next', 'this', 'early', 'late', 'earlier']);

/** Whether the token at `index` is a verb in its place: not a noun after a determiner ("another message") nor a time word. */
function isVerbHere(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  if (!token.tags.has('Verb') || TIME_MODIFIERS.has(wordForm(token.text))) return false;
  return !(tokens[index - 1]?.tags.has('Determiner') === true && !separated(tokens, index - 1));
}

/**
 * Finds reported speech in the sentence spanning tokens `first`..`last`;
 * `quoted` tells whether a token sits inside a quotation (then it is not
 * reported speech but part of a quote).
 */
export function findReportedSpeech(context: TokenContext, first: number, last: number, quoted: (token: Token) => boolean): ReportedSpeech[] {
  const { tokens, text } = context;
  const found: ReportedSpeech[] = [];
  /** End of the reported clauses found so far: a cue before it is inside reported speech. */
  let reportedUntil = -1;
  const record = (speech: ReportedSpeech): void => {
    found.push(speech);
    reportedUntil = Math.max(reportedUntil, speech.clause.end);
  };
  for (let index = first; index <= last; index++) {
    const token = tokens[index] as Token;
    if (quoted(token)) continue;
    if (wordForm(token.text) === 'according' && wordForm(tokens[index + 1]?.text ?? '') === 'to') {
      const according = accordingTo(context, index, first, last);
      if (according !== null) record(according);
      continue;
    }
    const cue = cueAt(tokens, index, text);
    if (cue === null || !cue.sense.reports) continue;
    // A cue inside a clause already reported is part of that speech ("suggested that he explain to his son that …").
    if (!cue.gerund && token.end <= reportedUntil) continue;
    if (cue.gerund) {
      // ", saying …" and "issued a statement saying …"; "before saying …" tells of an act, not of what was said.
      if (!commaAfter(tokens, index - 1) && !participleOnMessage(tokens, index)) continue;
      const start = complementStart(context, cue, last);
      const clause = start === null ? null : clauseSpan(context, start, clauseEnd(context, start, last));
      if (clause !== null) record({ rule: 'participle-cue-clause', clause, speaker: participleSubject(context, index), cue: cue.text, passive: false });
      continue;
    }
    const subject = subjectOf(context, index);
    if (subject.phrase === null && !subject.passive) continue;
    const start = complementStart(context, cue, last);
    if (start !== null) {
      const clause = clauseSpan(context, start, clauseEnd(context, start, last));
      if (clause !== null)
        record({ rule: 'speaker-cue-clause', clause, speaker: subject.passive ? null : subject.phrase, cue: cue.text, passive: subject.passive });
      continue;
    }
    const around = clauseAroundAttribution(context, cue, subject.phrase, first, last, quoted);
    if (around !== null) record({ rule: 'clause-then-attribution', clause: around, speaker: subject.phrase, cue: cue.text, passive: subject.passive });
  }
  return found;
}

/**
 * "Among the 1.4 billion people, few have broken away, the official noted."
 * and "To make things worse, he said, they have been brainwashed.": an
 * attribution set off by commas; the clause is the part after it when there
 * is one, else the part before it.
 */
function clauseAroundAttribution(
  context: TokenContext,
  cue: Cue,
  speaker: Phrase | null,
  first: number,
  last: number,
  quoted: (token: Token) => boolean,
): Span | null {
  const { tokens } = context;
  const attributionFirst = Math.min(speaker?.first ?? cue.index, cue.index);
  const attributionLast = Math.max(speaker?.last ?? cue.last, cue.last);
  if (attributionFirst <= first || !commaAfter(tokens, attributionFirst - 1)) return null;
  if (quoted(tokens[attributionFirst - 1] as Token)) return null;
  if (attributionLast < last) {
    // "this policeman said, “My friend, …”": the attribution introduces a quotation, which is a quote claim.
    if (quoted(tokens[attributionLast + 1] as Token)) return null;
    // "…, it said in a trading update." / "…, officials said on Friday.": an adjunct may end the sentence.
    if (!commaAfter(tokens, attributionLast))
      return endsAttribution(context, cue, attributionLast + 1, last) ? clauseSpan(context, first, attributionFirst - 1) : null;
    // The part after the attribution is the clause ("…, he said, they have been brainwashed") unless it opens with a
    // participle or a preposition, which tell of the speaker ("Sales were great, he said, wiping sweat off his face").
    const opener = tokens[attributionLast + 1] as Token;
    const aboutSpeaker = opener.tags.has('Gerund') || /^\p{Ll}+ing$/u.test(opener.text) || opener.tags.has('Preposition');
    const after = aboutSpeaker ? null : clauseSpan(context, attributionLast + 1, clauseEnd(context, attributionLast + 1, last));
    if (after !== null) return after;
  }
  return clauseSpan(context, first, attributionFirst - 1);
}

/** Whether tokens `first`..`last` can end a trailing attribution: an adjunct, or the cue's addressee and an adjunct ("…, three diplomats told Reuters."). */
function endsAttribution(context: TokenContext, cue: Cue, first: number, last: number): boolean {
  if (!cue.sense.addressee) return endsWithAdjunct(context.tokens, first, last);
  const addressee = phraseStartingAt(context.tokens, first, last, context.text);
  if (addressee === null) return endsWithAdjunct(context.tokens, first, last);
  return addressee.last === last || endsWithAdjunct(context.tokens, addressee.last + 1, last);
}

/** Whether tokens `first`..`last` are an adjunct of place, time or medium: a preposition or a date first, and no verb. */
function endsWithAdjunct(tokens: readonly Token[], first: number, last: number): boolean {
  const opener = tokens[first] as Token;
  if (!opener.tags.has('Preposition') && !opener.tags.has('Date')) return false;
  for (let index = first; index <= last; index++) if ((tokens[index] as Token).tags.has('Verb')) return false;
  return true;
}

/** Longest speaker read off by punctuation alone, in tokens. */
const MAX_DELIMITED_SPEAKER = 8;

/** The words from `first` up to the next comma or the sentence end, when the tags give no phrase ("according to police, …"). */
function delimitedSpeaker(tokens: readonly Token[], first: number, last: number, text: string): Phrase | null {
  for (let index = first; index <= Math.min(last, first + MAX_DELIMITED_SPEAKER); index++) {
    if (separated(tokens, index) || index === last) return phraseOfRange(tokens, first, index, text);
  }
  return null;
}

/** "According to X, …" and "…, according to X." */
function accordingTo(context: TokenContext, according: number, first: number, last: number): ReportedSpeech | null {
  const { tokens, text } = context;
  const speaker = phraseStartingAt(tokens, according + 2, last, text) ?? delimitedSpeaker(tokens, according + 2, last, text);
  if (speaker === null) return null;
  const cue = text.slice((tokens[according] as Token).start, (tokens[according + 1] as Token).end);
  if (according === first && commaAfter(tokens, speaker.last)) {
    const clause = clauseSpan(context, speaker.last + 1, clauseEnd(context, speaker.last + 1, last));
    return clause === null ? null : { rule: 'according-to', clause, speaker, cue, passive: false };
  }
  if (according > first && commaAfter(tokens, according - 1)) {
    const clause = clauseSpan(context, first, according - 1);
    return clause === null ? null : { rule: 'according-to', clause, speaker, cue, passive: false };
  }
  return null;
}
