import * as chrono from 'chrono-node';
import type { DateExpression, PipelineDocument, Span } from '../document.ts';
import { formatMessage, MessageCode } from '../messages.ts';
import type { DateKind } from '../schemas/index.ts';
import type { DocumentStage } from '../stage.ts';
import { dayValue, decadeValue, monthValue, parseIsoDay, rangeValue, yearValue, type CalendarValue } from '../text/calendar.ts';

/** A date found in a passage, before the document's reference is applied. */
interface DateCandidate extends Span {
  /** Resolves the expression against a reference day (YYYY-MM-DD); null when it needs none. */
  resolve: (reference: string | null) => (CalendarValue & { kind: DateKind }) | null;
  /** True when the expression names its year itself (it can serve as a reference). */
  explicit: boolean;
  approximate: boolean;
}

const YEAR = '(1[5-9]\\d\\d|20\\d\\d)';
/** "1966-1976", "1966–76", "from 1966 to 1976", "between 1966 and 1976". */
const YEAR_RANGE = new RegExp(`\\b(?:(?:from|between)\\s+)?${YEAR}\\s*(?:[-–—]|\\s+(?:to|and|until|through)\\s+)\\s*(\\d{4}|\\d{2})\\b(?![-–—]?\\d)`, 'gi');
/** "1960s", "the 1990s". */
const DECADE = /\b(1[5-9]\d0|20\d0)['’]?s\b/g;
/** A bare year introduced by a preposition or a temporal modifier: "in 1996", "since 2008", "early 2021". */
const BARE_YEAR = new RegExp(`\\b(?:in|since|by|of|until|till|from|before|after|during|around|circa|year|early|mid|late|beginning of|end of|the start of|the end of|the beginning of)[\\s-]+${YEAR}\\b(?![-–—/.,]?\\d)`, 'gi');
const APPROXIMATE_BEFORE = /\b(?:about|around|approximately|roughly|nearly|almost|some|circa|early|mid|late)[\s-]+$/i;
const DURATION_BEFORE = /\b(?:for|lasting|over the (?:past|last))\s+$/i;
const RELATIVE_WORDS = /\b(?:ago|last|next|this|previous|following|later|earlier|before|after|yesterday|today|tomorrow|tonight|now)\b/i;

function calendarFromComponents(components: chrono.ParsedComponents): CalendarValue | null {
  const year = components.get('year');
  const month = components.get('month');
  const day = components.get('day');
  if (year === null || month === null || day === null) return null;
  if (components.isCertain('day')) return dayValue(year, month, day);
  if (components.isCertain('month')) return monthValue(year, month);
  if (components.isCertain('year')) return yearValue(year);
  return null;
}

const toChronoReference = (reference: string): Date => {
  const { year, month, day } = parseIsoDay(reference);
  return new Date(Date.UTC(year, month - 1, day, 12));
};

/** chrono-node finds the calendar expressions; durations and times of day alone are left out. */
function chronoCandidates(text: string, offset: number): DateCandidate[] {
  // Parse once with a neutral reference to find spans; resolve later against the document reference.
  const results = chrono.parse(text, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 }, { forwardDate: false });
  const candidates: DateCandidate[] = [];
  for (const result of results) {
    const components = result.start;
    if (!components.isCertain('day') && !components.isCertain('month') && !components.isCertain('year') && !components.isCertain('weekday')) continue;
    const before = text.slice(0, result.index);
    if (DURATION_BEFORE.test(before)) continue;
    let start = result.index;
    // chrono leaves "last"/"next"/"this" outside "last August"; take it in and resolve it ourselves.
    const modifier = /\b(last|next|this)\s+$/i.exec(before);
    const monthOnly = components.isCertain('month') && !components.isCertain('day') && !components.isCertain('year');
    if (modifier && monthOnly) start = modifier.index;
    const spanText = text.slice(start, result.index + result.text.length);
    const explicit = components.isCertain('year') && !RELATIVE_WORDS.test(spanText);
    const approximate = APPROXIMATE_BEFORE.test(text.slice(0, start)) || /^(?:about|around|approximately)\b/i.test(spanText);
    candidates.push({
      start: offset + start,
      end: offset + result.index + result.text.length,
      explicit,
      approximate,
      resolve(reference) {
        if (explicit) {
          const value = calendarFromComponents(components);
          const endValue = result.end ? calendarFromComponents(result.end) : null;
          if (value === null) return null;
          return endValue ? { ...rangeValue(value, endValue), kind: 'range' } : { ...value, kind: 'date' };
        }
        if (reference === null) return null;
        const reparsed = chrono.parse(result.text, { instant: toChronoReference(reference), timezone: 0 }, { forwardDate: false })[0];
        if (!reparsed) return null;
        let value = calendarFromComponents(reparsed.start);
        if (value === null) return null;
        if (modifier && monthOnly && value.granularity === 'month') {
          const { year: referenceYear, month: referenceMonth } = parseIsoDay(reference);
          const month = reparsed.start.get('month') as number;
          const word = (modifier[1] as string).toLowerCase();
          const year = word === 'last' ? (month < referenceMonth ? referenceYear : referenceYear - 1) : word === 'next' ? (month > referenceMonth ? referenceYear : referenceYear + 1) : referenceYear;
          value = monthValue(year, month);
        }
        return { ...value, kind: 'relative' };
      },
    });
  }
  return candidates;
}

