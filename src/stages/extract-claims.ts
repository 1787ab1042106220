import type { Claim, PipelineDocument, Span } from '../document.ts';
import type { DocumentStage } from '../stage.ts';

/** Verbs that attribute speech ("said", "explained"); the cue of a claim is one of these as written. */
const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'explained', 'explains', 'added', 'adds', 'adding', 'noted', 'notes', 'asked', 'asks',
  'stated', 'states', 'remarked', 'continued', 'recalled', 'lamented', 'urged', 'urges', 'warned', 'warns', 'claimed', 'claims',
  'claiming', 'denied', 'wrote', 'writes', 'replied', 'insisted', 'shared', 'commented', 'emphasized', 'emphasised', 'stressed',
  'indicated', 'indicates', 'announced', 'argued', 'argues', 'acknowledged', 'admitted', 'confirmed', 'reported', 'revealed',
  'suggested', 'recounted', 'exclaimed', 'answered', 'responded', 'agreed', 'pointed out', 'went on', 'concluded', 'believes',
];
const CUE = `(?:${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})`;
/** Who can speak: a pronoun, a name (with an honorific), or a short description ("the officer", "One elderly official in Shanghai"). */
const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|of|the|for|de|van|von|bin))*`;
const DESCRIPTION = String.raw`(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]his|[Tt]hat|[Ss]ome|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{Ll}-]+\s+){0,4}?[\p{Ll}-]+(?:\s+(?:in|from|of|at)\s+${NAME})?`;
const PRONOUN = String.raw`(?:he|she|they|He|She|They|I|we|We)`;
const SPEAKER = `(${PRONOUN}|${NAME}|${DESCRIPTION})`;

/** Attribution after a closing quote: ”, he said  /  ” said Ms. Li. */
const AFTER_QUOTE = new RegExp(String.raw`^[\s,]*(?:${SPEAKER}\s+(?:also\s+|then\s+|later\s+)?(${CUE})\b|(${CUE})\s+${SPEAKER})`, 'u');
/** Attribution before an opening quote: Ms. Li said: “  /  he explained, “. */
const BEFORE_QUOTE = new RegExp(String.raw`${SPEAKER}\s+(?:also\s+|then\s+|later\s+)?(${CUE})(?:\s+\p{Ll}+){0,3}\s*[:,]?\s*$`, 'u');
/** Reported speech: SPEAKER CUE (that) CLAUSE. */
const REPORTED = new RegExp(String.raw`(?:^|[\s,;])${SPEAKER}\s+(?:also\s+|then\s+|later\s+|further\s+)?(${CUE})(?:\s+(?:him|her|them|us|me|reporters|the \p{Ll}+))?\s+(?:that\s+)?(\p{L}.+?)[.!?;:]?\s*$`, 'du');
/** What precedes a quoted title or a scare quote, which is not a claim. */
const NOT_A_CLAIM_BEFORE = /(?:titled|entitled|called|named|headlined|so-called|dubbed|known as|the slogan|the phrase|the words|the term)\s*[:,]?\s*$/i;
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);

interface QuoteSpan extends Span {
  /** Offsets of the marks themselves. */
  open: number;
  close: number;
}

/** Pairs quotation marks: curly “…” and straight "…" ; an unclosed mark ends its quote at the end of its paragraph. */
export function findQuotes(text: string, paragraph: Span): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let openAt = -1;
  let openMark = '';
  for (let index = paragraph.start; index < paragraph.end; index++) {
    const character = text[index];
    if (openAt === -1) {
      if (character === '“' || character === '"') {
        openAt = index;
        openMark = character;
      }
    } else if ((openMark === '“' && character === '”') || (openMark === '"' && character === '"')) {
      quotes.push({ open: openAt, close: index, start: openAt + 1, end: index });
      openAt = -1;
    } else if (openMark === '“' && character === '“') {
      // A second opening mark before a closing one: the first quote was never closed.
      quotes.push({ open: openAt, close: index, start: openAt + 1, end: trimEnd(text, index) });
      openAt = index;
    }
  }
  if (openAt !== -1) quotes.push({ open: openAt, close: paragraph.end, start: openAt + 1, end: trimEnd(text, paragraph.end) });
  return quotes.filter((quote) => quote.end > quote.start);
}

const trimEnd = (text: string, end: number): number => {
  while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
  return end;
};

/** Resolves a pronoun speaker to the nearest earlier person mention, or the previous speaker. */
function resolveSpeaker(document: PipelineDocument, speaker: string, at: number, previous: string | null): string {
  if (!PRONOUNS.has(speaker.toLowerCase())) return speaker;
  if (previous !== null) return previous;
  const person = document.mentions.filter((mention) => mention.type === 'person' && mention.end <= at).at(-1);
  return person?.text ?? speaker;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

/** Finds quotes, reported speech and figure sentences, with their speakers where the text makes them plain. */
export function findClaims(document: PipelineDocument): Claim[] {
  const claims: Claim[] = [];
  const text = document.text;
  let previousSpeaker: string | null = null;
  document.passages.forEach((passage, passageIndex) => {
    const analysis = document.analyses[passageIndex];
    const quotes = findQuotes(text, passage);
    let passageSpeaker: string | null = null;
    for (const quote of quotes) {
      const quoted = text.slice(quote.start, quote.end);
      const before = text.slice(passage.start, quote.open);
      if (NOT_A_CLAIM_BEFORE.test(before)) continue;
      const after = AFTER_QUOTE.exec(text.slice(quote.close + 1, passage.end));
      const lead = BEFORE_QUOTE.exec(before);
      let speaker: string | null = null;
      let cue: string | null = null;
      if (after) {
        speaker = after[1] ?? after[4] ?? null;
        cue = after[2] ?? after[3] ?? null;
      } else if (lead) {
        speaker = lead[1] ?? null;
        cue = lead[2] ?? null;
      }
      if (speaker === null && wordCount(quoted) < 4) continue; // a scare quote or a phrase, not a statement
      const resolved: string | null = speaker === null ? (passageSpeaker ?? (quotes.length > 0 && before.trim() === '' ? previousSpeaker : null)) : resolveSpeaker(document, speaker, quote.open, passageSpeaker ?? previousSpeaker);
      if (resolved !== null) passageSpeaker = resolved;
      claims.push({ start: quote.start, end: quote.end, passageIndex, kind: 'quote', text: quoted, speaker: resolved, speakerSpan: null, cue });
    }
    if (passageSpeaker !== null) previousSpeaker = passageSpeaker;
    if (analysis === undefined) return;
    for (const sentence of analysis.sentences) {
      const sentenceText = text.slice(sentence.start, sentence.end);
      const insideQuote = quotes.some((quote) => sentence.start < quote.close && quote.open < sentence.end);
      if (!insideQuote) {
        const reported = REPORTED.exec(sentenceText);
        if (reported) {
          const [clauseFrom, clauseTo] = reported.indices?.[3] as [number, number];
          const clauseStart = sentence.start + clauseFrom;
          const clauseEnd = trimEnd(text, sentence.start + clauseTo);
          const speaker = resolveSpeaker(document, reported[1] as string, sentence.start, previousSpeaker);
          claims.push({ start: clauseStart, end: clauseEnd, passageIndex, kind: 'reported', text: text.slice(clauseStart, clauseEnd), speaker, speakerSpan: null, cue: reported[2] as string });
          if (!PRONOUNS.has((reported[1] as string).toLowerCase())) previousSpeaker = speaker;
        }
      }
      const figures = document.figures.filter((figure) => figure.start >= sentence.start && figure.end <= sentence.end);
      if (figures.length > 0) {
        const container = claims.find((claim) => claim.kind !== 'figure' && claim.start <= sentence.start + 1 && claim.end >= sentence.end - 1);
        const speaker = container?.speaker ?? claims.find((claim) => claim.kind === 'reported' && claim.start >= sentence.start && claim.end <= sentence.end && figures.some((figure) => figure.start >= claim.start))?.speaker ?? null;
        claims.push({ ...sentence, passageIndex, kind: 'figure', text: sentenceText, speaker, speakerSpan: null, cue: null });
      }
    }
  });
  return claims.sort((a, b) => a.start - b.start || a.end - b.end);
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
