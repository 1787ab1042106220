import type * as chrono from 'chrono-node';
import { DATE_PARSER, DateTag, FUTURE, taggedGranularity } from '../dates/parsers.ts';
import type { DateExpression, PipelineDocument, Span } from '../document.ts';
import { diagnosticOn } from '../diagnostics.ts';
import { MessageCode, type DateGranularity, type DateKind } from '../schemas/index.ts';
import type { DocumentStage } from '../stage.ts';
import type { PassageAnalysis, Token } from '../text/analysis.ts';
import { utcDate } from '../schemas/calendar-day.ts';
import {
  centuryValue,
  dayValue,
  decadeValue,
  monthValue,
  parseIsoDay,
  quarterValue,
  rangeValue,
  weekValue,
  yearValue,
  type CalendarValue,
} from '../text/calendar.ts';
import { textBefore } from '../text/context.ts';
import { MEASURE_UNIT_WORD } from '../text/units.ts';
import { MONTHS, SEASONS } from '../text/vocabulary.ts';
import { extractDatesOptions } from './options/extract-dates.ts';

/** The reference for a document: the day and how it was found. */
export interface DocumentReference {
  date: string;
  source: 'published' | 'text' | 'config';
}

/** A chrono reference instant for a day: noon UTC, so no time zone moves it to another day. */
const instantOf = (day: string): chrono.ParsingReference => {
  const { year, month, day: dayOfMonth } = parseIsoDay(day);
  return { instant: utcDate(year, month - 1, dayOfMonth, 12), timezone: 0 };
};
/** Reference for finding spans before the real one is known; explicit dates do not depend on it. */
const NEUTRAL_REFERENCE = '2000-01-01';

const MONTH_NAMES = new RegExp(String.raw`\b(?:${MONTHS.join('|')})\b`, 'gi');
/** Words before a month name standing alone that make it a date ("in May", "since March"); without them "May" is a verb or a name. */
const MONTH_CUE =
  /(?:\b(?:in|since|until|till|by|from|through|to|during|before|after|of|early|late|mid|between|and|or|last|next|this|throughout|until|in early|in late)[\s-]+|[-–—]\s*)$/i;
/** Prepositions chrono takes into a span ("on 8 March"); the date is what follows. */
const LEADING_PREPOSITION = /^(?:on|at|in|by|since|from|until|during|of|for)\s+/i;
/** Modifiers that belong to the expression, before it: "the beginning of 2021", "early 2021", "mid-January", "about 2010". */
const MODIFIER_BEFORE =
  /(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|turn|close)\s+of\s+|(?:the\s+)?(?:early|late|mid)[-\s]|mid-|(?:about|around|approximately|roughly|circa|c\.)\s+)$/i;
/** "earlier this year", "later this month": said of a period relative to now, the adverb belongs to it. */
const ADVERB_BEFORE_RELATIVE = /\b(?:earlier|later)\s+$/i;
const APPROXIMATE_MODIFIER = /^(?:the\s+)?(?:early|late|mid|about|around|approximately|roughly|circa|c\.)/i;
/**
 * A bare year that is part of a name ("Windows 2000", "Vision 2030") follows a capitalised word mid-sentence; not
 * one of these, written with a capital (not in capitals), which date it ("In 2016", "Fiscal 2016", "March 2016").
 */