/** Year-level expressions chrono does not read: year ranges, decades, bare years after a preposition. */
function yearCandidates(text: string, offset: number): DateCandidate[] {
  const candidates: DateCandidate[] = [];
  const fixed = (start: number, end: number, value: CalendarValue, kind: DateKind): DateCandidate => ({
    start: offset + start,
    end: offset + end,
    explicit: true,
    approximate: APPROXIMATE_BEFORE.test(text.slice(0, start)),
    resolve: () => ({ ...value, kind }),
  });
  for (const match of text.matchAll(YEAR_RANGE)) {
    const from = Number(match[1]);
    const toText = match[2] as string;
    const to = toText.length === 2 ? Math.floor(from / 100) * 100 + Number(toText) : Number(toText);
    if (to <= from || to - from > 200) continue;
    candidates.push(fixed(match.index, match.index + match[0].length, rangeValue(yearValue(from), yearValue(to)), 'range'));
  }
  for (const match of text.matchAll(DECADE)) {
    candidates.push(fixed(match.index, match.index + match[0].length, decadeValue(Number(match[1])), 'date'));
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    const yearText = match[1] as string;
    const yearStart = match.index + match[0].length - yearText.length;
    const prefix = match[0].slice(0, -yearText.length).trim().toLowerCase();
    // Temporal modifiers belong to the expression ("the beginning of 2021"); prepositions do not.
    const partOfExpression = /^(?:early|mid|late|beginning of|end of|the start of|the end of|the beginning of)$/.test(prefix);
    candidates.push(fixed(partOfExpression ? match.index : yearStart, yearStart + yearText.length, yearValue(Number(yearText)), 'date'));
  }
  return candidates;
}

/** Drops candidates inside or overlapping a longer one. */
function keepLongest(candidates: DateCandidate[]): DateCandidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateCandidate[] = [];
  for (const candidate of sorted) if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) kept.push(candidate);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds the dates of a document and resolves them: explicit dates stand alone;
 * year-less and relative ones use the publication date, else the nearest
 * preceding explicit date, else the configured default.
 */
export function findDates(document: PipelineDocument, defaultReference: string | null): DateExpression[] {
  const dates: DateExpression[] = [];
  let nearestExplicit: string | null = null;
  let unresolved = 0;
  document.passages.forEach((passage, passageIndex) => {
    const text = document.text.slice(passage.start, passage.end);
    const candidates = keepLongest([...chronoCandidates(text, passage.start), ...yearCandidates(text, passage.start)]);
    for (const candidate of candidates) {
      const reference = candidate.explicit ? null : (document.published ?? nearestExplicit ?? defaultReference);
      const resolved = candidate.resolve(reference);
      if (resolved === null) {
        unresolved++;
        continue;
      }
      if (candidate.explicit && (resolved.granularity === 'day' || resolved.granularity === 'month')) nearestExplicit = resolved.startDate;
      const { value, startDate, endDate, granularity, kind } = resolved;
      dates.push({ start: candidate.start, end: candidate.end, passageIndex, text: document.text.slice(candidate.start, candidate.end), value, startDate, endDate, granularity, kind, approximate: candidate.approximate, referenceDate: reference });
    }
  });
  if (unresolved > 0) document.warnings.push(formatMessage(MessageCode.DATE_UNRESOLVED, `${unresolved} year-less or relative date(s) left out: no publication date, no earlier explicit date and no extractDates.defaultReferenceDate`));
  return dates;
}

/** The document's reference date: its publication date, else its latest explicit day or month, else the default. */
function documentReference(document: PipelineDocument, dates: DateExpression[], defaultReference: string | null): Pick<PipelineDocument, 'referenceDate' | 'referenceSource'> {
  if (document.published !== null) return { referenceDate: document.published, referenceSource: 'published' };
  const explicit = dates.filter((date) => date.kind === 'date' && date.referenceDate === null && (date.granularity === 'day' || date.granularity === 'month'));
  const latest = explicit.map((date) => date.startDate).sort().at(-1);
  if (latest !== undefined) return { referenceDate: latest, referenceSource: 'text' };
  return defaultReference === null ? { referenceDate: null, referenceSource: null } : { referenceDate: defaultReference, referenceSource: 'config' };
}

/** Finds and resolves temporal expressions with chrono-node. */
export const extractDates: DocumentStage = {
  kind: 'document',
  name: 'extractDates',
  requires: ['document.passages', 'document.published'],
  assigns: ['document.dates', 'document.referenceDate'],
  run(document, config) {
    const defaultReference = config.extractDates.defaultReferenceDate;
    document.dates = findDates(document, defaultReference);
    Object.assign(document, documentReference(document, document.dates, defaultReference));
  },
};
