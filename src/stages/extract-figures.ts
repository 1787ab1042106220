import type { FigureExpression, PipelineDocument, Span } from '../document.ts';
import type { FigureKind, FigureQualifier } from '../schemas/index.ts';
import type { DocumentStage } from '../stage.ts';
import type { PassageAnalysis, Token } from '../text/analysis.ts';
import { NUMBER_EXPRESSION, parseNumber } from '../text/numbers.ts';

/** Words before a number that qualify it, longest first; each becomes part of the span. */
const QUALIFIERS: [RegExp, FigureQualifier][] = [
  [/\b(?:more than|over|above|upwards of|in excess of|exceeding)\s+$/i, 'more_than'],
  [/\b(?:at least|no fewer than|no less than|a minimum of)\s+$/i, 'at_least'],
  [/\b(?:less than|fewer than|under|below)\s+$/i, 'less_than'],
  [/\b(?:at most|up to|no more than|a maximum of)\s+$/i, 'at_most'],
  [/\b(?:about|approximately|around|nearly|almost|roughly|some|an estimated|close to|approx\.)\s+$/i, 'approximately'],
];

const CURRENCY_BEFORE = /(?:US\$|HK\$|A\$|C\$|\$|£|€|¥|RMB\s?|USD\s?)$/;
const CURRENCY_AFTER = /^\s+(yuan|renminbi|RMB|dollars?|US dollars|euros?|pounds?|yen|HK dollars)\b/i;
const PERCENT_AFTER = /^(?:\s*%|\s+(?:percent|per cent|percentage points?))/i;
const MEASURE_AFTER = /^\s+(km|kilomet(?:er|re)s?|miles?|kg|kilograms?|tonnes?|tons?|met(?:er|re)s?|cm|mm|hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|centuries|century|square (?:kilomet(?:er|re)s|miles|met(?:er|re)s)|hectares?|acres?|litres?|liters?)\b/i;
const CURRENCY_UNITS: Record<string, string> = { $: 'USD', us$: 'USD', usd: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'CNY', rmb: 'CNY', 'hk$': 'HKD', a$: 'AUD', c$: 'CAD' };
/** Years standing alone ("in 1999") are dates, not figures. */
const YEAR_LIKE = /^(1[5-9]\d\d|20\d\d)$/;
/** Numbers glued to a time, a phone number or an identifier. */
const NOT_A_FIGURE_AFTER = /^(?::\d|[-–]\d{3,}|\s*(?:am|pm|a\.m\.|p\.m\.)\b)/i;
const RANGE_AFTER = new RegExp(String.raw`^\s*(?:[-–—]|to|and)\s*(?=\S)`, 'i');

/** Words that may stand in front of the counted noun without being it. */
const ITEM_TAGS = ['Noun', 'Adjective'];

/** The counted noun after a number, as written: the run of adjectives and nouns ending in a noun. */
export function findItem(tokens: readonly Token[], end: number, text: string): string | null {
  const first = tokens.findIndex((token) => token.start >= end);
  if (first === -1) return null;
  const firstToken = tokens[first] as Token;
  if (text.slice(end, firstToken.start).trim() !== '') return null;
  let lastNoun = -1;
  for (let index = first; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const isCandidate = ITEM_TAGS.some((tag) => token.tags.has(tag)) && !token.tags.has('Pronoun') && !token.tags.has('Value') && !token.tags.has('Possessive');
    if (!isCandidate) break;
    if (token.tags.has('Noun')) lastNoun = index;
    if (/[^\s]/.test(token.post)) break;
  }
  if (lastNoun === -1) return null;
  return text.slice(firstToken.start, (tokens[lastNoun] as Token).end);
}

const overlapsAny = (span: Span, others: readonly Span[]): boolean => others.some((other) => span.start < other.end && other.start < span.end);

/** Finds the figures of one passage; dates and entity mentions are never figures. */
export function findFigures(document: PipelineDocument, analysis: PassageAnalysis, passageIndex: number): FigureExpression[] {
  const text = analysis.text;
  const offset = analysis.offset;
  const figures: FigureExpression[] = [];
  const taken = [...document.dates, ...document.mentions];
  const matches = [...text.matchAll(NUMBER_EXPRESSION)];
  for (let matchIndex = 0; matchIndex < matches.length; matchIndex++) {
    const match = matches[matchIndex] as RegExpExecArray;
    const numberText = match[0];
    const value = parseNumber(numberText);
    if (value === null) continue;
    let start = match.index;
    let end = start + numberText.length;
    const after = text.slice(end);
    const before = text.slice(0, start);
    if (NOT_A_FIGURE_AFTER.test(after)) continue;
    if (/^one$/i.test(numberText)) continue; // "one of them", "no one": a pronoun far more often than a count
    let valueMax: number | null = null;
    const range = RANGE_AFTER.exec(after);
    const next = matches[matchIndex + 1];
    if (range && next && next.index === end + range[0].length) {
      const maxValue = parseNumber(next[0]);
      if (maxValue !== null && maxValue > value) {
        valueMax = maxValue;
        end = next.index + next[0].length;
        matchIndex++;
      }
    }
    const between = /\b(?:between|from)\s+$/i.exec(before);
    if (between && valueMax !== null) start -= between[0].length;
    let kind: FigureKind = 'count';
    let unit: string | null = null;
    const rest = text.slice(end);
    const currencyBefore = CURRENCY_BEFORE.exec(text.slice(0, start));
    const currencyAfter = CURRENCY_AFTER.exec(rest);
    const percent = PERCENT_AFTER.exec(rest);
    const measure = MEASURE_AFTER.exec(rest);
    if (percent) {
      kind = 'percent';
      unit = 'percent';
      end += percent[0].length;
    } else if (currencyBefore) {
      kind = 'money';
      unit = CURRENCY_UNITS[currencyBefore[0].trim().toLowerCase()] ?? currencyBefore[0].trim();
      start -= currencyBefore[0].length;
    } else if (currencyAfter) {
      kind = 'money';
      unit = (currencyAfter[1] as string).toLowerCase();
      end += currencyAfter[0].length;
    } else if (measure) {
      kind = 'measure';
      unit = (measure[1] as string).toLowerCase();
      end += measure[0].length;
    }
    if (kind === 'count' && YEAR_LIKE.test(numberText) && valueMax === null) continue;
    let qualifier: FigureQualifier = 'exact';
    const prefix = text.slice(0, start);
    for (const [pattern, name] of QUALIFIERS) {
      const found = pattern.exec(prefix);
      if (found) {
        qualifier = name;
        start -= found[0].length;
        break;
      }
    }
    const span = { start: offset + start, end: offset + end };
    if (overlapsAny(span, taken)) continue;
    const item = kind === 'count' ? findItem(analysis.tokens, span.end, document.text) : null;
    figures.push({ ...span, passageIndex, text: document.text.slice(span.start, span.end), value, valueMax, qualifier, kind, unit, item });
  }
  return figures;
}

/** Finds numeric figures (counts, percentages, money, measures) with their qualifier and counted item. */
export const extractFigures: DocumentStage = {
  kind: 'document',
  name: 'extractFigures',
  requires: ['document.analyses', 'document.dates', 'document.mentions'],
  assigns: ['document.figures'],
  run(document) {
    document.figures = document.analyses.flatMap((analysis, index) => findFigures(document, analysis, index));
  },
};
