import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS, HIGHLIGHT_TYPES, highlightBackground, tint } from '../../src/report/palette.ts';
import { REPORT_STYLES } from '../../src/report/styles.ts';

/** WCAG relative luminance of a #RRGGBB colour. */
function luminance(colour: string): number {
  const [red, green, blue] = [1, 3, 5]
    .map((offset) => Number.parseInt(colour.slice(offset, offset + 2), 16) / 255)
    .map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].toSorted((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('the palette', () => {
  it('uses the Okabe-Ito colours, a different one for each type', () => {
    expect(HIGHLIGHT_COLOURS).toEqual({ person: '#D55E00', place: '#009E73', organization: '#56B4E9', date: '#E69F00', figure: '#CC79A7', claim: '#0072B2' });
    expect(new Set(Object.values(HIGHLIGHT_COLOURS)).size).toBe(HIGHLIGHT_TYPES.length);
  });

  it.each([
    ['#D55E00', 0.28, '#F3D2B8'],
    ['#0072B2', 0.08, '#EBF4F9'],
    ['#000000', 1, '#000000'],
    ['#000000', 0, '#FFFFFF'],
  ])('tint(%s, %d) -> %s', (colour, share, expected) => {
    expect(tint(colour, share)).toBe(expected);
  });

  it.each(HIGHLIGHT_TYPES.map((type) => [type]))('keeps the text on a %s highlight above 11:1 contrast', (type) => {
    expect(contrast(highlightBackground(type), '#1B1F24')).toBeGreaterThan(11);
  });
});

describe('the style sheet', () => {
  it('colours each type and its legend sample, and hides a type whose box is unticked', () => {
    expect(REPORT_STYLES).toContain('.hl-person, .legend .sample-person { background: #F3D2B8; box-shadow: inset 0 -2px 0 #D55E00; }');
    expect(REPORT_STYLES).toContain('.hl-claim, .legend .sample-claim { background: #EBF4F9; text-decoration-color: #0072B2; }');
    expect(REPORT_STYLES).toContain('main:has(#show-date:not(:checked)) .hl-date { background: none; box-shadow: none; text-decoration: none; }');
    expect(REPORT_STYLES).toContain('main:has(#show-figure:not(:checked)) .hl-figure::after { content: none; }');
  });

  it('shows a tooltip on hover and on keyboard focus, and loads nothing from elsewhere', () => {
    expect(REPORT_STYLES).toContain('.hl:hover:not(:has(.hl:hover))::after, .hl:focus-visible::after { display: block; }');
    expect(REPORT_STYLES).toContain('content: attr(data-tip)');
    expect(REPORT_STYLES).not.toMatch(/url\(|@import/);
  });
});