const WORDS_BEFORE_A_YEAR: ReadonlySet<string> = new Set(
  [
    'in',
    'since',
    'by',
    'until',
    'from',
    'before',
    'after',
    'during',
    'around',
    'of',
    'the',
    'and',
    'or',
    'between',
    'through',
    'early',
    'late',
    'mid',
    'fiscal',
    'year',
    ...SEASONS,
    ...MONTHS,
  ].map((word) => word.charAt(0).toUpperCase() + word.slice(1)),
);
/** Counting words before a number: "more than 2000" counts, it does not date. */
const QUANTITY_BEFORE =
  /\b(?:more than|fewer than|less than|at least|up to|over|about|nearly|almost|some|roughly|approximately|around|total of|number of|No\.|number|#)\s*$/i;

function calendarValue(parsed: chrono.ParsedComponents, granularity: DateGranularity): CalendarValue {
  const year = parsed.get('year') as number;
  const month = parsed.get('month') as number;
  const day = parsed.get('day') as number;
  switch (granularity) {
    case 'day':
      return dayValue(year, month, day);
    case 'week':
      return weekValue(year, month, day);
    case 'month':
      return monthValue(year, month);
    case 'quarter':
      return quarterValue(year, Math.floor((month - 1) / 3) + 1);
    case 'year':
      return yearValue(year);
    case 'decade':
      return decadeValue(year);
    case 'century':
      return centuryValue(year);
  }
}

/** The granularity a component is said at: a parser's tag, else the finest part chrono is certain of. */
function granularityOf(parsed: chrono.ParsedComponents): DateGranularity | null {
  const tagged = taggedGranularity(parsed);
  if (tagged !== null) return tagged;
  if (parsed.isCertain('day')) return 'day';
  if (parsed.isCertain('month')) return 'month';
  if (parsed.isCertain('year')) return 'year';
  return null;
}

/** What a chrono result means, before any span adjustment. */
interface Reading {
  value: CalendarValue;
  kind: DateKind;
  /** Needs a reference: relative, or without a year. */
  needsReference: boolean;
  /** Resolved against the previous date in the text rather than the document's reference. */
  anaphoric: boolean;
  approximate: boolean;
}

function read(result: chrono.ParsedResult): Reading | null {
  const startGranularity = granularityOf(result.start);
  if (startGranularity === null) return null;
  const tags = new Set([...result.tags(), ...result.start.tags()]);
  const relative = tags.has(DateTag.relative);
  const yearCertain = result.start.isCertain('year') || (result.end?.isCertain('year') ?? false);
  const start = calendarValue(result.start, startGranularity);
  let value = start;
  if (result.end) {
    const endGranularity = granularityOf(result.end);
    if (endGranularity === null) return null;
    value = rangeValue(start, calendarValue(result.end, endGranularity));
    if (value.startDate > value.endDate) return null;
  }
  return {
    value,
    kind: result.end ? 'range' : relative ? 'relative' : 'date',
    needsReference: relative || !yearCertain || tags.has(DateTag.yearless),
    anaphoric: tags.has(DateTag.anaphoric),
    approximate: tags.has(DateTag.approximate),
  };
}

/** Prepositions that look ahead from the time of writing ("from October", "until June"): a year-less month after them keeps the nearest year. */
const PROSPECTIVE_BEFORE = /\b(?:from|until|till|by|through|to|before)\s+(?:(?:early|late|mid)[-\s]+)?$/i;

/**
 * The year of a month said without one ("in May", "since October"). News
 * reports what has happened: the month is the latest one not after the
 * reference, unless its sentence speaks of the future ("will reopen in May")
 * or a preposition looks ahead ("from October"), where it is the nearest one
 * (chrono's reading, kept).
 */
function leanYearlessMonth(value: CalendarValue, passageText: string, index: number, reference: string): CalendarValue {
  const sentence = passageText.slice(Math.max(passageText.lastIndexOf('. ', index), 0), index);
  if (FUTURE.test(sentence) || PROSPECTIVE_BEFORE.test(sentence)) return value;
  const { year, month } = parseIsoDay(value.startDate);
  const referenceDay = parseIsoDay(reference);
  const latestYear = month <= referenceDay.month ? referenceDay.year : referenceDay.year - 1;
  return year === latestYear ? value : monthValue(latestYear, month);
}

/** The token right after a span, when nothing but spaces separates them. */
function tokenAfter(tokens: readonly Token[], end: number, text: string): Token | null {
  const next = tokens.find((token) => token.start >= end);
  return next !== undefined && text.slice(end, next.start).trim() === '' ? next : null;
}

/** The token right before a span. */
function tokenBefore(tokens: readonly Token[], start: number): Token | null {
  return tokens.findLast((token) => token.end <= start) ?? null;
}

/** A unit of measure right after a number ("2016 km"). */
const UNIT_AFTER = new RegExp(`^\\s+${MEASURE_UNIT_WORD}`, 'iu');

/**
 * Whether a year standing alone is a year: not a count ("1999 people", "more
 * than 2000"), not a measure ("2000 km"), not part of a name ("Windows 2000").
 */
function isYearInContext(document: PipelineDocument, analysis: PassageAnalysis | undefined, span: Span): boolean {
  const before = document.text.slice(Math.max(0, span.start - 30), span.start);
  if (QUANTITY_BEFORE.test(before)) return false;
  const after = document.text.slice(span.end, span.end + 30);
  if (UNIT_AFTER.test(after) || /^\s*(?:percent|per cent|people|persons)\b/i.test(after)) return false;
  if (analysis === undefined) return true;
  const next = tokenAfter(analysis.tokens, span.end, document.text);
  const previous = tokenBefore(analysis.tokens, span.start);
  const determined = previous !== null && /^(?:the|a|an|its|his|her|their|our|this|that|last|next)$/i.test(previous.normal);
  if (next?.tags.has('Plural') && !next.tags.has('ProperNoun') && !determined) return false;
  if (previous !== null && previous.sentence === analysis.tokens.find((token) => token.start >= span.start)?.sentence) {
    const isFirstOfSentence = analysis.tokens.find((token) => token.sentence === previous.sentence) === previous;
    if (
      /^\p{Lu}/u.test(previous.text) &&
      !isFirstOfSentence &&
      !WORDS_BEFORE_A_YEAR.has(previous.text) &&
      document.text.slice(previous.end, span.start).trim() === ''
    )
      return false;
  }
  return true;
}

/** Checks a chrono span against the words around it: month names as verbs or names, dates written in lower case, numeric dates without a year. */
function isCalendarSpan(text: string, result: chrono.ParsedResult, passageText: string): boolean {
  for (const month of text.matchAll(MONTH_NAMES)) if (!/^\p{Lu}/u.test(month[0])) return false;
  const onlyMonth = result.start.isCertain('month') && !result.start.isCertain('day') && !result.start.isCertain('year') && !result.end;
  if (onlyMonth && /^[A-Za-z]+$/.test(text)) {
    if (text.length <= 4 && text.toLowerCase() !== 'may' && text.toLowerCase() !== 'june' && text.toLowerCase() !== 'july') return false;
    if (!MONTH_CUE.test(textBefore(passageText, result.index))) return false;
  }
  // "3/4" and "12-5" are fractions and scores far more often than dates.
  if (/^[\d/.-]+$/.test(text) && !result.start.isCertain('year')) return false;
  return true;
}

/** Narrows a chrono span to the expression and widens it over modifiers before it. */
function adjustSpan(passageText: string, index: number, text: string): { start: number; end: number; approximate: boolean } {
  let start = index;
  let end = index + text.length;
  const preposition = LEADING_PREPOSITION.exec(text);
  if (preposition) start += preposition[0].length;
  while (end > start && /[\s,]/.test(passageText[end - 1] as string)) end--;
  const modifier =
    MODIFIER_BEFORE.exec(textBefore(passageText, start)) ??
    (/^(?:this|last|next)\s/i.test(passageText.slice(start, end)) ? ADVERB_BEFORE_RELATIVE.exec(textBefore(passageText, start)) : null);
  let approximate = false;
  if (modifier) {
    start -= modifier[0].length;
    approximate = APPROXIMATE_MODIFIER.test(modifier[0]);
  }
  return { start, end, approximate };
}

const DATE_BEFORE_LABEL = /\b(?:published|posted|updated|dated|date|issued)\s*(?:on|:)?\s*$/i;
/** A dateline: a place in capitals, maybe its country, maybe an agency, then the date and a dash ("WASHINGTON, Jan. 5, 2016 (Reuters) -", "FRANKFURT, Germany, Oct. 26 (AP) —"). */
const DATELINE_PLACE = /^\s*(?:\p{Lu}[\p{Lu}\p{M} .'-]+(?:,\s*\p{Lu}[\p{L}\p{M} .'-]*)?|\p{Lu}[\p{L}\p{M} .'-]+\s*\([^)]*\))\s*,?\s*$/u;

/**
 * chrono's readings of a document's passages, by passage and reference day.
 * Finding the text reference, a year-less dateline and the dates (twice,
 * when relative dates were left over) read the same passages against the
 * same reference; each reading is made once.
 */
class PassageReadings {
  private readonly readings = new Map<string, chrono.ParsedResult[]>();

  constructor(private readonly document: PipelineDocument) {}

  read(passageIndex: number, reference: string): chrono.ParsedResult[] {
    const key = `${passageIndex}|${reference}`;
    let results = this.readings.get(key);
    if (results === undefined) {
      const passage = this.document.passages[passageIndex] as Span;
      results = DATE_PARSER.parse(this.document.text.slice(passage.start, passage.end), instantOf(reference), { forwardDate: false });
      this.readings.set(key, results);
    }
    return results;
  }
}

/**
 * A publication date or dateline near the top of the text: a date labelled
 * "Published"/"Posted"/"Updated", a date standing as a line of its own, or a
 * date after a place in capitals ("WASHINGTON, Jan. 5, 2016 -"). Only dates
 * with a day and a year count.
 */
export function findTextReference(document: PipelineDocument, readings = new PassageReadings(document)): string | null {
  for (const [passageIndex, passage] of document.passages.slice(0, 4).entries()) {
    if (passage.start > 1000) break;
    const text = document.text.slice(passage.start, passage.end);
    for (const result of readings.read(passageIndex, NEUTRAL_REFERENCE)) {
      if (!(result.start.isCertain('day') && result.start.isCertain('year')) || result.end) continue;
      const before = text.slice(0, result.index);
      const after = text.slice(result.index + result.text.length);
      const alone = before.trim() === '' && /^\s*(?:[|,·•-]|\d{1,2}[:.]\d\d|$)/.test(after) && text.length <= 80;
      const labelled = DATE_BEFORE_LABEL.test(before);
      const dateline = DATELINE_PLACE.test(before) && /^\s*(?:\([^)]*\)\s*)?[-–—]/.test(after);
      if (alone || labelled || dateline)
        return dayValue(result.start.get('year') as number, result.start.get('month') as number, result.start.get('day') as number).value;
    }
  }
  return yearlessDateline(document, readings);
}

/**
 * A dateline that gives the day without the year ("NEW YORK, March 3 (AP) —"),
 * placed in the year of the document: the latest year of the explicit dates
 * the text reports as past. Dates in sentences about the future ("will
 * average 2.1% in 2025") and after "until"/"by" ("extended until March 2025")
 * are left out, since news looks ahead from the day it is written.
 */
function yearlessDateline(document: PipelineDocument, readings: PassageReadings): string | null {
  const first = document.passages[0];
  if (first === undefined || first.start > 1000) return null;
  const firstText = document.text.slice(first.start, first.end);
  const dateline = readings
    .read(0, NEUTRAL_REFERENCE)
    .find(
      (result) =>
        result.start.isCertain('day') &&
        result.start.isCertain('month') &&
        !result.start.isCertain('year') &&
        !result.end &&
        DATELINE_PLACE.test(firstText.slice(0, result.index)) &&
        /^\s*(?:\([^)]*\)\s*)?[-–—]/.test(firstText.slice(result.index + result.text.length)),
    );
  if (dateline === undefined) return null;
  let year: number | null = null;
  for (const [passageIndex, passage] of document.passages.entries()) {
    const text = document.text.slice(passage.start, passage.end);
    for (const result of readings.read(passageIndex, NEUTRAL_REFERENCE)) {
      if (!result.start.isCertain('year') || result.start.tags().has(DateTag.relative)) continue;
      const granularity = granularityOf(result.start);
      if (granularity === 'decade' || granularity === 'century') continue;
      const sentence = text.slice(Math.max(text.lastIndexOf('. ', result.index), 0), result.index);
      if (FUTURE.test(sentence) || PROSPECTIVE_BEFORE.test(sentence)) continue;
      const resultYear = (result.end ?? result.start).get('year') as number;
      if (year === null || resultYear > year) year = resultYear;
    }
  }
  return year === null ? null : dayValue(year, dateline.start.get('month') as number, dateline.start.get('day') as number).value;
}

