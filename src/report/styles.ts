/** The report's style sheet, inlined in every page so a page works on its own from the file system. */
import { HIGHLIGHT_COLOURS, HIGHLIGHT_TYPES, highlightBackground, type HighlightType } from './palette.ts';

const BASE = `
:root { color-scheme: light; --ink: #1B1F24; --muted: #57606A; --line: #D0D7DE; --panel: #F6F8FA; --link: #0059A0; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #FFFFFF; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--link); }
a:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
header.top { border-bottom: 1px solid var(--line); background: var(--panel); }
header.top > div, main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
header.top h1 { margin: .2rem 0 .4rem; font-size: 1.6rem; line-height: 1.25; overflow-wrap: anywhere; }
nav.crumbs { font-size: .9rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; }
section > p.note, p.note { color: var(--muted); font-size: .9rem; margin: .3rem 0 .8rem; }
.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; margin: 0; font-size: .9rem; }
.facts div { display: flex; gap: .4rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(7.4rem, 1fr)); gap: .6rem; margin: .8rem 0 0; padding: 0; list-style: none; }
.cards li { background: #FFFFFF; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
.cards strong { display: block; font-size: 1.35rem; font-variant-numeric: tabular-nums; }
.cards span { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.table-scroll { overflow-x: auto; }
.status { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; border: 1px solid; }
.status-ok { color: #1A6E3B; border-color: #1A6E3B; }
.status-failed { color: #A0330A; border-color: #A0330A; background: #FBE9E3; }
.status-skipped { color: var(--muted); border-color: var(--muted); }
.problems li { margin: .3rem 0; }
.problems code, .reason { font-size: .85rem; overflow-wrap: anywhere; }
svg.chart { display: block; width: 100%; max-width: 48rem; height: auto; font: 12px system-ui, sans-serif; }
svg.chart text { fill: var(--ink); }
svg.chart .axis { stroke: var(--line); }
svg.chart .tick text, svg.chart .count { fill: var(--muted); }
svg.chart a:focus-visible rect, svg.chart a:hover rect { stroke: var(--ink); stroke-width: 1.5; }
.swatches { display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0 0 .6rem; padding: 0; list-style: none; font-size: .9rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px; vertical-align: -.1rem; margin-right: .35rem; border: 1px solid rgba(0,0,0,.25); }
details.speaker { border-bottom: 1px solid var(--line); padding: .35rem 0; }
details.speaker summary { cursor: pointer; }
details.speaker summary .count { color: var(--muted); font-size: .9rem; }
details.speaker ol { margin: .4rem 0 .6rem; padding-left: 1.6rem; font-size: .92rem; }
details.speaker li { margin: .25rem 0; }
.kind { display: inline-block; min-width: 4.6rem; color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
.document-layout { display: grid; grid-template-columns: minmax(0, 46rem) 14rem; gap: 2.5rem; align-items: start; }
@media (max-width: 62rem) { .document-layout { grid-template-columns: minmax(0, 1fr); } }
/* The legend comes first in the page, so Tab reaches the filter before the highlights, but sits on the right. */
.legend { grid-column: 2; grid-row: 1; position: sticky; top: 1rem; border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem .8rem; background: var(--panel); font-size: .9rem; }
article.text { grid-column: 1; grid-row: 1; }
@media (max-width: 62rem) { .legend, article.text { grid-column: 1; grid-row: auto; } .legend { position: static; } }
.legend fieldset { border: 0; margin: 0; padding: 0; }
.legend legend { font-weight: 600; padding: 0; margin-bottom: .3rem; }
.legend label { display: flex; align-items: center; gap: .45rem; padding: .2rem 0; cursor: pointer; }
.legend .count { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
.legend .sample { padding: 0 .25rem; border-radius: 3px; }
.legend p { margin: .6rem 0 0; color: var(--muted); font-size: .82rem; }
article.text { font-size: 1.05rem; line-height: 1.9; }
article.text p, article.text h2 { white-space: pre-wrap; overflow-wrap: anywhere; }
article.text p { margin: 0 0 1rem; }
article.text h2 { margin: 1.6rem 0 .6rem; line-height: 1.5; }
.error-box { border: 1px solid #A0330A; background: #FBE9E3; border-radius: 6px; padding: .6rem .9rem; overflow-wrap: anywhere; }
.hl { position: relative; color: inherit; }
mark.hl { padding: .08em .1em; border-radius: 3px; }
.hl:focus-visible { outline: 2px solid var(--ink); outline-offset: 1px; }
.hl::after { content: attr(data-tip); display: none; position: absolute; left: 0; top: calc(100% + .35rem); z-index: 10; width: max-content; max-width: min(26rem, 80vw);
  padding: .45rem .65rem; border-radius: 6px; background: #1B1F24; color: #FFFFFF; font: 500 .8rem/1.45 system-ui, sans-serif; white-space: pre-line; text-align: left;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); pointer-events: none; }
/* A hovered highlight inside a hovered claim shows only its own tooltip. */
.hl:hover:not(:has(.hl:hover))::after, .hl:focus-visible::after { display: block; }
.hl-claim, .legend .sample-claim { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .42em; }
.hl-claim-reported { text-decoration-style: dashed; }
.hl-claim-figure { text-decoration-style: dotted; text-decoration-thickness: 3px; }
`;

function typeRules(type: HighlightType): string {
  const colour = HIGHLIGHT_COLOURS[type];
  const background = highlightBackground(type);
  const look =
    type === 'claim' ? `background: ${background}; text-decoration-color: ${colour};` : `background: ${background}; box-shadow: inset 0 -2px 0 ${colour};`;
  // Unticking a type in the legend takes away its colour and tooltip; the text stays.
  return [
    `.hl-${type}, .legend .sample-${type} { ${look} }`,
    `.swatch-${type} { background: ${colour}; }`,
    `main:has(#show-${type}:not(:checked)) .hl-${type} { background: none; box-shadow: none; text-decoration: none; }`,
    `main:has(#show-${type}:not(:checked)) .hl-${type}::after { content: none; }`,
  ].join('\n');
}

/** The whole style sheet: the layout, then the colours and filter rules of each highlight type. */
export const REPORT_STYLES = `${BASE}${HIGHLIGHT_TYPES.map(typeRules).join('\n')}\n`;
