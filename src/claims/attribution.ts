/**
 * Who a quotation is attributed to, as named rules tried in order. Each
 * rule reads the tokens around the quotation marks and returns the speaker
 * phrase and the cue verb it found; resolving pronouns and descriptions to
 * their referents is left to the discourse (speakers.ts).
 */
import type { Token } from '../text/analysis.ts';
import { cueAt, fragmentCueAt, wordForm, type Cue, type FragmentCue } from './cues.ts';
import { commaAfter, MAX_ASIDE, parentheticalAfter, phraseEndingAt, phraseOfRange, phraseStartingAt, separated, type Phrase } from './phrases.ts';
import type { Quotation } from './quotes.ts';
import { isVerb, participleClause, participleSubject, sentenceStart, subjectOf, type TokenContext } from './subjects.ts';

/** The names of the attribution rules, as recorded on what they find. */
export type AttributionRule =
  | 'cue-then-speaker-after'
  | 'speaker-then-cue-after'
  | 'according-to-after'
  | 'according-to-before'
  | 'previous-sentence-cue'
  | 'inverted-cue-before'
  | 'speaker-cue-before'
  | 'colon-introduction'
  | 'dashed-name-colon'
  | 'headline-colon'
  | 'dash-speaker-after'
  | 'speaker-words-then-cue-after'
  | 'fragment-cue-before'
  | 'fragment-sentence-attribution-after'
  | 'fragment-sentence-subject'
  | 'fragment-speech-noun'
  | 'transcript-label';

/** What an attribution rule found for a quotation. */
export interface Attribution {
  rule: AttributionRule;
  speaker: Phrase | null;
  cue: Cue | null;
  /** The verb is passive ("was quoted as saying" aside, "were told"): its subject is not the speaker. */
  passive: boolean;
}

/** Adverbs that sit between a speaker and a cue ("he also said", "she later added"). */
const INTERVENING_ADVERBS: ReadonlySet<string> = new Set([
  'also',
  'then',
  'later',
  'further',
  'again',
  'once',
  'previously',
  'earlier',
  'recently',
  'simply',
  'just',
  'only',
  'quickly',
  'finally',
]);
/** How many tokens may separate a cue from the quotation it introduces ("said in a statement on Monday that “…"). */
const MAX_LEAD_GAP = 8;
/** Words that make a naming verb's quotation its object: "what he called “…”". */
const RELATIVE_OBJECTS: ReadonlySet<string> = new Set(['what', 'which', 'whom']);
/** Pronouns that refer to people. */
const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they']);
/** Longest sentence, in tokens, read as the introduction of the quotation after it. */
const MAX_INTRODUCING_SENTENCE = 30;
/** Longest speaker label before a colon read by capitals alone, in words. */
const MAX_LABEL_WORDS = 4;
/** A dash standing alone. */
const DASH = /^[―—–]$/u;
/** Longest headline speaker before a colon, in tokens. */
const MAX_HEADLINE_SPEAKER = 10;

/** Index of the first token that starts at or after `offset`. */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle] as Token).start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function skipAdverbs(tokens: readonly Token[], index: number): number {
  let at = index;
  const isAdverb = (token: Token): boolean => INTERVENING_ADVERBS.has(wordForm(token.text)) || token.tags.has('Adverb');
  while (tokens[at] !== undefined && isAdverb(tokens[at] as Token) && !separated(tokens, at)) at++;
  return at;
}

/** ”, said Mrs. Hong  /  ” said the official  (a comma after the cue is a common slip: said, Mrs. Hong). */
function cueThenSpeakerAfter(context: TokenContext, first: number): Attribution | null {
  const cue = cueAt(context.tokens, first, context.text);
  const cueToken = context.tokens[cue?.last ?? -1];
  // Only a finite verb comes before its subject: in "”, telling Sky News" the participle's object is the addressee.
  if (
    cue === null ||
    cue.gerund ||
    cueToken === undefined ||
    (separated(context.tokens, cue.last) && (cueToken.post + (context.tokens[cue.last + 1]?.pre ?? '')).trim() !== ',')
  )
    return null;
  const speaker = phraseStartingAt(context.tokens, cue.last + 1, cue.last + 1 + MAX_HEADLINE_SPEAKER * 2, context.text);
  return speaker === null ? null : { rule: 'cue-then-speaker-after', speaker, cue, passive: false };
}

