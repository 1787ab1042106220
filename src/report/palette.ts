/**
 * Colours of the highlight types, from the Okabe-Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies. Backgrounds are
 * light tints of the same colours so the text on them keeps its contrast; the
 * full colour marks the edge, and claims are an underline rather than a fill,
 * so nested highlights stay readable.
 */
import type { EntityType } from '../schemas/index.ts';

/** What a highlight marks: a mention (by entity type), a date, a figure or a claim. */
export type HighlightType = EntityType | 'date' | 'figure' | 'claim';

/** The highlight types in legend order; claims last because they are the outer layer. */
export const HIGHLIGHT_TYPES: readonly HighlightType[] = ['person', 'place', 'organization', 'date', 'figure', 'claim'];

/** Okabe-Ito colour of each type (yellow is left out: it does not show on white). */
export const HIGHLIGHT_COLOURS: Record<HighlightType, string> = {
  person: '#D55E00',
  place: '#009E73',
  organization: '#56B4E9',
  date: '#E69F00',
  figure: '#CC79A7',
  claim: '#0072B2',
};

/** Legend labels. */
export const HIGHLIGHT_LABELS: Record<HighlightType, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
  date: 'Date',
  figure: 'Figure',
  claim: 'Claim',
};

/**
 * Mixes a colour with white: `share` of the colour, the rest white. Done at
 * build time, as hex, so the page needs no colour functions from the browser.
 */
export function tint(colour: string, share: number): string {
  const channels = [1, 3, 5].map((offset) => Number.parseInt(colour.slice(offset, offset + 2), 16));
  return `#${channels
    .map((channel) =>
      Math.round(255 - (255 - channel) * share)
        .toString(16)
        .padStart(2, '0')
        .toUpperCase(),
    )
    .join('')}`;
}

/** Background of a highlight: light enough that the page text on it keeps a contrast above 11:1 (WCAG AAA asks 7:1). */
export function highlightBackground(type: HighlightType): string {
  return tint(HIGHLIGHT_COLOURS[type], type === 'claim' ? 0.08 : 0.28);
}
