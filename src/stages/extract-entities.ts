import type { EntityMention, PipelineDocument, Span } from '../document.ts';
import type { EntityType } from '../schemas/index.ts';
import type { DocumentStage } from '../stage.ts';
import { matchSpans, type CompromiseMatch, type PassageAnalysis } from '../text/analysis.ts';

const LEADING_NOISE = /^(?:(?:the|The|THE)\s+|(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mx)\.?\s+)+/;
const TRAILING_NOISE = /(?:['’]s?|[\s.,;:!?"“”'‘’()[\]{}—–-])+$/u;
const LEADING_PUNCTUATION = /^[\s.,;:!?"“”'‘’()[\]{}—–-]+/u;

/**
 * Trims a candidate span to the name alone: no leading "the" or honorific, no
 * trailing possessive or punctuation. Returns null when nothing is left.
 */
export function cleanEntitySpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  for (;;) {
    const slice = text.slice(start, end);
    const leading = LEADING_NOISE.exec(slice) ?? LEADING_PUNCTUATION.exec(slice);
    if (leading && leading[0].length > 0 && leading[0].length < slice.length) {
      start += leading[0].length;
      continue;
    }
    const trailing = TRAILING_NOISE.exec(slice);
    if (trailing && trailing[0].length > 0 && trailing.index > 0) {
      end = start + trailing.index;
      continue;
    }
    break;
  }
  const name = text.slice(start, end);
  return /\p{Lu}/u.test(name) ? { start, end } : null;
}

const COMPROMISE_MATCHES: [EntityType, (analysis: PassageAnalysis) => CompromiseMatch][] = [
  ['person', (analysis) => analysis.view.people()],
  ['place', (analysis) => analysis.view.places()],
  ['organization', (analysis) => analysis.view.organizations()],
];

/** Keeps the longest of overlapping candidates (earlier start first on ties), in text order. */
export function longestNonOverlapping<T extends Span>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const candidate of sorted) {
    if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Finds person, place and organization mentions in one analysed passage. */
export function findEntityMentions(document: Pick<PipelineDocument, 'text'>, analysis: PassageAnalysis, passageIndex: number): EntityMention[] {
  const candidates: EntityMention[] = [];
  for (const [type, find] of COMPROMISE_MATCHES) {
    for (const raw of matchSpans(analysis, find(analysis))) {
      const span = cleanEntitySpan(document.text, raw);
      if (span === null) continue;
      candidates.push({ ...span, passageIndex, type, text: document.text.slice(span.start, span.end) });
    }
  }
  return longestNonOverlapping(candidates);
}

/** Finds entity mentions in every passage. */
export const extractEntities: DocumentStage = {
  kind: 'document',
  name: 'extractEntities',
  requires: ['document.analyses'],
  assigns: ['document.mentions'],
  run(document) {
    document.mentions = document.analyses.flatMap((analysis, index) => findEntityMentions(document, analysis, index));
  },
};