/** ”, according to the ministry. */
function accordingToAfter(context: TokenContext, first: number): Attribution | null {
  const { tokens, text } = context;
  const according = tokens[first];
  const to = tokens[first + 1];
  if (according === undefined || to === undefined || wordForm(according.text) !== 'according' || wordForm(to.text) !== 'to') return null;
  const speaker = phraseStartingAt(tokens, first + 2, first + 2 + MAX_HEADLINE_SPEAKER * 2, text);
  const cue: Cue = { index: first, last: first + 1, text: text.slice(according.start, to.end), sense: { reports: true, addressee: false }, gerund: false };
  return speaker === null ? null : { rule: 'according-to-after', speaker, cue, passive: false };
}

/** ”, he said  /  ” the official explained  /  ”, Li, a lawyer, said. */
function speakerThenCueAfter(context: TokenContext, first: number): Attribution | null {
  const { tokens, text } = context;
  const speaker = phraseStartingAt(tokens, first, first + MAX_HEADLINE_SPEAKER * 2, text);
  if (speaker === null) return null;
  let verb = speaker.last + 1;
  // ”, Rep. Jason Chaffetz (R-Utah) said: a party label between the speaker and the cue.
  const label = parentheticalAfter(tokens, speaker.last);
  if (label !== -1) verb = label + 1;
  else if (separated(tokens, speaker.last)) {
    // An apposition between the speaker and the cue: ”, Li Dayong, a spokeswoman, said.
    if ((tokens[speaker.last] as Token).post.trim() !== ',') return null;
    let close = speaker.last + 1;
    while (close < speaker.last + MAX_ASIDE && tokens[close] !== undefined && !separated(tokens, close)) close++;
    if (tokens[close] === undefined || (tokens[close] as Token).post.trim() !== ',') return null;
    verb = close + 1;
  }
  verb = skipAdverbs(tokens, verb);
  // ”, Sotomayor has said: the cue's auxiliary.
  while (tokens[verb] !== undefined && (tokens[verb] as Token).tags.has('Auxiliary') && !separated(tokens, verb)) verb = skipAdverbs(tokens, verb + 1);
  const cue = cueAt(tokens, verb, text);
  return cue === null ? null : { rule: 'speaker-then-cue-after', speaker, cue, passive: false };
}

/** Ms. Li said: “…  /  he explained, “…  /  the ministry said in a statement that “… */
function speakerCueBefore(context: TokenContext, last: number, lead: string): Attribution | null {
  // Without a colon or comma, the quotation must follow the cue or its "that" directly: "read from the “Advisory …”" is a title.
  if (/[.!?]/u.test(lead)) return null;
  const punctuated = /[,:]\s*$/u.test(lead);
  const lastWord = wordForm((context.tokens[last] as Token).text);
  const floor = Math.max(sentenceStart(context, last), last - MAX_LEAD_GAP);
  for (let index = last; index >= floor; index--) {
    const cue = cueAt(context.tokens, index, context.text);
    if (cue === null) continue;
    if (!punctuated && cue.last !== last && lastWord !== 'that') return null;
    // Between the cue and the quotation only its addressee and adjuncts: no second clause.
    const gap = context.tokens.slice(cue.last + 1, last + 1);
    if (gap.some((token) => token.tags.has('Verb'))) return null;
    // ", telling Sky News: ‘…’": a participle after a comma has the subject of the verb before it.
    if (participleClause(context.tokens, cue)) return { rule: 'speaker-cue-before', speaker: participleSubject(context, cue.index), cue, passive: false };
    const subject = subjectOf(context, cue.index);
    return { rule: 'speaker-cue-before', speaker: subject.phrase, cue, passive: subject.passive };
  }
  return null;
}

/**
 * Benita urges these officers to reconsider their actions: “… (the colon
 * makes the whole sentence the introduction). Said Ellis: “…. Without a
 * cue, the sentence's subject introduces what it quotes: "Sen. Claire
 * McCaskill scolded him: “…", "Obama is rolling out a new message: “…".
 */
