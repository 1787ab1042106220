/** HTML building blocks shared by the report pages. */

// A carriage return is written as a reference because the HTML parser turns a
// literal one into a line feed, and the page must keep the exact text.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' };

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (character) => ESCAPES[character] ?? character);
}

/** English number formatting, made once: `toLocaleString` builds a new formatter on every call. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** A number with thousands separators, fixed to English so the bytes do not depend on the machine's locale. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** Cuts text to at most `limit` code points, ending with an ellipsis when cut. */
export function truncate(text: string, limit: number): string {
  const codePoints = [...text];
  return codePoints.length <= limit ? text : `${codePoints.slice(0, limit - 1).join('')}…`;
}

/** The frame of every report page: self-contained, inline styles, no external assets. */
export function page(options: { title: string; styles: string; body: string; script?: string }): string {
  const script = options.script === undefined ? '' : `<script>${options.script}</script>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${options.styles}</style>
</head>
<body>
${options.body}
${script}</body>
</html>
`;
}
