import {
  attributeFragment,
  attributeQuotation,
  paragraphIntroduction,
  tokenAtOrAfter,
  transcriptLabel,
  trailingAttributionInside,
  type Attribution,
} from '../claims/attribution.ts';
import { withEntityTags } from '../claims/entity-tags.ts';
import { canSpeak, isNameWord, phraseStartingAt, type Phrase } from '../claims/phrases.ts';
import { findQuotations, type Quotation } from '../claims/quotes.ts';
import { findReportedSpeech } from '../claims/reported.ts';
import { figureSentences } from '../claims/sentences.ts';
import { Discourse, genderOf, namesOrganization, namesPeople, type Gender, type Referent, type Speaker } from '../claims/speakers.ts';
import { subjectOf, type TokenContext } from '../claims/subjects.ts';
import type { Claim, EntityMention, FigureExpression, PipelineDocument, Span } from '../document.ts';
import type { DocumentStage } from '../stage.ts';
import type { PassageAnalysis, Token } from '../text/analysis.ts';
import { SpanIndex } from '../text/spans.ts';
import { isTitleCase, titleWords } from '../text/title-case.ts';

/** Words before a quotation that make it a title or a phrase mentioned, not speech. */
const TITLE_BEFORE = /\b(?:titled|entitled|named|headlined|so-called|known as|slogan|phrase|words?|term|motto|banner)\s*[:,]?\s*$/iu;
/** Words after which a quotation in Title Case is the name of a work: a preposition or a possessive. */
const WORK_BEFORE = /(?:\b(?:of|on|in|from|to|for|at|about)|['’]s)\s*$/iu;
/** Naming verbs before a quotation: speech only when someone is said to name it so ("what Trump called “fraud”"), not "a group called “…”". */
const NAMING_BEFORE = /\b(?:called|dubbed|labell?ed|termed|branded)\s*[:,]?\s*$/iu;
/** An unattributed quotation shorter than this (in words) is a phrase or a scare quote. */
const MIN_UNATTRIBUTED_WORDS = 5;
/** How many characters before a quotation are read to tell a title or an embedded phrase. */
const LOOK_BEFORE = 40;
/** Where sentences of a passage sit in reading order: passages never hold this many sentences. */
const SENTENCES_PER_PASSAGE = 1_000_000;

const words = (text: string): string[] => text.split(/\s+/u).filter((word) => /\p{L}/u.test(word));

/** Title Case: nearly every word that is not a small function word is capitalised (a title of a work, a headline). */
const isTitle = (text: string): boolean => isTitleCase(titleWords(text), TITLE_CAPITALISED_SHARE, 2);
/** A title as a work's name is written after a preposition: Title Case, or an article and one capitalised word ("in “The Revenant.”"). */
const isWorkTitle = (text: string): boolean => isTitle(text) || (/^\W*(?:The|A|An)\s/u.test(text) && isTitleCase(titleWords(text), 1, 1));
/** Share of a quoted title's content words that are capitalised. */
const TITLE_CAPITALISED_SHARE = 0.8;

function passageContext(text: string, analysis: PassageAnalysis): TokenContext {
  const sentenceFirst: number[] = [];
  analysis.tokens.forEach((token, index) => {
    if (sentenceFirst[token.sentence] === undefined) sentenceFirst[token.sentence] = index;
  });
  return { text, tokens: analysis.tokens, sentenceFirst };
}

function nameGender(tokens: readonly Token[], phrase: Phrase): Gender | null {
  const span = tokens.slice(phrase.first, phrase.last + 1);
  if (span.some((token) => token.tags.has('FemaleName'))) return 'female';
  if (span.some((token) => token.tags.has('MaleName'))) return 'male';
  return null;
}

/**
 * Registers the people a passage introduces, reading its tokens once in
 * order, so that later pronouns and definite descriptions can find them:
 * the subject of each sentence, the people named, and people introduced
 * with an indefinite article.
 */
class ReferentReader {
  private next = 0;
  /** Referents read so far, by their first token: a phrase met again as a subject becomes one. */
  private readonly seen = new Map<number, Referent>();

  constructor(
    private readonly discourse: Discourse,
    private readonly context: TokenContext,
    private readonly passageIndex: number,
    /** Whether a token is inside a quotation: people a speaker mentions are not the text's referents ("my son"). */
    private readonly quoted: (token: Token) => boolean,
  ) {}

  /** Reads the tokens before `upTo` not read yet. */
  readUpTo(upTo: number): void {
    const { tokens, text } = this.context;
    for (; this.next < Math.min(upTo, tokens.length); this.next++) {
      const index = this.next;
      const token = tokens[index] as Token;
      if (this.quoted(token)) continue;
      if (index === 0 || (tokens[index - 1] as Token).sentence !== token.sentence) {
        const headline = headlineSubject(this.context, index);
        if (headline !== null) this.add(headline, true);
      }
      if (token.tags.has('Verb') && !token.tags.has('Auxiliary')) {
        const subject = subjectOf(this.context, index).phrase;
        if (subject !== null) this.add(subject, true);
      }
      const startsName = token.tags.has('Person') && isNameWord(token) && (index === 0 || !isNameWord(tokens[index - 1] as Token));
      if (startsName || INTRODUCING.has(token.text.toLowerCase())) {
        const phrase = phraseStartingAt(tokens, index, tokens.length - 1, text);
        if (phrase !== null) this.add(phrase, false);
      }
    }
  }

  private add(phrase: Phrase, subject: boolean): void {
    const { tokens } = this.context;
    if (phrase.kind === 'pronoun' || this.quoted(tokens[phrase.first] as Token)) return;
    const known = this.seen.get(phrase.first);
    if (known !== undefined) {
      known.subject ||= subject;
      return;
    }
    const named = tokens.slice(phrase.first, phrase.last + 1).some((token) => token.tags.has('Organization'));
    const organization = named || (phrase.kind === 'description' && namesOrganization(phrase.head));
    const human = phrase.kind === 'name' || namesPeople(phrase.head, (tokens[phrase.last] as Token).tags.has('Actor'));
    if (!human && !organization) return;
    const sentence = sentenceOrder(this.passageIndex, tokens[phrase.first] as Token);
    const resolved = this.discourse.resolve(phrase, sentence) ?? { text: phrase.text, span: { start: phrase.start, end: phrase.end } };
    const referent: Referent = {
      text: resolved.text,
      span: resolved.span,
      head: phrase.head,
      plural: phrase.plural,
      gender: genderOf(phrase, nameGender(tokens, phrase)),
      kind: phrase.kind === 'name' ? 'person' : human ? 'description' : 'organization',
      named,
      sentence,
      subject,
    };
    this.seen.set(phrase.first, referent);
    this.discourse.add(referent);
  }
}

/** What kind of referent a speaker phrase is: a described organization ("the company said") is one "it" can refer back to. */
function speakerKind(phrase: Phrase, tokens: readonly Token[]): Referent['kind'] {
  if (phrase.kind === 'name') return 'person';
  return namesOrganization(phrase.head) && !namesPeople(phrase.head, (tokens[phrase.last] as Token).tags.has('Actor')) ? 'organization' : 'description';
}

/** Words that introduce someone new ("a police officer", "one elderly official"). */
const INTRODUCING: ReadonlySet<string> = new Set(['a', 'an', 'one']);

function sentenceOrder(passageIndex: number, token: Token): number {
  return passageIndex * SENTENCES_PER_PASSAGE + token.sentence;
}

/**
 * The subject of a headline such as "London, UK: Student Renounces the
 * Party": the phrase after a colon, cut before a capitalised present-tense
 * verb ("Renounces"), which compromise reads as part of a name in Title Case.
 */
function headlineSubject(context: TokenContext, first: number): Phrase | null {
  const { tokens, text } = context;
  let start = first;
  for (let index = first; index < Math.min(tokens.length, first + 8); index++) {
    if ((tokens[index] as Token).sentence !== (tokens[first] as Token).sentence) return null;
    if ((tokens[index] as Token).post.trim() === ':') {
      start = index + 1;
      break;
    }
  }
  if (start === first) return null;
  let end = start;
  while (tokens[end + 1] !== undefined && !/^\p{Lu}\p{Ll}+[^s]s$/u.test((tokens[end + 1] as Token).text) && end - start < 6) end++;
  return phraseStartingAt(tokens, start, end, text);
}

/** An attribution waiting for its speaker to be resolved, in reading order. */
interface PendingClaim {
  claim: Claim;
  /** The speaker phrase to resolve, null when the claim has none of its own. */
  phrase: Phrase | null;
  /** Where the attribution is read: pronouns resolve against what comes before it. */
  at: number;
  /** The speaker is taken from the one before it (a quote that continues). */
  continues: boolean;
  passive: boolean;
  /** The quotation a quote claim was read from (reported speech has none). */
  quotation: Quotation | null;
  /** A quoted fragment inside a sentence, attributed by the sentence around it. */
  fragment: boolean;
}

function claimOf(text: string, span: Span, passageIndex: number, kind: Claim['kind'], cue: string | null): Claim {
  return { start: span.start, end: span.end, passageIndex, kind, text: text.slice(span.start, span.end), speaker: null, speakerSpan: null, cue };
}

/** The quotations of a passage that are speech, with their attributions still to resolve. */
function quoteClaims(
  document: PipelineDocument,
  context: TokenContext,
  passageIndex: number,
  quotations: readonly Quotation[],
  quoted: (token: Token) => boolean,
): PendingClaim[] {
  const text = document.text;
  const passage = document.passages[passageIndex] as Span;
  const pending: PendingClaim[] = [];
  for (const quotation of quotations) {
    // Only the words right before the mark matter; a bounded look keeps long paragraphs linear.
    const before = text.slice(Math.max(passage.start, quotation.open - LOOK_BEFORE), quotation.open);
    // An attribute value in markup that survived as text (tweet-date="…") is no one's words.
    if (TITLE_BEFORE.test(before) || /=\s*$/u.test(before)) continue;
    // A Title Case quotation after a preposition or a possessive names a work or a show ("on CBS's “Face the Nation,”").
    if (WORK_BEFORE.test(before) && isWorkTitle(text.slice(quotation.start, quotation.end))) continue;
    let end = quotation.end;
    let attribution: Attribution | null = NAMING_BEFORE.test(before)
      ? null
      : (transcriptLabel(context, quotation) ?? attributeQuotation(context, quotation, passage.start));
    if (quotation.close === null && attribution === null) {
      const inside = trailingAttributionInside(context, quotation);
      if (inside !== null) {
        attribution = inside.attribution;
        end = inside.start;
        while (end > quotation.start && /[\s,]/u.test(text[end - 1] as string)) end--;
      }
    }
    const quotedText = text.slice(quotation.start, end);
    // A fragment inside a sentence is speech when the sentence attributes it: a title or a scare quote is not.
    const embedded = /[\p{L}\p{N}]\s*$/u.test(before) && !quotation.continued;
    if (attribution === null && embedded) {
      const fragment = attributeFragment(context, quotation, quoted);
      if (fragment === null || fragment.speaker === null || fragment.passive) continue;
      // A title is quoted by a naming verb only ("called her “Miss Piggy”"); after "the", a verb that only
      // quotes ("reads them the “advisory on …”") quotes the name of a thing.
      if ((isTitle(quotedText) && !fragment.naming) || (/\bthe\s*$/iu.test(before) && fragment.quotesOnly)) continue;
      attribution = fragment;
    } else if (attribution === null) {
      // Unattributed: a title, or more of what the current speaker says.
      if (isTitle(quotedText)) continue;
      // A short quotation is a phrase unless it is a whole sentence ("“It's a surprise.”").
      if (words(quotedText).length < MIN_UNATTRIBUTED_WORDS && !/^[^\p{L}]*\p{Lu}.*[.!?]$/u.test(quotedText)) continue;
    }
    const at = attribution?.speaker?.start ?? quotation.open;
    pending.push({
      claim: claimOf(text, { start: quotation.start, end }, passageIndex, 'quote', attribution?.cue?.text ?? null),
      phrase: attribution?.speaker ?? null,
      at,
      continues: attribution === null,
      passive: attribution?.passive ?? false,
      quotation,
      fragment: embedded,
    });
  }
  return pending;
}

/** The reported speech of a passage's sentences, outside its quotations. */
function reportedClaims(
  document: PipelineDocument,
  analysis: PassageAnalysis,
  context: TokenContext,
  passageIndex: number,
  quoted: (token: Token) => boolean,
): PendingClaim[] {
  const pending: PendingClaim[] = [];
  let first = 0;
  while (first < analysis.tokens.length) {
    let last = first;
    while (last + 1 < analysis.tokens.length && (analysis.tokens[last + 1] as Token).sentence === (analysis.tokens[first] as Token).sentence) last++;
    for (const reported of findReportedSpeech(context, first, last, quoted)) {
      pending.push({
        claim: claimOf(document.text, reported.clause, passageIndex, 'reported', reported.cue),
        phrase: reported.speaker,
        at: reported.speaker?.start ?? reported.clause.start,
        continues: false,
        passive: reported.passive,
        quotation: null,
        fragment: false,
      });
    }
    first = last + 1;
  }
  return pending;
}

/** Finds quotes, reported speech and figure sentences, with their speakers where the text makes them plain. */
export function findClaims(document: PipelineDocument): Claim[] {
  const claims: Claim[] = [];
  const text = document.text;
  const discourse = new Discourse();
  const quotations = findQuotations(text, document.passages);
  const figureIndex = new SpanIndex(document.figures);
  let previousSpeaker: Speaker | null = null;
  /** Unattributed parts of a quotation running across paragraphs, waiting for the attribution of a later part. */
  let awaiting: Claim[] = [];
  const mentionsOf = mentionsByPassage(document);
  document.passages.forEach((_passage, passageIndex) => {
    const tagged = document.analyses[passageIndex];
    if (tagged === undefined) return;
    // The recogniser's names over compromise's tags (see entity-tags.ts).
    const analysis = withEntityTags(tagged, mentionsOf.get(passageIndex) ?? []);
    const context = passageContext(text, analysis);
    const passageQuotes = quotations.filter((quotation) => quotation.passageIndex === passageIndex);
    const quotedTokens = tokensInside(analysis.tokens, passageQuotes);
    const quoted = (token: Token): boolean => quotedTokens.has(token);
    const reader = new ReferentReader(discourse, context, passageIndex, quoted);
    // A paragraph of quotation alone goes on with the speaker of the paragraph before.
    const quoteOnly = passageQuotes.length > 0 && analysis.tokens.every((token) => quoted(token) || token.text === '');
    // Reported speech read inside a quotation ("“According to X, …”") is that quotation; a reported clause cannot start
    // inside a quotation and end outside it either (“…,” Walker said, according to an Associated Press account).
    const reported = reportedClaims(document, analysis, context, passageIndex, quoted).filter(
      ({ claim }) => !passageQuotes.some((quotation) => quotation.start <= claim.start && claim.start < quotation.end),
    );
    // A fragment quoted inside reported speech is part of that claim: one attribution, one row.
    const speech = quoteClaims(document, context, passageIndex, passageQuotes, quoted).filter(
      (item) => !item.fragment || !reported.some(({ claim }) => claim.start < item.claim.end && item.claim.start < claim.end),
    );
    const pending = [...speech, ...reported];
    pending.sort((first, second) => first.at - second.at || first.claim.start - second.claim.start);
    let passageSpeaker: Speaker | null = null;
    const found: Claim[] = [];
    const quotes: { item: PendingClaim; claim: Claim }[] = [];
    for (const item of pending) {
      let speaker: Speaker | null = null;
      if (item.phrase !== null && !item.passive && canSpeak(analysis.tokens, item.phrase)) {
        reader.readUpTo(tokenAtOrAfter(analysis.tokens, item.phrase.start));
        speaker = discourse.resolve(item.phrase, sentenceOrder(passageIndex, analysis.tokens[item.phrase.first] as Token));
        if (speaker !== null && item.phrase.kind !== 'pronoun') {
          discourse.add({
            text: speaker.text,
            span: speaker.span,
            head: item.phrase.head,
            plural: item.phrase.plural,
            gender: genderOf(item.phrase, nameGender(analysis.tokens, item.phrase)),
            kind: speakerKind(item.phrase, analysis.tokens),
            named: item.phrase.kind === 'name',
            sentence: sentenceOrder(passageIndex, analysis.tokens[item.phrase.first] as Token),
            subject: true,
          });
        }
      } else if (item.continues) {
        speaker = passageSpeaker ?? (quoteOnly || passageQuotes[0]?.continued === true ? previousSpeaker : null);
      }
      if (speaker !== null) passageSpeaker = speaker;
      const claim: Claim = { ...item.claim, speaker: speaker?.text ?? null, speakerSpan: speaker?.span ?? null };
      found.push(claim);
      if (item.quotation !== null) quotes.push({ item, claim });
    }
    awaiting = attributeRunningQuotation(awaiting, quotes);
    reader.readUpTo(analysis.tokens.length);
    for (const unit of figureSentences(text, analysis.sentences, passageQuotes)) {
      const figures = figureIndex.within(unit).map((found) => document.figures[found] as FigureExpression);
      if (figures.length === 0) continue;
      // The sentence carries the speaker of the speech its figures sit in.
      const container = found.find((claim) => figures.some((figure) => figure.start >= claim.start && figure.end <= claim.end));
      const speaker = { speaker: container?.speaker ?? null, speakerSpan: container?.speakerSpan ?? null };
      found.push({ ...claimOf(text, unit, passageIndex, 'figure', null), ...speaker });
    }
    claims.push(...found);
    const introduction = paragraphIntroduction(context);
    if (introduction?.speaker != null && !introduction.passive) {
      // "Caddell continued:" hands the next paragraph's quotation to its speaker.
      reader.readUpTo(analysis.tokens.length);
      previousSpeaker =
        discourse.resolve(introduction.speaker, sentenceOrder(passageIndex, analysis.tokens[introduction.speaker.first] as Token)) ?? previousSpeaker;
    } else if (passageSpeaker !== null) previousSpeaker = passageSpeaker;
    else if (passageQuotes.length === 0 && analysis.tokens.length > 0) {
      // A paragraph of narration introduces who the next paragraph quotes ("Sen. Bernie Sanders also called on the
      // U.S. to press China." ¶ "“China is equally concerned …”"): its last subject that can speak.
      previousSpeaker = discourse.lastSubjectFrom(sentenceOrder(passageIndex, analysis.tokens[0] as Token)) ?? previousSpeaker;
    }
  });
  return deduplicate(claims.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind)));
}