/**
 * Finds the dates of a document and resolves them. Explicit dates stand
 * alone. Year-less and relative ones use the document's reference (its
 * publication date or a dateline), else the nearest preceding explicit date,
 * else the configured default, else `fallbackReference`; "the same day",
 * "two weeks later" and the like use the previous date the text mentions.
 * Returns the dates and the number left out for want of a reference.
 */
export function findDates(
  document: PipelineDocument,
  defaultReference: string | null,
  documentReference: string | null,
  fallbackReference: string | null = null,
  readings = new PassageReadings(document),
): { dates: DateExpression[]; unresolved: number } {
  const dates: DateExpression[] = [];
  let nearestExplicit: string | null = null;
  let lastMentioned: string | null = null;
  let unresolved = 0;
  document.passages.forEach((passage, passageIndex) => {
    const passageText = document.text.slice(passage.start, passage.end);
    const analysis = document.analyses[passageIndex];
    const parseWith = (reference: string): chrono.ParsedResult[] => readings.read(passageIndex, reference);
    for (const found of parseWith(documentReference ?? nearestExplicit ?? defaultReference ?? fallbackReference ?? NEUTRAL_REFERENCE)) {
      let reading = read(found);
      if (reading === null || !isCalendarSpan(found.text.replace(LEADING_PREPOSITION, ''), found, passageText)) continue;
      let reference: string | null = null;
      if (reading.needsReference) {
        reference = reading.anaphoric
          ? (lastMentioned ?? documentReference ?? nearestExplicit ?? defaultReference ?? fallbackReference)
          : (documentReference ?? nearestExplicit ?? defaultReference ?? fallbackReference);
        if (reference === null) {
          unresolved++;
          continue;
        }
        // Parse again against the right reference: the whole passage, so each expression keeps its context.
        const again = parseWith(reference).find((result) => result.index === found.index && result.text === found.text);
        reading = again === undefined ? null : read(again);
        if (reading === null) continue;
        const yearlessMonth =
          reading.kind === 'date' && reading.value.granularity === 'month' && !found.start.isCertain('year') && !found.start.tags().has(DateTag.relative);
        if (yearlessMonth) reading.value = leanYearlessMonth(reading.value, passageText, found.index, reference);
      }
      const adjusted = adjustSpan(passageText, found.index, found.text);
      const span = { start: passage.start + adjusted.start, end: passage.start + adjusted.end };
      if (found.start.tags().has(DateTag.bareYear) && !isYearInContext(document, analysis, span)) continue;
      const { value, startDate, endDate, granularity } = reading.value;
      dates.push({
        ...span,
        passageIndex,
        text: document.text.slice(span.start, span.end),
        value,
        startDate,
        endDate,
        granularity,
        kind: reading.kind,
        approximate: reading.approximate || adjusted.approximate,
        referenceDate: reference,
      });
      if (granularity === 'day' || granularity === 'week' || granularity === 'month' || granularity === 'year') {
        lastMentioned = startDate;
        if (!reading.needsReference && reading.kind === 'date') nearestExplicit = startDate;
      }
    }
  });
  return { dates, unresolved };
}

