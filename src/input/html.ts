import { Parser } from 'htmlparser2';

/** Elements whose content is never visible text. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'math']);
/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'hr',
  'title',
  'address',
  'form',
  'fieldset',
  'details',
  'summary',
]);

/**
 * Extracts the visible text of an HTML page with htmlparser2 (tolerant of broken
 * markup, entities decoded): block elements become paragraphs separated by a
 * blank line, whitespace inside a paragraph is collapsed; scripts, styles,
 * templates, noscript, embedded SVG and MathML, comments and CDATA sections
 * are dropped. Returns the text and the page title.
 */
export function htmlToText(html: string): { text: string; title: string | null } {
  const paragraphs: string[] = [];
  let current = '';
  let title = '';
  let invisibleDepth = 0;
  let inTitle = false;
  const flush = (): void => {
    const paragraph = current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (paragraph !== '') paragraphs.push(paragraph);
    current = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === 'title' && invisibleDepth === 0) inTitle = true;
        if (INVISIBLE.has(name)) invisibleDepth++;
        else if (BLOCKS.has(name)) flush();
        else if (name === 'br') current += '\n';
        else if (name === 'td' || name === 'th') current += ' ';
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (INVISIBLE.has(name)) invisibleDepth = Math.max(0, invisibleDepth - 1);
        else if (BLOCKS.has(name)) flush();
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (invisibleDepth === 0) current += text;
      },
    },
    // HTML rules, as a browser reads a page: entities decoded (named, numeric and the legacy ones without a semicolon),
    // tag names lower-cased, CDATA sections reported as comments (so dropped), and `<script/>` not self-closing.
    { xmlMode: false, decodeEntities: true, lowerCaseTags: true, recognizeCDATA: false, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  flush();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { text: paragraphs.join('\n\n'), title: cleanTitle === '' ? null : cleanTitle };
}