function colonIntroduction(context: TokenContext, last: number, lead: string): Attribution | null {
  if (!/:\s*$/u.test(lead)) return null;
  const start = sentenceStart(context, last);
  const inverted = cueThenSpeakerAfter(context, start);
  if (inverted !== null && inverted.speaker !== null && inverted.speaker.last === last) return { ...inverted, rule: 'colon-introduction' };
  let firstVerb = -1;
  for (let index = start; index <= last; index++) {
    const cue = cueAt(context.tokens, index, context.text);
    if (firstVerb === -1 && isVerb(context.tokens[index] as Token)) firstVerb = index;
    if (cue === null) continue;
    const subject = subjectOf(context, cue.index);
    return { rule: 'colon-introduction', speaker: subject.phrase, cue, passive: subject.passive };
  }
  if (firstVerb === -1) return null;
  const subject = subjectOf(context, firstVerb);
  return subject.phrase === null || (subject.phrase.kind === 'pronoun' && subject.phrase.head === 'it')
    ? null
    : { rule: 'colon-introduction', speaker: subject.phrase, cue: null, passive: subject.passive };
}

/** Said Comey, “…” / Said Dorothy Poynter, who grew up with Ali, “…”: the cue opens the sentence and its speaker follows. */
function invertedCueBefore(context: TokenContext, last: number, lead: string): Attribution | null {
  if (!/,\s*$/u.test(lead)) return null;
  const attribution = cueThenSpeakerAfter(context, sentenceStart(context, last));
  return attribution !== null && attribution.speaker !== null ? { ...attribution, rule: 'inverted-cue-before' } : null;
}

/** According to Limbaugh, “…”: the source opens the sentence and a comma hands over to the quotation. */
function accordingToBefore(context: TokenContext, last: number, lead: string): Attribution | null {
  if (!/[,:]\s*$/u.test(lead)) return null;
  const start = sentenceStart(context, last);
  const attribution = accordingToAfter(context, start);
  return attribution !== null && attribution.speaker !== null && attribution.speaker.last === last ? { ...attribution, rule: 'according-to-before' } : null;
}

/**
 * Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans
 * are running out of time …” / Clinton touted her credentials as a
 * co-sponsor of the bill. “We need to …”: a quotation that opens a sentence
 * right after a sentence of saying or describing is its subject's.
 */
