import type { FigureExpression, PipelineDocument, Span } from '../document.ts';
import type { FigureKind, FigureQualifier } from '../schemas/index.ts';
import type { DocumentStage } from '../stage.ts';
import type { PassageAnalysis, Token } from '../text/analysis.ts';
import { textBefore } from '../text/context.ts';
import { groupByPassage } from '../text/spans.ts';
import {
  findNumbers,
  numberConventions,
  ORDINAL_EXPRESSION,
  parseOrdinal,
  parseNumber,
  splitScale,
  type FoundNumber,
  type NumberConventions,
} from '../text/numbers.ts';
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, DIGIT_ONLY_UNITS, MEASURE_UNIT_WORD, TIME_UNITS } from '../text/units.ts';
import { extractFiguresOptions } from './options/extract-figures.ts';

/** Words before a number that qualify it; each becomes part of the span. Longest first within a qualifier. */
const QUALIFIERS_BEFORE: [RegExp, FigureQualifier][] = [
  [/\b(?:no fewer than|no less than|at least|a minimum of|as few as)\s+$/i, 'at_least'],
  [/\b(?:no more than|at most|up to|a maximum of|as many as|as much as)\s+$/i, 'at_most'],
  [/\b(?:(?:just |well |slightly |far |much )?more than|(?:just |well |slightly )?over|above|upwards of|in excess of|exceeding|north of)\s+$/i, 'more_than'],
  [/\b(?:(?:just |slightly )?(?:less|fewer) than|(?:just )?under|below|short of)\s+$/i, 'less_than'],
  [
    /\b(?:about|approximately|approx\.|around|nearly|almost|roughly|some|an estimated|estimated|close to|circa|or so|upward of|an approximate)\s+$/i,
    'approximately',
  ],
];
/** Words after a number that qualify it ("100 or more"). */
const QUALIFIERS_AFTER: [RegExp, FigureQualifier][] = [
  [/^\s+or (?:more|above)\b/i, 'at_least'],
  [/^\s+or (?:less|fewer|below)\b/i, 'at_most'],
  [/^\s+or so\b/i, 'approximately'],
  [/^-odd\b/i, 'approximately'],
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const CURRENCY_BEFORE = new RegExp(`(?:${CURRENCY_SYMBOLS.map(([symbol]) => escapeRegExp(symbol)).join('|')})\\s?$`, 'u');
const CURRENCY_AFTER = new RegExp(`^\\s+(?:${CURRENCY_WORDS.map(([word]) => escapeRegExp(word)).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const PERCENT_AFTER = /^(?:\s*%|\s+(?:percentage points?|percent|per cent|pct)\b)/i;
/** A unit after a number: after spaces, glued on ("10km", "2.2C") or joined by a hyphen in an adjective ("a 42.195-kilometre course"). */
const MEASURE_AFTER = new RegExp(`^(\\s*|-)(${MEASURE_UNIT_WORD})`, 'u');
/** Digits with a unit glued on ("10km", "45°C", "2.2C"), which findNumbers leaves out as one word. */
const GLUED_MEASURE = new RegExp(`(?<![\\p{L}\\p{N}_.,])\\d+(?:[.,]\\d+)*(?=${MEASURE_UNIT_WORD})`, 'gu');
/** Numbers that are a time of day, a phone number, a score or part of an identifier, judged by what follows. */
const NOT_A_FIGURE_AFTER = /^(?::\d|[-–]\d{3,}|\s*(?:am|pm|a\.m\.|p\.m\.|GMT|UTC|EST|BST)(?![a-z])|\/\d)/i;
/** Labels before an identifier ("No. 5", "page 12", "room 101"). */
const IDENTIFIER_BEFORE =
  /(?:\b(?:no\.?|nos\.?|number|page|pages|p\.|pp\.|room|flight|route|highway|section|article|chapter|clause|paragraph|verse|version|vol\.?|volume|model|grade|platform|gate|channel|bus|line|ward|seat|lot|unit|apartment|apt\.?|suite|box|code|ext\.?|id|case|act|resolution|phase|level|step|item)|[#№])\s*$/i;
const PHONE_NUMBER = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?/g;
const CURRENCY_SYMBOL = CURRENCY_SYMBOLS.map(([symbol]) => escapeRegExp(symbol)).join('|');
/**
 * What joins the two numbers of a range or a ratio: the first number's unit
 * said again ("46% and 47%"), the connector, and the currency of the second
 * ("$10-$12", "between $5 and $7").
 */
const RANGE_LINK = new RegExp(`^(?<echo>\\s*%|\\s+(?:percent|per cent))?\\s*(?<word>[-–—]|to|and|or|in|out of|over)\\s*(?:${CURRENCY_SYMBOL})?`, 'iu');
/** "between" or "from" before the first number of a range, maybe with its currency ("between $5 and $7"). */
const BETWEEN_BEFORE = new RegExp(`\\b(?:between|from)\\s+(?:${CURRENCY_SYMBOL}\\s?)?$`, 'iu');
/** The second number of a hyphenated pair, with commas and a scale ("-4,000", "-6 million"). */
const HYPHENATED_SECOND =
  /^[-–]((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:hundred|thousand|lakh|million|crore|billion|trillion))*)(?![\p{L}\p{N}]|[-–.,]\d)/u;
/** An age said as an adjective: "the 23-year-old", "a 10-month-old girl". */
const AGE_ADJECTIVE = /^[-\s](?:year|month|week|day)s?[-\s]old\b/i;
/** Words standing between a number and its counted noun that are not part of it ("three such stories"). */
const SKIPPED_BEFORE_ITEM = /^(?:such|more|other|additional|further|extra|of|these|those|the|their|his|her|its|our|your|my|out)$/i;
const FIRST_WORDS =
  /^(?:the|a|an|of|to|in|on|at|by|for|with|and|or|than|over|about|nearly|some|up|least|more|less|under|around|almost|roughly|from|between|just|only|top|all|another|every|each|some)$/i;
/** Vague or pronoun-like uses of "one": "one of them", "no one", "one day". */
const ONE = /^one$/i;

interface Candidate {
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  /** The number's own span, without qualifier or unit, for context checks. */
  number: Span;
  kind: FigureKind;
  /** The range is introduced by "between" or "from", which joins the span once any currency symbol is in it. */
  between: boolean;
}

/** The low end of a range whose scale is said once, at the end: "5 to 7 million" starts at 5 million, "2 to 3" stays 2. */
function scaledLow(value: number, text: string, high: { base: number; scale: number }, conventions: NumberConventions): number {
  const own = splitScale(text, conventions);
  return own !== null && own.scale === 1 && high.scale > 1 && value < high.base ? value * high.scale : value;
}

const overlapsAny = (span: Span, others: readonly Span[]): boolean => others.some((other) => span.start < other.end && other.start < span.end);

/** Plural by tag, by a plural-only word, or, for capitalised words compromise leaves untagged for number (headlines), by its ending. */
const isPlural = (token: Token): boolean =>
  token.tags.has('Plural') ||
  /^(?:people|police|staff|personnel|cattle|livestock|children|men|women|youth|clergy)$/i.test(token.normal) ||
  (token.tags.has('ProperNoun') && /(?:men|[^s'’]s)$/i.test(token.text));
/** After a number, a word in -s that compromise read as a verb ("three such stories") is a plural noun: a verb after a plural count would not take -s. */
const isVerbReadAsPlural = (token: Token): boolean => token.tags.has('PresentTense') && /[^s'’]s$/i.test(token.text) && !token.tags.has('Auxiliary');
const isNounLike = (token: Token): boolean =>
  (token.tags.has('Noun') || token.tags.has('Adjective')) &&
  !token.tags.has('Pronoun') &&
  !token.tags.has('Value') &&
  !token.tags.has('Possessive') &&
  !ITEM_STOP_WORDS.test(token.normal);
/** Words compromise may read as nouns that end a counted noun phrase ("her second son less than a year"). */
const ITEM_STOP_WORDS = /^(?:less|more|fewer|than|each|apiece|ago|later|earlier|total|altogether|so|too)$/i;

/**
 * The counted noun after a number, as written: the words up to the first
 * plural noun ("military officers", "Chinese people"), or up to the last noun
 * of the run when nothing is plural ("one person"). Leading "such", "more" and
 * the like are left out.
 */
export function findItemAfter(tokens: readonly Token[], end: number, text: string): string | null {
  // compromise splits "10-20" into terms with no text of their own; they are not words.
  let first = tokens.findIndex((token) => token.start >= end && token.text !== '');
  if (first === -1 || text.slice(end, (tokens[first] as Token).start).trim() !== '') return null;
  while (first < tokens.length && SKIPPED_BEFORE_ITEM.test((tokens[first] as Token).normal) && (tokens[first] as Token).post.trim() === '') first++;
  const firstToken = tokens[first];
  if (firstToken === undefined) return null;
  let lastNoun = -1;
  for (let index = first; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (index === first && isVerbReadAsPlural(token)) return token.text;
    if (!isNounLike(token) || token.tags.has('Verb')) break;
    // Once a noun is found, only more nouns continue the phrase ("police officers"), not what follows it ("son less than").
    if (lastNoun !== -1 && !token.tags.has('Noun')) break;
    if (token.tags.has('Noun')) lastNoun = index;
    if (isPlural(token)) break;
    if (/\S/.test(token.post)) break;
  }
  if (lastNoun === -1) return null;
  return text.slice(firstToken.start, (tokens[lastNoun] as Token).end);
}

/** The plural noun phrase that "them", "us", "those" after "N of" points back to: the nearest plural noun before, in this sentence or the one before. */
function antecedent(tokens: readonly Token[], before: number, text: string): string | null {
  const index = tokens.findLastIndex((token) => token.end <= before);
  if (index === -1) return null;
  const sentence = (tokens[index] as Token).sentence;
  for (let position = index; position >= 0; position--) {
    const token = tokens[position] as Token;
    if (token.sentence < sentence - 1) break;
    if (token.tags.has('Noun') && isPlural(token) && !token.tags.has('Pronoun') && !token.tags.has('ProperNoun')) {
      let start = position;
      while (
        start > 0 &&
        isNounLike(tokens[start - 1] as Token) &&
        !(tokens[start - 1] as Token).tags.has('Determiner') &&
        (tokens[start - 1] as Token).post.trim() === ''
      )
        start--;
      return text.slice((tokens[start] as Token).start, token.end);
    }
  }
  return null;
}

/** What a count counts: the noun after it, the noun after "of the", the antecedent of "of them", or the noun of "the number of X" earlier in the sentence. */
function findItem(analysis: PassageAnalysis, span: Span, text: string): string | null {
  const after = text.slice(span.end, span.end + 40);
  const pronoun = /^\s+of\s+(?:them|us|those|these|whom)\b/i.exec(after);
  if (pronoun) return antecedent(analysis.tokens, span.start, text);
  const partitive = /^\s+of\s+(?:the|its|their|his|her|our|these|those)\s+/i.exec(after);
  if (partitive) return findItemAfter(analysis.tokens, span.end + partitive[0].length, text);
  const direct = findItemAfter(analysis.tokens, span.end, text);
  if (direct !== null) return direct;
  const sentence = analysis.sentences.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
  if (sentence === undefined) return null;
  const numberOf = [...text.slice(sentence.start, span.start).matchAll(/\bnumber of\s+/gi)].at(-1);
  return numberOf === undefined ? null : findItemAfter(analysis.tokens, sentence.start + (numberOf.index ?? 0) + numberOf[0].length, text);
}

/** Whether the number is part of a name or an identifier: "610 Office", "the Nine Commentaries", "Flight 370". */
function isInName(analysis: PassageAnalysis, number: Span, text: string, isHeading: boolean): boolean {
  if (isHeading) return false;
  const tokens = analysis.tokens;
  const index = tokens.findIndex((token) => token.start >= number.start);
  const token = tokens[index];
  if (token === undefined) return false;
  const sentenceStart = tokens.findIndex((candidate) => candidate.sentence === token.sentence);
  const firstOfSentence = index === sentenceStart;
  const numberText = text.slice(number.start, number.end);
  const lastIndex = tokens.findLastIndex((candidate) => candidate.end <= number.end);
  const next = tokens[lastIndex + 1];
  const nextIsName =
    next !== undefined &&
    text.slice(number.end, next.start).trim() === '' &&
    /^\p{Lu}/u.test(next.text) &&
    !isPlural(next) &&
    !next.tags.has('Demonym') &&
    !next.tags.has('Date') &&
    !next.tags.has('Month');
  // A number word in capitals mid-sentence is a name ("the Nine Commentaries"); so are digits before a capitalised singular noun ("610 Office").
  if (/^\p{Lu}/u.test(numberText) && /^\p{L}/u.test(numberText) && !firstOfSentence) return true;
  if (/^\d/.test(numberText) && nextIsName && !MEASURE_AFTER.test(text.slice(number.end))) return true;
  // A number word that begins a name ends it too: "Erik ten Hag's side", "Ten Hag, whose future", unlike "two Republican senators", where a noun follows.
  const afterNext = next === undefined ? undefined : tokens[lastIndex + 2];
  const nameEnds =
    next !== undefined &&
    (/[^\s]/.test(next.post) || next.tags.has('Possessive') || afterNext === undefined || !afterNext.tags.has('Noun') || afterNext.tags.has('ProperNoun'));
  if (/^\p{L}/u.test(numberText) && nextIsName && nameEnds && !(next as Token).tags.has('Verb')) return true;
  const previous = tokens[index - 1];
  // Digits after a capitalised noun name a thing ("Flight 370", "Article 23"), unless a counted noun follows ("Yunnan 47 practitioners").
  if (
    /^\d/.test(numberText) &&
    !(next !== undefined && isPlural(next)) &&
    previous !== undefined &&
    !firstOfSentence &&
    previous.sentence === token.sentence &&
    text.slice(previous.end, number.start).trim() === ''
  ) {
    // Capitalised or camel-cased ("iPhone 15").
    if (
      /^\p{Lu}|^\p{Ll}+\p{Lu}/u.test(previous.text) &&
      !FIRST_WORDS.test(previous.normal) &&
      !previous.tags.has('Month') &&
      !previous.tags.has('Date') &&
      (previous.tags.has('ProperNoun') || previous.tags.has('Noun'))
    )
      return true;
  }
  return false;
}

/** Every number, ordinal, age decade and "a year"-style duration in a passage text, before qualifiers and units. */
function findCandidates(text: string, conventions: NumberConventions): Candidate[] {
  const candidates: Candidate[] = [];
  const matches = findNumbers(text, conventions);
  for (let matchIndex = 0; matchIndex < matches.length; matchIndex++) {
    const match = matches[matchIndex] as FoundNumber;
    let value = match.value;
    // "one" is a pronoun or an article far more often than a count, except in a ratio ("one in four", "one out of five").
    const ratio = /^\s+(?:in|out of)\s+/.exec(text.slice(match.index + match.text.length));
    const beforeRatio = ratio !== null && matches[matchIndex + 1]?.index === match.index + match.text.length + ratio[0].length;
    if (value === null || (ONE.test(match.text) && !beforeRatio)) continue;
    const start = match.index;
    let end = start + match.text.length;
    let valueMax: number | null = null;
    let ranged = false;
    const before = textBefore(text, start);
    const after = text.slice(end);
    // "the 23-year-old": an age used as an adjective describes a person; it is no figure of the text.
    if (AGE_ADJECTIVE.test(after)) continue;
    // Digits joined by a hyphen: a range when the second is larger ("10-20 people", "3,000-4,000", "5-6 million"), else a score or a code ("3-1", "7-4-2").
    const hyphenated = HYPHENATED_SECOND.exec(after);
    if (/^\d/.test(match.text) && /^[-–]\d/.test(after)) {
      const second = hyphenated === null ? null : splitScale(hyphenated[1] as string, conventions);
      // A run of hyphenated pairs is a set of scores ("3-6 3-6 6-4"), whichever side is larger.
      const scoreRun = /\d[-–]\d+\s+$/.test(before) || (hyphenated !== null && /^\s+\d+[-–]\d/.test(after.slice(hyphenated[0].length)));
      if (second === null || scoreRun) continue;
      const low = scaledLow(value, match.text, second, conventions);
      if (second.value <= low) continue;
      candidates.push({
        start,
        end: end + (hyphenated as RegExpExecArray)[0].length,
        value: low,
        valueMax: second.value,
        number: { start, end: end + (hyphenated as RegExpExecArray)[0].length },
        kind: 'count',
        between: false,
      });
      continue;
    }
    const link = RANGE_LINK.exec(after);
    const next = matches[matchIndex + 1];
    if (link && next && next.index === end + link[0].length) {
      const second = next.value === null ? null : splitScale(next.text, conventions);
      const linkWord = link.groups?.word as string;
      const word = linkWord.toLowerCase().replace(/\s+/g, ' ');
      const between = BETWEEN_BEFORE.test(before);
      const low = second === null ? value : scaledLow(value, match.text, second, conventions);
      const afterSecond = text.slice(next.index + next.text.length);
      const high = second?.value ?? null;
      const wholeNumbers = high !== null && link.groups?.echo === undefined && Number.isInteger(value) && Number.isInteger(high) && value >= 0;
      // "1 in 5" and "3 out of four" are ratios; so is "2 over 3", unless the second number measures something ("5 over 10 years").
      const measured = PERCENT_AFTER.test(afterSecond) || MEASURE_AFTER.test(afterSecond) || CURRENCY_AFTER.test(afterSecond);
      const isRatio =
        wholeNumbers &&
        ((word === 'in' && high > value && high <= 1000) ||
          (word === 'out of' && high >= value && high > 0) ||
          (word === 'over' && high > value && high <= 100 && !measured));
      // "10-20" and "10 to 20" are ranges; "and" only after "between"; a larger number before a smaller one is a score or a vote ("won 7 to 2", "3-1") and no figure at all.
      if (isRatio) {
        valueMax = null;
        value /= high;
        end = next.index + next.text.length;
        matchIndex++;
      } else if (
        second !== null &&
        second.value > low &&
        /^(?:[-–—]|to|and)$/.test(word) &&
        (word !== 'and' || between) &&
        (link.groups?.echo === undefined || PERCENT_AFTER.test(afterSecond))
      ) {
        value = low;
        valueMax = second.value;
        end = next.index + next.text.length;
        ranged = between;
        matchIndex++;
      } else if (
        second !== null &&
        second.value < value &&
        /^(?:[-–]|to)$/.test(word) &&
        link.groups?.echo === undefined &&
        !between &&
        /^\d/.test(next.text) &&
        /^[\d,]+$/.test(match.text)
      ) {
        matchIndex++;
        continue;
      }
    }
    const number = { start: match.index, end: match.index + match.text.length };
    candidates.push({ start, end, value, valueMax, number, kind: 'count', between: ranged });
    // A minus sign right before digits makes them negative ("-3.5%"), and so do "minus" and "negative" before any number ("minus seven percent"); "plus or minus 3" is a margin.
    const sign = /(?:^|[\s(])([-−–])$|(?<!\bplus or\s)\b(?:minus|negative)\s+$/i.exec(textBefore(text, start));
    if (sign && (/^\d/.test(match.text) || /\p{L}/u.test(sign[0]))) {
      const last = candidates.at(-1) as Candidate;
      last.start -= sign[0].trimStart().length;
      last.value = -last.value;
    }
  }
  for (const match of text.matchAll(ORDINAL_EXPRESSION)) {
    const value = parseOrdinal(match[0]);
    // "First" and "last" are adverbs and idioms far more often than ranks ("at first", "first time").
    if (value === null || value === 1 || /^-/.test(text.slice(match.index + match[0].length))) continue;
    const isWord = /^\p{L}/u.test(match[0]);
    // A word ordinal is a rank only between a determiner and a noun ("her second son"); after "a" it means "another" ("a second quake") or is a unit of time ("wait a second").
    if (isWord && !/\b(?:the|its|his|her|their|our|my|your)\s+$/i.test(textBefore(text, match.index))) continue;
    // "the second quarter", "the first half": a part of the year, said as a date, not a rank.
    if (/^\s+(?:quarter|half)\b/i.test(text.slice(match.index + match[0].length))) continue;
    candidates.push({
      start: match.index,
      end: match.index + match[0].length,
      value,
      valueMax: null,
      number: { start: match.index, end: match.index + match[0].length },
      kind: 'ordinal',
      between: false,
    });
  }
  // "in her 70s", "in their early 20s": an age between the decade's bounds.
  for (const match of text.matchAll(/\b(?:his|her|their|my|your|our)\s+(?:early\s+|mid-?\s*|late\s+)?(?<decade>[1-9]0)['’]?s\b/gi)) {
    const decade = match.groups?.decade as string;
    const start = match.index + match[0].length - decade.length - (match[0].endsWith("'s") || match[0].endsWith('’s') ? 2 : 1);
    candidates.push({
      start,
      end: match.index + match[0].length,
      value: Number(decade),
      valueMax: Number(decade) + 9,
      number: { start, end: match.index + match[0].length },
      kind: 'measure',
      between: false,
    });
  }
  // "half an hour", "less than a year": an article as the number of a duration, only when it is measured ("a year later" is no figure).
  for (const match of text.matchAll(
    /\b(?<half>half\s+)?(?<article>an?)\s+(?<unit>hour|year|month|week|day|minute|decade|century|mile|kilometre|kilometer)\b/gi,
  )) {
    const half = match.groups?.half !== undefined;
    const before = textBefore(text, match.index);
    if (!half && !QUALIFIERS_BEFORE.some(([pattern]) => pattern.test(before))) continue;
    const unit = match.groups?.unit as string;
    const end = match.index + match[0].length - unit.length - 1;
    candidates.push({ start: match.index, end, value: half ? 0.5 : 1, valueMax: null, number: { start: match.index, end }, kind: 'count', between: false });
  }
  for (const match of text.matchAll(GLUED_MEASURE)) {
    const end = match.index + match[0].length;
    // A unit after a space is found with the number itself; here only units glued on.
    if (/^\s/.test(text.slice(end))) continue;
    const value = parseNumber(match[0], conventions);
    if (value === null) continue;
    candidates.push({ start: match.index, end, value, valueMax: null, number: { start: match.index, end }, kind: 'count', between: false });
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/**
 * Finds the figures of one passage; dates and entity mentions (`taken`, those
 * of this passage) are never figures.
 */
export function findFigures(
  document: PipelineDocument,
  analysis: PassageAnalysis,
  passageIndex: number,
  taken: readonly Span[],
  conventions: NumberConventions,
): FigureExpression[] {
  const text = analysis.text;
  const offset = analysis.offset;
  const isHeading = document.passages[passageIndex]?.isHeading ?? false;
  const figures: FigureExpression[] = [];
  const phoneNumbers = [...text.matchAll(PHONE_NUMBER)]
    .filter((match) => match[0].replace(/\D/g, '').length >= 7)
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
  for (const candidate of findCandidates(text, conventions)) {
    let { start, end, kind } = candidate;
    const valueMax = candidate.valueMax;
    const numberText = text.slice(candidate.number.start, candidate.number.end);
    if (
      NOT_A_FIGURE_AFTER.test(text.slice(end)) ||
      /\d[:.]$/.test(textBefore(text, candidate.number.start)) ||
      IDENTIFIER_BEFORE.test(textBefore(text, start)) ||
      overlapsAny(candidate.number, phoneNumbers)
    )
      continue;
    let unit: string | null = kind === 'measure' ? 'years' : null;
    if (kind === 'count') {
      const rest = text.slice(end);
      const currencyBefore = CURRENCY_BEFORE.exec(textBefore(text, start));
      const currencyAfter = CURRENCY_AFTER.exec(rest);
      const percent = PERCENT_AFTER.exec(rest);
      const measure = MEASURE_AFTER.exec(rest);
      if (percent) {
        kind = 'percent';
        unit = /point/i.test(percent[0]) ? 'percentage points' : 'percent';
        end += percent[0].length;
      } else if (currencyBefore) {
        kind = 'money';
        const symbol = currencyBefore[0].trim();
        unit = CURRENCY_SYMBOLS.find(([candidateSymbol]) => candidateSymbol === symbol)?.[1] ?? symbol;
        start -= currencyBefore[0].length;
      } else if (currencyAfter) {
        kind = 'money';
        const word = currencyAfter[0].trim().toLowerCase();
        unit = CURRENCY_WORDS.find(([candidateWord]) => candidateWord.toLowerCase() === word)?.[1] ?? word;
        end += currencyAfter[0].length;
      } else if (measure && (/^\d/.test(numberText) || (measure[1] !== '' && !DIGIT_ONLY_UNITS.has(measure[2] as string)))) {
        // Letter units ("m", "g") and units glued on ("5km") only follow digits: after "five" they are words.
        const unitWord = measure[2] as string;
        kind = 'measure';
        unit = TIME_UNITS.has(unitWord.toLowerCase()) ? unitWord.toLowerCase() : unitWord;
        end += measure[0].length;
      }
    }
    if (candidate.between) start -= (/\b(?:between|from)\s+$/i.exec(textBefore(text, start)) ?? [''])[0].length;
    let qualifier: FigureQualifier = 'exact';
    for (const [pattern, name] of QUALIFIERS_BEFORE) {
      const found = pattern.exec(textBefore(text, start));
      if (found) {
        qualifier = name;
        start -= found[0].length;
        break;
      }
    }
    if (qualifier === 'exact') {
      for (const [pattern, name] of QUALIFIERS_AFTER) {
        const found = pattern.exec(text.slice(end));
        if (found) {
          qualifier = name;
          end += found[0].length;
          break;
        }
      }
    }
    const span = { start: offset + start, end: offset + end };
    const numberSpan = { start: offset + candidate.number.start, end: offset + candidate.number.end };
    if (overlapsAny(numberSpan, taken) || overlapsAny(span, figures)) continue;
    // A digit string too long for a double ("999…" of a thousand digits) parses to Infinity: not a figure anyone can use, and not a valid row.
    if (!Number.isFinite(candidate.value) || (valueMax !== null && !Number.isFinite(valueMax))) continue;
    if (
      kind === 'count' &&
      /^\d{4}$/.test(numberText) &&
      valueMax === null &&
      Number(numberText) >= 1900 &&
      Number(numberText) <= 2099 &&
      qualifier === 'exact'
    )
      continue;
    if ((kind === 'count' || kind === 'ordinal') && isInName(analysis, numberSpan, document.text, isHeading)) continue;
    let item: string | null = null;
    if (kind === 'count') item = findItem(analysis, span, document.text);
    else if (kind === 'ordinal') item = findItemAfter(analysis.tokens, span.end, document.text);
    else if (kind === 'measure' && candidate.kind === 'measure') item = 'age';
    if (kind === 'ordinal' && item === null) continue;
    figures.push({ ...span, passageIndex, text: document.text.slice(span.start, span.end), value: candidate.value, valueMax, qualifier, kind, unit, item });
  }
  return figures;
}

/** Finds numeric figures (counts, percentages, money, measures, ordinals) with their qualifier and counted item. */
export const extractFigures: DocumentStage = {
  kind: 'document',
  name: 'extractFigures',
  options: extractFiguresOptions,
  requires: ['document.analyses', 'document.dates', 'document.mentions'],
  assigns: ['document.figures'],
  run(document, config) {
    // Grouped once, so each passage checks only its own dates and mentions.
    const dates = groupByPassage(document.dates, document.passages.length);
    const mentions = groupByPassage(document.mentions, document.passages.length);
    // The decimal mark and space grouping are the whole document's: one "3,5" decides how its "1,250" reads.
    const conventions = numberConventions(document.text, config.extractFigures.decimalSeparator);
    document.figures = document.analyses.flatMap((analysis, index) =>
      findFigures(document, analysis, index, [...(dates[index] ?? []), ...(mentions[index] ?? [])], conventions),
    );
  },
};
