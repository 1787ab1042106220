/**
 * Custom chrono-node parsers for the calendar expressions news text uses and
 * chrono does not read the way the dataset needs: year ranges, decades,
 * centuries, quarters and halves, bare years, seasons, weekdays resolved the
 * way news uses them, and relative expressions ("last August", "two weeks
 * later", "the same day") with the granularity they are said at.
 *
 * Parsers pass what the stage needs through chrono's tags: the granularity
 * of a component, whether the expression is relative, needs a year from the
 * reference, points back to the previous date (anaphoric) or is approximate.
 */
import * as chrono from 'chrono-node';
import type { DateGranularity } from '../schemas/index.ts';
import { parseIsoDay, shiftDay, weekdayOf, type CalendarUnit } from '../text/calendar.ts';
import { parseNumber } from '../text/numbers.ts';
import { ORDINAL_WORDS as NUMBER_ORDINALS } from '../text/numbers.ts';
import { MONTHS, SEASONS, type Season } from '../text/vocabulary.ts';

/** Tags the parsers set on results and components. */
export const DateTag = {
  /** The expression is relative: its value depends on the reference. */
  relative: 'quarry/relative',
  /** The expression names no year: the year comes from the reference. */
  yearless: 'quarry/yearless',
  /** The expression points back to the previous date in the text ("the same day", "two weeks later"). */
  anaphoric: 'quarry/anaphoric',
  /** The expression is approximate ("about 10 years ago", "early 2021"). */
  approximate: 'quarry/approximate',
  /** A year standing alone, which the stage checks against the words around it. */
  bareYear: 'quarry/bare-year',
  /** Prefix of the granularity tag on a component: `quarry/granularity/week`. */
  granularity: 'quarry/granularity/',
} as const;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Ordinals a date names (centuries and quarters): the number words' ordinals up to twentieth, and "final" or "last" quarter. */
const ORDINAL_WORDS: Record<string, number> = {
  ...Object.fromEntries(Object.entries(NUMBER_ORDINALS).filter(([, value]) => value <= 20)),
  'twenty-first': 21,
  final: 4,
  last: 4,
};
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)`;
/** Nothing glued on either side: no letter, digit or number punctuation ("1,966", "2016.5", "#2016"). */
const LEFT_EDGE = String.raw`(?<![\p{L}\p{N}$£€¥#@/.,:])(?<!(?<!mid)-)`;
const RIGHT_EDGE = String.raw`(?![\p{L}\p{N}%]|[.,:/-]\p{N})`;

/** The reference day (YYYY-MM-DD) chrono was given. */
function referenceDay(context: chrono.ParsingContext): string {
  return context.reference.instant.toISOString().slice(0, 10);
}

/** Components holding a calendar start with every part certain, tagged with the granularity. */
function components(
  context: chrono.ParsingContext,
  parts: { year: number; month?: number; day?: number },
  granularity: DateGranularity,
): chrono.ParsingComponents {
  const result = context.createParsingComponents({ year: parts.year, month: parts.month ?? 1, day: parts.day ?? 1, hour: 12 });
  result.addTag(`${DateTag.granularity}${granularity}`);
  return result;
}

/** A parser from a pattern and an extractor; patterns are case-insensitive and never global (chrono runs them on the text left over). */
function parser(
  source: string,
  extract: (
    context: chrono.ParsingContext,
    groups: Record<string, string | undefined>,
    match: RegExpMatchArray,
  ) => chrono.ParsingComponents | chrono.ParsingResult | null,
): chrono.Parser {
  const pattern = new RegExp(source, 'iu');
  return {
    pattern: () => pattern,
    extract(context, match) {
      // chrono retries from inside a word after a rejected match; the left edge is checked on the whole text.
      const previous = context.text[(match.index ?? 0) - 1];
      if (previous !== undefined && /[\p{L}\p{N}]/u.test(previous)) return null;
      return extract(context, match.groups ?? {}, match);
    },
  };
}

const tagged = (result: chrono.ParsingComponents, ...tags: string[]): chrono.ParsingComponents => result.addTags(tags);

/** "1966-1976", "1966–76", "2015-16", "1966 to 1976", "between 1966 and 1976": a range of years (the preposition stays outside). */
const yearRange = parser(
  String.raw`${LEFT_EDGE}(?<from>${YEAR})\s*(?<connector>[-–—]|\s(?:to|until|till|through|and)\s)\s*(?<to>\d{4}|\d{2})${RIGHT_EDGE}`,
  (context, groups, match) => {
    const from = Number(groups.from);
    const toText = groups.to as string;
    const to = toText.length === 2 ? Math.floor(from / 100) * 100 + Number(toText) : Number(toText);
    if (to <= from || to - from > 200) return null;
    // "and" joins a range only after "between"; "1990 and 1995" alone lists two years.
    if (groups.connector?.trim() === 'and' && !/\bbetween\s+$/i.test(context.text.slice(0, match.index))) return null;
    const result = context.createParsingResult(match.index ?? 0, match[0]);
    result.start = components(context, { year: from }, 'year');
    result.end = components(context, { year: to }, 'year');
    return result;
  },
);

/** "the 1960s", "the early 1990s", "the '90s"; "the 1800s" is a century. The determiner is part of the expression. */
const decade = parser(String.raw`${LEFT_EDGE}(?<the>the\s+)?(?<decade>(?:1[0-9]|20)\d0|['’]\d0)s(?![\p{L}\p{N}])`, (context, groups) => {
  const text = groups.decade as string;
  let firstYear: number;
  if (/^['’]/.test(text)) {
    // A two-digit decade is the latest one not after the reference: "the '90s" is the 1990s, "the '10s" the 2010s in 2020.
    const referenceYear = parseIsoDay(referenceDay(context)).year;
    firstYear = Math.floor(referenceYear / 100) * 100 + Number(text.slice(1));
    if (firstYear > referenceYear) firstYear -= 100;
  } else firstYear = Number(text);
  if (firstYear % 100 === 0 && firstYear !== 2000) return components(context, { year: firstYear }, 'century');
  return components(context, { year: firstYear }, 'decade');
});

/** "the 19th century", "the twentieth century". */
const century = parser(
  String.raw`${LEFT_EDGE}(?<the>the\s+)?(?<ordinal>\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINAL_WORDS)
    .filter((word) => word !== 'final' && word !== 'last')
    .join('|')})[\s-]+century(?![\p{L}])`,
  (context, groups) => {
    const ordinalText = (groups.ordinal as string).toLowerCase();
    const ordinal = /^\d/.test(ordinalText) ? Number.parseInt(ordinalText, 10) : ORDINAL_WORDS[ordinalText];
    if (ordinal === undefined || ordinal < 1 || ordinal > 21) return null;
    return components(context, { year: (ordinal - 1) * 100 }, 'century');
  },
);

/** "the second quarter of 2019", "Q3 2020", "the first half of 2020", "H1 2020", "the first half of this year": only with a year (in sport, "the first quarter" is a period of play). */
const quarterOrHalf = parser(
  String.raw`${LEFT_EDGE}(?:(?<the>the\s+)?(?<ordinal>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?<part>quarter|half)(?:\s+of)?|(?<short>Q[1-4]|H[12])(?:\s+of)?)\s*(?:,\s*)?(?:fiscal\s+)?(?:(?<year>${YEAR})|(?<which>this|last|next)\s+year)${RIGHT_EDGE}`,
  (context, groups, match) => {
    const which = groups.which?.toLowerCase();
    // "the first half of this year": the year is the reference's, moved by "last" or "next".
    const year = which === undefined ? Number(groups.year) : parseIsoDay(referenceDay(context)).year + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
    const short = groups.short;
    if (short !== undefined && !/^[QH]/.test(short)) return null;
    const ordinalText = (groups.ordinal ?? '').toLowerCase();
    const number =
      short !== undefined ? Number(short.slice(1)) : /^\d/.test(ordinalText) ? Number.parseInt(ordinalText, 10) : (ORDINAL_WORDS[ordinalText] as number);
    const isHalf = short !== undefined ? short.startsWith('H') : groups.part?.toLowerCase() === 'half';
    const tags = which === undefined ? [] : [DateTag.relative];
    if (!isHalf) return tagged(components(context, { year, month: (number - 1) * 3 + 1 }, 'quarter'), ...tags);
    if (number > 2) return null;
    const result = context.createParsingResult(match.index ?? 0, match[0]);
    result.start = tagged(components(context, { year, month: number === 1 ? 1 : 7 }, 'month'), ...tags);
    result.end = tagged(components(context, { year, month: number === 1 ? 6 : 12 }, 'month'), ...tags);
    return result;
  },
);

/**
 * A year standing alone ("in 1996", "the 2016 election", "2019 was"). Years
 * 1900-2099 stand alone; older ones need a preposition before them. The stage
 * drops the ones that count something ("1999 people") or sit in a name.
 */
const bareYear = parser(`${LEFT_EDGE}(?<year>${YEAR})${RIGHT_EDGE}`, (context, groups, match) => {
  const year = Number(groups.year);
  const before = context.text.slice(0, match.index);
  if (year < 1900 && !/\b(?:in|since|by|until|till|from|before|after|during|around|circa|of|year|early|mid|late)[\s-]+$/i.test(before)) return null;
  return tagged(components(context, { year }, 'year'), DateTag.bareYear);
});

/** The first month of each season (winter runs into the next year). */
const SEASON_MONTHS: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

/** "summer 2015", "the winter of 1999", "last summer": three months (winter runs into the next year). */
const season = parser(
  String.raw`${LEFT_EDGE}(?:(?<which>last|this|next|this past|this coming)\s+|(?<the>the\s+))?(?<season>${SEASONS.join('|')})(?:\s+(?:of\s+)?(?<year>${YEAR}))?(?![\p{L}\p{N}])`,
  (context, groups, match) => {
    const firstMonth = SEASON_MONTHS[(groups.season as string).toLowerCase() as Season];
    const which = groups.which?.toLowerCase();
    let year: number;
    const tags: string[] = [];
    if (groups.year !== undefined) year = Number(groups.year);
    else if (which !== undefined) {
      const reference = parseIsoDay(referenceDay(context));
      const referenceMonths = reference.year * 12 + reference.month - 1;
      // The season this year; "last" takes the latest one already over, "next" the first not yet begun.
      year = reference.year;
      if (which === 'last' || which === 'this past') while (year * 12 + firstMonth - 1 + 2 >= referenceMonths) year--;
      else if (which === 'next' || which === 'this coming') while (year * 12 + firstMonth - 1 <= referenceMonths) year++;
      tags.push(DateTag.relative);
    } else return null;
    const result = context.createParsingResult(match.index ?? 0, match[0]);
    const lastMonth = firstMonth + 2;
    result.start = tagged(components(context, { year, month: firstMonth }, 'month'), ...tags);
    result.end = tagged(components(context, { year: lastMonth > 12 ? year + 1 : year, month: ((lastMonth - 1) % 12) + 1 }, 'month'), ...tags);
    return result;
  },
);

/** "April last year", "March next year", "May this year": a month in the year before, after or of the reference. */
const monthOfRelativeYear = parser(
  String.raw`${LEFT_EDGE}(?<month>${MONTHS.join('|')})\s+(?:of\s+)?(?<which>last|next|this)\s+year(?![\p{L}\p{N}])`,
  (context, groups) => {
    const monthName = groups.month as string;
    if (!/^\p{Lu}/u.test(monthName)) return null;
    const which = (groups.which as string).toLowerCase();
    const year = parseIsoDay(referenceDay(context)).year + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
    return tagged(components(context, { year, month: MONTHS.indexOf(monthName.toLowerCase()) + 1 }, 'month'), DateTag.relative);
  },
);

/** "last August", "next March", "this May": the month before, after or in the reference year. */
const relativeMonth = parser(
  String.raw`${LEFT_EDGE}(?<which>last|next|this|this past|this coming)\s+(?<month>${MONTHS.join('|')})(?![\p{L}\p{N}]|\s+\d)`,
  (context, groups) => {
    const monthName = groups.month as string;
    if (!/^\p{Lu}/u.test(monthName)) return null;
    const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
    const reference = parseIsoDay(referenceDay(context));
    const which = (groups.which as string).toLowerCase();
    let year = reference.year;
    if (which === 'last' || which === 'this past') year = month < reference.month ? reference.year : reference.year - 1;
    else if (which === 'next' || which === 'this coming') year = month > reference.month ? reference.year : reference.year + 1;
    return tagged(components(context, { year, month }, 'month'), DateTag.relative);
  },
);

/** Words that put a sentence in the future, so a bare weekday or month is the coming one. */
export const FUTURE =
  /\b(?:will|shall|'ll|is to|are to|is due|are due|is expected|are expected|is scheduled|are scheduled|plans? to|is set to|are set to|is going to|are going to)\b/i;

/**
 * "Friday", "on Tuesday night", "last Monday", "next Thursday". A bare weekday
 * is the latest one on or before the reference, as news reports past events,
 * unless the words before it in its sentence speak of the future.
 */
const weekday = parser(
  String.raw`${LEFT_EDGE}(?:(?<which>last|next|this|this past|this coming)\s+)?(?<weekday>${WEEKDAYS.join('|')})(?:\s+(?:morning|afternoon|evening|night))?(?![\p{L}\p{N}])`,
  (context, groups, match) => {
    const weekdayName = groups.weekday as string;
    if (!/^\p{Lu}/u.test(weekdayName)) return null;
    const target = WEEKDAYS.indexOf(weekdayName.toLowerCase());
    const reference = referenceDay(context);
    const referenceWeekday = weekdayOf(reference);
    const which = groups.which?.toLowerCase();
    // The words before the weekday in its sentence carry the tense ("said Friday", "will meet on Monday").
    const sentenceStart = Math.max(context.text.lastIndexOf('.', match.index ?? 0), 0);
    const sentence = context.text.slice(sentenceStart, match.index);
    let offset: number;
    const backward = (target - referenceWeekday - 7) % 7;
    const forward = (target - referenceWeekday + 7) % 7;
    if (which === 'last' || which === 'this past') offset = backward === 0 ? -7 : backward;
    else if (which === 'next' || which === 'this coming') offset = forward === 0 ? 7 : forward;
    else if (which === 'this') offset = ((target + 6) % 7) - ((referenceWeekday + 6) % 7);
    else offset = FUTURE.test(sentence) ? forward : backward;
    const day = shiftDay(reference, offset, 'day');
    // Only the weekday is certain, so chrono merges it into a date that follows ("Wednesday, Jan. 8").
    const result = context.createParsingComponents({ weekday: target });
    result.imply('year', day.year).imply('month', day.month).imply('day', day.day).imply('hour', 12);
    return tagged(result, `${DateTag.granularity}day`, DateTag.relative);
  },
);

/** "today", "yesterday", "tomorrow", "tonight", "last night", "this morning". */
const deicticDay = parser(
  String.raw`${LEFT_EDGE}(?<word>today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))(?![\p{L}\p{N}])`,
  (context, groups) => {
    const word = (groups.word as string).toLowerCase();
    const offset = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
    return tagged(components(context, shiftDay(referenceDay(context), offset, 'day'), 'day'), DateTag.relative);
  },
);

const UNIT_GRANULARITY: Record<string, { unit: CalendarUnit; size: number; granularity: DateGranularity; approximate: boolean }> = {
  day: { unit: 'day', size: 1, granularity: 'day', approximate: false },
  week: { unit: 'week', size: 1, granularity: 'week', approximate: false },
  month: { unit: 'month', size: 1, granularity: 'month', approximate: false },
  year: { unit: 'year', size: 1, granularity: 'year', approximate: false },
  // "two decades ago" lands on a year, not on a decade, and only roughly.
  decade: { unit: 'year', size: 10, granularity: 'year', approximate: true },
  century: { unit: 'year', size: 100, granularity: 'year', approximate: true },
};

/** Resolves a shift from a day to the granularity of its unit. */
function shifted(context: chrono.ParsingContext, from: string, amount: number, unitWord: string, tags: string[]): chrono.ParsingComponents {
  const unit = UNIT_GRANULARITY[unitWord] as (typeof UNIT_GRANULARITY)[string];
  const day = shiftDay(from, amount * unit.size, unit.unit);
  const result = tagged(components(context, day, unit.granularity), DateTag.relative, ...tags);
  if (unit.approximate) result.addTag(DateTag.approximate);
  return result;
}

const unitOf = (word: string): string => word.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
const APPROXIMATE_QUALIFIERS =
  /^(?:about|around|approximately|roughly|nearly|almost|some|more than|over|less than|under|just over|just under|well over|at least|close to)$/i;

/**
 * "about 10 years ago", "two weeks later", "three days earlier", "a year
 * before.": a number of units from the reference ("ago") or from the
 * previous date ("later", "earlier"). "After"/"before" followed by an event
 * ("two days after the vote") is left out: its anchor is not a date.
 */
const unitOffset = parser(
  String.raw`${LEFT_EDGE}(?:(?<qualifier>about|around|approximately|roughly|nearly|almost|some|more than|over|less than|under|just over|just under|well over|at least|close to|only|just|exactly)\s+)?(?<amount>\d{1,4}|an?|[a-z]+(?:-[a-z]+)?)\s+(?<unit>days?|weeks?|months?|years?|decades?|century|centuries)\s+(?<direction>ago|later|earlier|before|after|afterwards?|from now)(?![\p{L}\p{N}])`,
  (context, groups, match) => {
    // "a year ago": the article is one unit here, though no number by itself.
    const amount = /^an?$/i.test(groups.amount as string) ? 1 : parseNumber(groups.amount as string);
    if (amount === null || !Number.isInteger(amount) || amount <= 0) return null;
    const direction = (groups.direction as string).toLowerCase();
    const after = context.text.slice((match.index ?? 0) + match[0].length);
    if ((direction === 'before' || direction === 'after') && !/^\s*(?:[.,;:!?)”"’]|$|and\b|but\b|when\b)/i.test(after)) return null;
    const sign = direction === 'ago' || direction === 'earlier' || direction === 'before' ? -1 : 1;
    const deictic = direction === 'ago' || direction === 'from now';
    const tags: string[] = deictic ? [] : [DateTag.anaphoric];
    if (groups.qualifier !== undefined && APPROXIMATE_QUALIFIERS.test(groups.qualifier)) tags.push(DateTag.approximate);
    return shifted(context, referenceDay(context), sign * amount, unitOf(groups.unit as string), tags);
  },
);

/**
 * "last year", "this week", "next month", "the previous year", "the
 * following day", "the same day", "that year", "the day before". "Last",
 * "this" and "next" count from the reference; "previous", "following",
 * "same", "that" from the previous date in the text. "The past week" is left
 * out: it is mostly a duration ("over the past week").
 */
const relativeUnit = parser(
  String.raw`${LEFT_EDGE}(?:(?<which>last|this|next|the previous|the following|the next|the same|that|the current)\s+(?<unit>day|week|month|year|decade|century)|the\s+(?<unitBefore>day|week|month|year)\s+(?<direction>before|after))(?![\p{L}\p{N}])`,
  (context, groups, match) => {
    const after = context.text.slice((match.index ?? 0) + match[0].length);
    if (groups.direction !== undefined) {
      // "the day before the vote" is anchored to an event, not to a date.
      if (!/^\s*(?:[.,;:!?)”"’]|$)/.test(after)) return null;
      return shifted(context, referenceDay(context), groups.direction.toLowerCase() === 'before' ? -1 : 1, unitOf(groups.unitBefore as string), [
        DateTag.anaphoric,
      ]);
    }
    const which = (groups.which as string).toLowerCase();
    const unitWord = unitOf(groups.unit as string);
    // "That day"/"this day" open a clause too often as other words ("that day-to-day work"); the hyphen check keeps compounds out.
    if (/^-/.test(after)) return null;
    const reference = referenceDay(context);
    const amount = which === 'last' || which === 'the previous' ? -1 : which === 'next' || which === 'the following' || which === 'the next' ? 1 : 0;
    const tags = which === 'last' || which === 'this' || which === 'next' || which === 'the current' ? [] : [DateTag.anaphoric];
    if (unitWord === 'decade' || unitWord === 'century') {
      const size = unitWord === 'decade' ? 10 : 100;
      const firstYear = Math.floor(parseIsoDay(reference).year / size) * size + amount * size;
      return tagged(components(context, { year: firstYear }, unitWord), DateTag.relative, ...tags);
    }
    if (unitWord === 'day' && which === 'this') return null;
    const unit = UNIT_GRANULARITY[unitWord] as (typeof UNIT_GRANULARITY)[string];
    const day = shiftDay(reference, amount, unit.unit);
    return tagged(components(context, day, unit.granularity), DateTag.relative, ...tags);
  },
);

/**
 * "the end of the year", "the start of the month", "the middle of the week":
 * the period the text is in, the previous date's (else the reference's). The
 * modifier joins the span in the stage, as in "the end of 2021"; the value is
 * the period itself.
 */
const periodOfTheText = parser(String.raw`${LEFT_EDGE}the\s+(?<unit>year|month|week)(?![\p{L}\p{N}-])`, (context, groups, match) => {
  if (!/\b(?:beginning|start|end|middle|close|turn)\s+of\s+$/i.test(context.text.slice(0, match.index))) return null;
  return shifted(context, referenceDay(context), 0, unitOf(groups.unit as string), [DateTag.anaphoric]);
});

/**
 * "this fiscal year", "last fiscal year", "fiscal 2016", "fiscal year 2016",
 * "FY2016", "FY16": the year it is named for (or the reference's, moved by
 * "last" and "next"). Fiscal years begin in different months from one body
 * to the next, so the calendar year given is approximate.
 */
const fiscalYear = parser(
  String.raw`${LEFT_EDGE}(?:(?<which>this|last|next|the current|the previous|the next)\s+fiscal\s+year|fiscal(?:\s+year)?\s+(?<year>${YEAR})|FY\s?(?<short>${YEAR}|\d{2}))${RIGHT_EDGE}`,
  (context, groups, match) => {
    const which = groups.which?.toLowerCase();
    // "FY" in capitals only: "fy" is no abbreviation news uses.
    if (groups.short !== undefined && !match[0].startsWith('FY')) return null;
    if (which !== undefined) {
      const amount = which === 'last' || which === 'the previous' ? -1 : which === 'next' ? 1 : 0;
      return tagged(components(context, { year: parseIsoDay(referenceDay(context)).year + amount }, 'year'), DateTag.relative, DateTag.approximate);
    }
    const short = groups.short;
    const year = short === undefined ? Number(groups.year) : short.length === 2 ? 2000 + Number(short) : Number(short);
    return tagged(components(context, { year }, 'year'), DateTag.approximate);
  },
);

/** chrono's own parsers that read durations, times of day and relative phrases: durations and times are not dates here, and the relative phrases are read above at their own granularity. */
const DROPPED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeExpressionParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENRelativeDateFormatParser',
  'ENCasualDateParser',
  'ENCasualTimeParser',
  'ENEndOfCurrentMonthParser',
  'ENWeekdayParser',
]);

/** Our parsers, in the order chrono runs them. */
export const CUSTOM_PARSERS: readonly chrono.Parser[] = [
  yearRange,
  decade,
  century,
  quarterOrHalf,
  season,
  monthOfRelativeYear,
  relativeMonth,
  weekday,
  deicticDay,
  unitOffset,
  relativeUnit,
  periodOfTheText,
  fiscalYear,
  bareYear,
];

/**
 * chrono's filters that drop every all-digit result (our bare years among
 * them) and "May" unless after "in", which the stage checks with more context;
 * and the refiner that reads "the end of March" as March 31, where the
 * expression is said at the month ("the end of" is a modifier of the month).
 */
const DROPPED_REFINERS = new Set(['UnlikelyFormatFilter', 'ENUnlikelyFormatFilter', 'ENEndOfPeriodRefiner']);

/** Keeps valid calendar dates; all-digit spans only when they are years ("2016", not "12" or "3.5"). */
const validDates: chrono.Refiner = {
  refine: (_context, results) =>
    results.filter(
      (result) =>
        result.start.isValidDate() &&
        (!result.end || result.end.isValidDate()) &&
        (!/^[\d\s.]*$/.test(result.text) || result.start.tags().has(DateTag.bareYear)),
    ),
};

/** Builds the chrono instance: chrono's casual English parsers for calendar dates, minus the dropped ones, plus ours. */
export function createDateParser(): { chrono: chrono.Chrono; dropped: string[] } {
  const instance = chrono.casual.clone();
  const named = [...instance.parsers, ...instance.refiners].map((step) => step.constructor.name);
  const dropped = named.filter((name) => DROPPED_PARSERS.has(name) || DROPPED_REFINERS.has(name));
  instance.parsers = [...instance.parsers.filter((parser) => !DROPPED_PARSERS.has(parser.constructor.name)), ...CUSTOM_PARSERS];
  instance.refiners = [...instance.refiners.filter((refiner) => !DROPPED_REFINERS.has(refiner.constructor.name)), validDates];
  return { chrono: instance, dropped };
}

/** The one date parser of the process (chrono instances are built once, not per passage). */
export const DATE_PARSER = createDateParser().chrono;

/** The granularity a parser tagged on a component, if any. */
export function taggedGranularity(parsed: chrono.ParsedComponents): DateGranularity | null {
  for (const tag of parsed.tags()) if (tag.startsWith(DateTag.granularity)) return tag.slice(DateTag.granularity.length) as DateGranularity;
  return null;
}