/**
 * The reference recorded for the document: its publication date, else a
 * dateline, else the latest calendar date in the text (the article was
 * written after what it reports), else the configured default.
 */
export function recordedReference(
  published: string | null,
  textReference: string | null,
  dates: readonly DateExpression[],
  defaultReference: string | null,
): DocumentReference | null {
  if (published !== null) return { date: published, source: 'published' };
  if (textReference !== null) return { date: textReference, source: 'text' };
  const calendarDates = dates.filter(
    (date) => date.kind === 'date' && (date.granularity === 'day' || date.granularity === 'month' || date.granularity === 'year'),
  );
  const latest = calendarDates
    .map((date) => date.startDate)
    .sort()
    .at(-1);
  if (latest !== undefined) return { date: latest, source: 'text' };
  return defaultReference === null ? null : { date: defaultReference, source: 'config' };
}

/** Finds and resolves temporal expressions with chrono-node and our parsers for it. */
export const extractDates: DocumentStage = {
  kind: 'document',
  name: 'extractDates',
  options: extractDatesOptions,
  requires: ['document.passages', 'document.analyses', 'document.published'],
  assigns: ['document.dates', 'document.referenceDate'],
  run(document, config) {
    const defaultReference = config.extractDates.defaultReferenceDate;
    const readings = new PassageReadings(document);
    const textReference = document.published === null ? findTextReference(document, readings) : null;
    let { dates, unresolved } = findDates(document, defaultReference, document.published ?? textReference, null, readings);
    const reference = recordedReference(document.published, textReference, dates, defaultReference);
    if (unresolved > 0 && reference !== null) {
      // Relative dates before any explicit one: the date recorded as the document's reference (the latest date of the text) stands in for the publication date.
      ({ dates, unresolved } = findDates(document, defaultReference, document.published ?? textReference, reference.date, readings));
    }
    if (unresolved > 0)
      document.warnings.push(
        diagnosticOn(
          'warning',
          MessageCode.DATE_UNRESOLVED,
          document.source,
          `${unresolved} year-less or relative date(s) left out: the text has no publication date and no explicit date to resolve them against; set extractDates.defaultReferenceDate, or give the document a published date`,
        ),
      );
    document.dates = dates;
    document.referenceDate = reference?.date ?? null;
    document.referenceSource = reference?.source ?? null;
  },
};