/** The document's entity mentions by passage, each passage's in document order. */
function mentionsByPassage(document: PipelineDocument): Map<number, EntityMention[]> {
  const byPassage = new Map<number, EntityMention[]>();
  for (const mention of document.mentions) {
    const list = byPassage.get(mention.passageIndex);
    if (list === undefined) byPassage.set(mention.passageIndex, [mention]);
    else list.push(mention);
  }
  for (const list of byPassage.values()) list.sort((a, b) => a.start - b.start);
  return byPassage;
}

/**
 * A quotation running across paragraphs is attributed once, usually in its
 * last paragraph (“… .¶“… ,” she said.): the earlier, unattributed parts
 * take that speaker instead of the one continuity guessed. Given the parts
 * still waiting and a paragraph's quotes in reading order, assigns the
 * speaker when this paragraph's continuing part has its own attribution and
 * returns the parts that must go on waiting.
 */
function attributeRunningQuotation(awaiting: readonly Claim[], quotes: readonly { item: PendingClaim; claim: Claim }[]): Claim[] {
  const continuation = quotes.find(({ item }) => item.quotation?.continued === true);
  let waiting: Claim[] = [];
  if (continuation !== undefined && awaiting.length > 0) {
    if (continuation.item.phrase !== null && continuation.claim.speaker !== null) {
      for (const claim of awaiting) {
        claim.speaker = continuation.claim.speaker;
        claim.speakerSpan = continuation.claim.speakerSpan;
      }
    } else if (continuation.item.continues && continuation.item.quotation?.close === null) waiting = [...awaiting];
  }
  const last = quotes.at(-1);
  // Only the paragraph's last quotation can run on, and only if it is still open and unattributed.
  if (last?.item.continues && last.item.quotation?.close === null) waiting.push(last.claim);
  return waiting;
}

/** The tokens inside quotations, in one sweep over both (they are in document order). */
function tokensInside(tokens: readonly Token[], quotations: readonly Quotation[]): Set<Token> {
  const inside = new Set<Token>();
  let next = 0;
  for (const token of tokens) {
    while (next < quotations.length && (quotations[next] as Quotation).end < token.end) next++;
    const quotation = quotations[next];
    if (quotation !== undefined && token.start >= quotation.start && token.end <= quotation.end) inside.add(token);
  }
  return inside;
}

function deduplicate(claims: Claim[]): Claim[] {
  return claims.filter((claim, index) => {
    const previous = claims[index - 1];
    return previous === undefined || previous.start !== claim.start || previous.end !== claim.end || previous.kind !== claim.kind;
  });
}

/** Finds claims: quotations, reported speech and sentences that assert figures. */
export const extractClaims: DocumentStage = {
  kind: 'document',
  name: 'extractClaims',
  requires: ['document.passages', 'document.analyses', 'document.mentions', 'document.figures'],
  assigns: ['document.claims'],
  run(document) {
    document.claims = findClaims(document);
  },
};