function previousSentenceCue(context: TokenContext, last: number, lead: string): Attribution | null {
  const { tokens, text } = context;
  if (!/[.!?]\s*$/u.test(lead) && !/[.!?]\s*$/u.test((tokens[last] as Token).post)) return null;
  const start = sentenceStart(context, last);
  if (last - start >= MAX_INTRODUCING_SENTENCE) return null;
  // A sentence that attributes a quotation of its own hands on its speaker by continuity instead.
  if (/[“”"]/u.test(text.slice((tokens[start] as Token).start - 1, (tokens[last] as Token).end + 1))) return null;
  // "Ms. Li said nothing more." introduces no one's words.
  if (tokens.slice(start, last + 1).some((token) => token.tags.has('Negative') || /^(?:nothing|never|no)$/iu.test(token.text))) return null;
  for (let index = start; index <= last; index++) {
    const found = fragmentCueAt(tokens, index, text);
    if (found === null || found.gerund) continue;
    const { naming: _naming, quotesOnly: _quotesOnly, ...cue } = found;
    const subject = subjectOf(context, cue.index);
    return subject.phrase === null || subject.passive ? null : { rule: 'previous-sentence-cue', speaker: subject.phrase, cue, passive: false };
  }
  return null;
}

/** Official in Beijing: “…”  (a headline or a paragraph that opens with the speaker and a colon). */
function headlineColon(context: TokenContext, paragraphFirst: number, last: number, lead: string): Attribution | null {
  if (!/:\s*$/u.test(lead) || last - paragraphFirst >= MAX_HEADLINE_SPEAKER) return null;
  const speaker = phraseStartingAt(context.tokens, paragraphFirst, last, context.text);
  if (speaker !== null && speaker.last === last) return { rule: 'headline-colon', speaker, cue: null, passive: false };
  // A short capitalised label the tagger read otherwise ("Clinton: “…”").
  const label = context.tokens.slice(paragraphFirst, last + 1);
  const capitalised = label.length <= MAX_LABEL_WORDS && label.every((word) => /^\p{Lu}/u.test(word.text) && !word.tags.has('Place'));
  return capitalised ? { rule: 'headline-colon', speaker: phraseOfRange(context.tokens, paragraphFirst, last, context.text), cue: null, passive: false } : null;
}

/**
 * A HEADLINE OF THE ITEM - Jeffrey M. Jones: “…”: a capitalised name between
 * a dash and the colon that introduces the quotation (digests that quote
 * their sources under a headline).
 */
function dashedNameColon(context: TokenContext, last: number): Attribution | null {
  const { tokens, text } = context;
  let first = last;
  while (first > 0 && last - first < MAX_LABEL_WORDS && !separated(tokens, first - 1)) first--;
  const before = tokens[first - 1];
  if (before === undefined || !/\s[-–—]\s*$/u.test(before.post)) return null;
  const label = tokens.slice(first, last + 1);
  if (!label.every((word) => /^\p{Lu}\p{Ll}/u.test(word.text) || /^\p{Lu}\.?$/u.test(word.text))) return null;
  return { rule: 'dashed-name-colon', speaker: phraseOfRange(tokens, first, last, text), cue: null, passive: false };
}

/**
 * Finds the attribution of a quotation from the words right after its
 * closing mark, else right before its opening mark. `paragraphStart` is the
 * document offset where the quotation's paragraph starts.
 */
export function attributeQuotation(context: TokenContext, quotation: Quotation, paragraphStart: number): Attribution | null {
  const { tokens, text } = context;
  const last = tokenAtOrAfter(tokens, quotation.open) - 1;
  const lastToken = tokens[last];
  const lead = lastToken === undefined || lastToken.start < paragraphStart ? null : text.slice(lastToken.end, quotation.open);
  const before = (): Attribution | null => {
    if (lead === null) return null;
    const cueBefore = speakerCueBefore(context, last, lead);
    if (cueBefore?.speaker != null) return cueBefore;
    // "Said Ellis: “…”" and "Sen. McCaskill scolded him: “…”" have no speaker before a cue.
    if (/:\s*$/u.test(lead)) {
      // A label opens the paragraph ("Official in Beijing: “…”") or a sentence inside it ("… the term. Clinton: “…”").
      const paragraphFirst = tokenAtOrAfter(tokens, paragraphStart);
      const sentenceFirst = sentenceStart(context, last);
      return (
        colonIntroduction(context, last, lead) ??
        cueBefore ??
        accordingToBefore(context, last, lead) ??
        headlineColon(context, paragraphFirst, last, lead) ??
        (sentenceFirst === paragraphFirst ? null : headlineColon(context, sentenceFirst, last, lead)) ??
        dashedNameColon(context, last)
      );
    }
    return accordingToBefore(context, last, lead) ?? invertedCueBefore(context, last, lead) ?? cueBefore ?? previousSentenceCue(context, last, lead);
  };
  // A colon announces the quotation: what follows it is the next sentence, not its attribution.
  if (lead !== null && /:\s*$/u.test(lead)) return before();
  return after(context, quotation) ?? before();
}

/** The attribution right after a closing mark. After a full stop it must go on in lower case (“… .” he said), else a new sentence starts. */
function after(context: TokenContext, quotation: Quotation): Attribution | null {
  if (quotation.close === null) return null;
  const { tokens, text } = context;
  const first = tokenAtOrAfter(tokens, quotation.close + 1);
  const firstToken = tokens[first];
  if (firstToken === undefined) return null;
  // The dash is a token of its own (“…” ― Steve Quinlan) or punctuation before the name (“…” —Steve Quinlan).
  if (DASH.test(firstToken.text) && /^\s*$/u.test(text.slice(quotation.close + 1, firstToken.start))) return dashSpeakerAfter(context, first + 1);
  if (/^\s*[―—–]\s*$/u.test(text.slice(quotation.close + 1, firstToken.start))) return dashSpeakerAfter(context, first);
  if (!/^[\s,]*$/u.test(text.slice(quotation.close + 1, firstToken.start))) return null;
  if (/\.\s*$/u.test(text.slice(quotation.start, quotation.end)) && /^\p{Lu}/u.test(firstToken.text) && firstToken.text !== 'I') {
    // “… .” Trump said. A stop where a comma belongs: a sentence of a name and its cue alone is still the attribution
    // (not "The man quickly agreed.", which may answer the quotation).
    const attribution = speakerThenCueAfter(context, first);
    const { speaker, cue } = attribution ?? { speaker: null, cue: null };
    return speaker?.kind === 'name' && cue !== null && cue.index === speaker.last + 1 && endsSentence(tokens, cue.last) ? attribution : null;
  }
  return (
    cueThenSpeakerAfter(context, first) ?? speakerThenCueAfter(context, first) ?? accordingToAfter(context, first) ?? speakerWordsThenCueAfter(context, first)
  );
}

/** Whether token `index` is the last word of its sentence. */
function endsSentence(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1];
  return next === undefined || next.sentence !== (tokens[index] as Token).sentence;
}

/** Tags of words that never stand in a speaker read off by position: they start a clause of their own. */
const NOT_IN_SPEAKER_WORDS = ['Pronoun', 'Conjunction', 'PastTense', 'Copula', 'Modal', 'Auxiliary', 'Adverb'];
/** Pronouns, whatever the tagger read them as ("had it" makes "it" a particle). */
const PRONOUN_FORMS = /^(?:i|you|he|she|it|we|they|me|him|her|us|them)$/iu;
/** Most words between a closing mark and the cue that follows its speaker ("Clinton campaign spokesman Brian Fallon said"). */
const MAX_SPEAKER_WORDS_AFTER = 14;

/**
 * ”, Clinton campaign spokesman Brian Fallon said. / ”, Senate Majority
 * Leader Mitch McConnell, R-Ky., said / ” a narrator in the Clinton ad asks.
 * Right after a quotation, the words up to the next cue verb in the
 * sentence are its speaker even when the tagger misreads some of them
 * ("campaign", "police" as verbs, "asks" as a noun): nothing else can
 * stand between a quotation and the verb that attributes it. A comma
 * inside sets off an apposition, and the speaker is the part before it.
 */
function speakerWordsThenCueAfter(context: TokenContext, first: number): Attribution | null {
  const { tokens, text } = context;
  const sentence = (tokens[first] as Token).sentence;
  if (!/^\p{L}/u.test((tokens[first] as Token).text)) return null;
  for (let index = first + 1; index < Math.min(tokens.length, first + MAX_SPEAKER_WORDS_AFTER); index++) {
    const token = tokens[index] as Token;
    if (token.sentence !== sentence || /[“”"]/u.test(token.pre)) return null;
    const cue = cueAt(tokens, index, text, true);
    if (cue === null || cue.gerund) continue;
    let last = index - 1;
    while (last > first && INTERVENING_ADVERBS.has(wordForm((tokens[last] as Token).text))) last--;
    // A clause of its own stands there (“…,” they become willing to listen and even say): no speaker.
    const words = tokens.slice(first, last + 1);
    // "and" may join two descriptions of one speaker ("the Vermont senator and Democratic presidential candidate").
    const clauseWord = (word: Token): boolean => NOT_IN_SPEAKER_WORDS.some((tag) => word.tags.has(tag)) && wordForm(word.text) !== 'and';
    if (words.some((word) => clauseWord(word) || PRONOUN_FORMS.test(word.text))) return null;
    if (!words.some((word) => word.tags.has('Noun'))) return null;
    let speakerLast = first;
    while (speakerLast < last && !separated(tokens, speakerLast)) speakerLast++;
    if (/[.!?;:]/u.test((tokens[speakerLast] as Token).post) && speakerLast !== last) return null;
    return { rule: 'speaker-words-then-cue-after', speaker: phraseOfRange(tokens, first, speakerLast, text), cue, passive: false };
  }
  return null;
}

/**
 * “…” ― Steve Quinlan: a name after a dash signs the quotation (letters,
 * readers' comments, epigraphs). Only a name, and only when it ends its
 * sentence, so a dash that goes on with the sentence is not read as one.
 */
function dashSpeakerAfter(context: TokenContext, first: number): Attribution | null {
  const { tokens, text } = context;
  const speaker = phraseStartingAt(tokens, first, first + MAX_HEADLINE_SPEAKER, text);
  if (speaker === null || speaker.kind !== 'name') return null;
  const next = tokens[speaker.last + 1];
  const ends =
    next === undefined ||
    next.sentence !== (tokens[speaker.last] as Token).sentence ||
    (/^[\s.,;“”"]*$/u.test((tokens[speaker.last] as Token).post + next.pre) && /[“"]/u.test(next.pre));
  return ends ? { rule: 'dash-speaker-after', speaker, cue: null, passive: false } : null;
}

/**
 * Where an unclosed quotation really ends when the attribution sits inside
 * it (a missing closing mark: “I urge everyone to listen said, Mrs. Hong.).
 * Returns the attribution and the offset it starts at, or null.
 */
export function trailingAttributionInside(context: TokenContext, quotation: Quotation): { attribution: Attribution; start: number } | null {
  const { tokens, text } = context;
  const first = tokenAtOrAfter(tokens, quotation.start);
  const end = tokenAtOrAfter(tokens, quotation.end);
  for (let index = end - 1; index >= Math.max(first + 1, end - MAX_LEAD_GAP); index--) {
    const attribution = cueThenSpeakerAfter(context, index) ?? speakerThenCueAfter(context, index);
    if (attribution === null || attribution.speaker === null) continue;
    const attributionLast = Math.max(attribution.speaker.last, attribution.cue?.last ?? 0);
    const rest = text.slice((tokens[attributionLast] as Token).end, quotation.end);
    if (!/^[\s.,!?]*$/u.test(rest)) continue;
    const start = (tokens[index] as Token).start;
    return { attribution, start };
  }
  return null;
}

/** A quoted fragment's attribution, with what kind of verb its cue is (see FragmentCue). */
export interface FragmentAttribution extends Attribution {
  naming: boolean;
  quotesOnly: boolean;
}

/**
 * Who a quoted fragment inside a sentence is attributed to: the subject of
 * the nearest cue before it in its sentence ("Trump called it “one of the
 * great miscarriages of justice”", "Obama accused Trump of praising Putin to
 * a degree that is “unprecedented”", "a defiant Trump is insisting he is
 * “winning”"), else an attribution that closes the sentence after it (A
 * cashier who “steals a handful of $20s” is held accountable, Warren said.).
 * Words inside other quotations are never cues. Null when the sentence
 * attributes it to no one: a scare quote or a title.
 */
export function attributeFragment(context: TokenContext, quotation: Quotation, quoted: (token: Token) => boolean): FragmentAttribution | null {
  const { tokens } = context;
  const last = tokenAtOrAfter(tokens, quotation.open) - 1;
  if (tokens[last] === undefined) return null;
  const floor = sentenceStart(context, last);
  // Inside the clause of a verb of saying, the fragment is that speaker's ("Trump said that Clinton once described
  // the TPP as “the gold standard”"; "…, saying anybody who complains “is not having a good night”").
  for (let index = floor; index <= last; index++) {
    if (quoted(tokens[index] as Token)) continue;
    const claimed = possessiveSpeechNoun(context, index);
    if (claimed !== null) return claimed;
    const cue = cueAt(tokens, index, context.text);
    // A participle that modifies a noun ("a statement announcing the pick") attributes nothing.
    if (cue?.sense.reports && (!cue.gerund || participleClause(tokens, cue))) {
      return fragmentAttributionOf(context, { ...cue, naming: false, quotesOnly: false });
    }
  }
  for (let index = last; index >= floor; index--) {
    if (quoted(tokens[index] as Token)) continue;
    const cue = fragmentCueAt(tokens, index, context.text);
    if (cue === null) continue;
    // "accused Trump of praising Putin …": a gerund after a preposition is what was said of someone, not who said it.
    if (cue.gerund && tokens[index - 1]?.tags.has('Preposition') === true) continue;
    const attribution = fragmentAttributionOf(context, cue);
    // "a group called “…”" names a thing; "what lawmakers called “fraud”" quotes them.
    if (cue.naming && cue.last === last && !RELATIVE_OBJECTS.has(wordForm(tokens[(attribution.speaker?.first ?? 0) - 1]?.text ?? ''))) return null;
    return attribution;
  }
  return sentenceAttributionAfter(context, quotation, quoted) ?? sentenceSubjectBefore(context, floor, last, quoted);
}

/**
 * "Trump openly admires Putin as a “strong leader”": with no cue in the
 * sentence, a person named (or a personal pronoun) as the subject of the
 * verb before the fragment, in that verb's own clause, is who the words are
 * taken from. Only people: "The Post sent its “national enterprise
 * reporter”" is no one's quote.
 */
function sentenceSubjectBefore(context: TokenContext, floor: number, last: number, quoted: (token: Token) => boolean): FragmentAttribution | null {
  const { tokens } = context;
  for (let index = floor; index <= last; index++) {
    const token = tokens[index] as Token;
    if (quoted(token) || !isVerb(token)) continue;
    // The fragment must sit in that verb's own clause: no comma or dash between them.
    for (let between = index; between < last; between++) if (/[,;:—–―(]/u.test((tokens[between] as Token).post)) return null;
    const subject = subjectOf(context, index);
    const phrase = subject.phrase;
    // A capitalised phrase the tagger did not read as a name ("Trump" opening a sentence) is one unless it is a place.
    const capitalised = (first: number, lastWord: number): boolean =>
      tokens.slice(first, lastWord + 1).every((word) => /^\p{Lu}/u.test(word.text) && !word.tags.has('Place') && !word.tags.has('Organization'));
    const person =
      phrase !== null &&
      (phrase.kind === 'name' || (phrase.kind === 'pronoun' && PERSONAL_PRONOUNS.has(phrase.head)) || capitalised(phrase.first, phrase.last));
    return person ? { rule: 'fragment-sentence-subject', speaker: phrase, cue: null, passive: subject.passive, naming: false, quotesOnly: true } : null;
  }
  return null;
}

function fragmentAttributionOf(context: TokenContext, cue: FragmentCue): FragmentAttribution {
  const { naming, quotesOnly, ...plain } = cue;
  if (participleClause(context.tokens, cue)) {
    return { rule: 'fragment-cue-before', speaker: participleSubject(context, cue.index), cue: plain, passive: false, naming, quotesOnly };
  }
  const subject = subjectOf(context, cue.index);
  return { rule: 'fragment-cue-before', speaker: subject.phrase, cue: plain, passive: subject.passive, naming, quotesOnly };
}

/** ", Warren said." closing the sentence a fragment stands in, after a comma. */
function sentenceAttributionAfter(context: TokenContext, quotation: Quotation, quoted: (token: Token) => boolean): FragmentAttribution | null {
  const { tokens } = context;
  const first = tokenAtOrAfter(tokens, quotation.end);
  const firstToken = tokens[first];
  if (firstToken === undefined) return null;
  let sentenceLast = first;
  while (tokens[sentenceLast + 1] !== undefined && (tokens[sentenceLast + 1] as Token).sentence === firstToken.sentence) sentenceLast++;
  for (let index = first + 1; index <= sentenceLast; index++) {
    if (quoted(tokens[index] as Token) || !commaAfter(tokens, index - 1)) continue;
    const attribution = speakerThenCueAfter(context, index) ?? cueThenSpeakerAfter(context, index);
    if (attribution === null || attribution.speaker === null) continue;
    const attributionLast = Math.max(attribution.speaker.last, attribution.cue?.last ?? 0);
    if (attributionLast !== sentenceLast || !/^[\s.!?]*$/u.test((tokens[sentenceLast] as Token).post)) continue;
    return { ...attribution, rule: 'fragment-sentence-attribution-after', naming: false, quotesOnly: false };
  }
  return null;
}

/**
 * A paragraph that ends with a colon and a cue introduces the quotation
 * that opens the next one ("Caddell continued:", "The New York Times
 * reports:", and as any colon introduction, "Said Ellis:"). The
 * attribution, or null.
 */
export function paragraphIntroduction(context: TokenContext): Attribution | null {
  const { tokens } = context;
  const last = tokens.length - 1;
  const lastToken = tokens[last];
  if (lastToken === undefined || !/:\s*$/u.test(lastToken.post)) return null;
  const start = sentenceStart(context, last);
  // "The New York Times reports:": before the colon only a verb can stand, whatever the tagger read.
  const cue = cueAt(tokens, last, context.text, true);
  const subject = tokens.slice(start, last);
  if (cue !== null && subject.length > 0 && !subject.some((word) => NOT_IN_SPEAKER_WORDS.some((tag) => word.tags.has(tag)))) {
    return { rule: 'colon-introduction', speaker: phraseOfRange(tokens, start, last - 1, context.text), cue, passive: false };
  }
  return colonIntroduction(context, last, lastToken.post);
}

/** Nouns of saying that a possessive attributes: "Trump's claim that …", "his description of …". */
const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'claim',
  'claims',
  'statement',
  'statements',
  'assertion',
  'assertions',
  'remark',
  'remarks',
  'comment',
  'comments',
  'words',
  'promise',
  'promises',
  'pledge',
  'pledges',
  'warning',
  'warnings',
  'description',
  'accusation',
  'accusations',
  'charge',
  'charges',
  'argument',
  'arguments',
  'prediction',
  'predictions',
  'boast',
  'insistence',
  'suggestion',
  'allegation',
  'allegations',
  'tweet',
  'tweets',
  'message',
  'vow',
  'declaration',
  'announcement',
  'testimony',
  'response',
  'reply',
  'quip',
  'speech',
]);
/** Possessive pronouns, with the pronoun that names their owner. */
const POSSESSIVE_PRONOUNS: ReadonlyMap<string, string> = new Map([
  ['his', 'he'],
  ['her', 'she'],
  ['their', 'they'],
  ['its', 'it'],
]);

/**
 * "Donald Trump's claim that there have been “thousands of shootings”",
 * "his promise of “jobs, jobs, jobs”": a noun of saying owned by someone
 * attributes the quoted words after it to its owner.
 */
function possessiveSpeechNoun(context: TokenContext, index: number): FragmentAttribution | null {
  const { tokens, text } = context;
  const noun = tokens[index] as Token;
  const owner = tokens[index - 1];
  if (!SPEECH_NOUNS.has(noun.text.toLowerCase()) || owner === undefined) return null;
  const cue: Cue = { index, last: index, text: noun.text, sense: { reports: true, addressee: false }, gerund: false };
  const pronoun = POSSESSIVE_PRONOUNS.get(owner.text.toLowerCase());
  if (pronoun !== undefined) {
    const speaker: Phrase = {
      start: owner.start,
      end: owner.end,
      first: index - 1,
      last: index - 1,
      kind: 'pronoun',
      text: owner.text,
      head: pronoun,
      plural: pronoun === 'they',
      definite: true,
      honorific: null,
    };
    return { rule: 'fragment-speech-noun', speaker, cue, passive: false, naming: false, quotesOnly: false };
  }
  if (!/['’]s?$/u.test(owner.text) && !owner.tags.has('Possessive')) return null;
  const speaker = phraseEndingAt(tokens, index - 1, sentenceStart(context, index), text, false);
  return speaker === null ? null : { rule: 'fragment-speech-noun', speaker, cue, passive: false, naming: false, quotesOnly: false };
}

/** An upper-case speaker label opening a transcript line: "PENCE: Well, look, …". */
const TRANSCRIPT_LABEL = /^(\p{Lu}[\p{Lu}.' -]{1,30}):\s/u;

/**
 * A transcript quoted line names its speaker in capitals before a colon
 * ("“WALLACE: But, Governor Pence, …”"): the label is the speaker.
 */
export function transcriptLabel(context: TokenContext, quotation: Quotation): Attribution | null {
  const { tokens, text } = context;
  const label = TRANSCRIPT_LABEL.exec(text.slice(quotation.start, Math.min(quotation.end, quotation.start + 40)));
  if (label === null) return null;
  const first = tokenAtOrAfter(tokens, quotation.start);
  let last = first;
  while (tokens[last] !== undefined && (tokens[last] as Token).end < quotation.start + (label[1] as string).length) last++;
  if (tokens[last] === undefined || !(tokens[last] as Token).post.includes(':')) return null;
  return { rule: 'transcript-label', speaker: phraseOfRange(tokens, first, last, text), cue: null, passive: false };
}
