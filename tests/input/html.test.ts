import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/input/html.ts';

describe('htmlToText drops what a browser does not show', () => {
  it.each<[string, string, string]>([
    ['a CDATA section', '<p>a<![CDATA[ hidden ]]>b</p>', 'ab'],
    ['a CDATA section at the top level', '<![CDATA[top]]><p>x</p>', 'x'],
    ['a comment', '<p>a<!-- c --> b</p>', 'a b'],
    ['an unterminated comment', '<p>kept</p><!-- unterminated <p>lost</p>', 'kept'],
    ['a script holding a closing tag in a string', '<p>x</p><script>var a = "</p>";</script><p>y</p>', 'x\n\ny'],
    ['a style', '<style>p { color: red }</style><p>y</p>', 'y'],
    ['a template', '<template><p>t</p></template><p>y</p>', 'y'],
    ['noscript', '<noscript>enable JavaScript</noscript><p>y</p>', 'y'],
    ['an SVG with a style and a title', '<svg><title>icon</title><style>s</style><text>svg text</text></svg><p>after</p>', 'after'],
    ['a script that never closes (the rest of the page is script, as in a browser)', '<p>a</p><script>never closed <p>b</p>', 'a'],
    ['a "self-closing" script (HTML ignores the slash)', '<p>a</p><script src="x.js"/><p>b</p>', 'a'],
    ['upper-case tags', '<SCRIPT>x</SCRIPT><P>Upper</P>', 'Upper'],
    ['a comment opener inside a script', '<script><!-- </script> --><p>vis</p>', '-->\n\nvis'],
    ['a processing instruction', '<p>a</p><?xml version="1.0"?><p>b</p>', 'a\n\nb'],
  ])('%s', (_, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });
});

describe('htmlToText decodes entities', () => {
  it.each<[string, string]>([
    ['&amp; &lt;b&gt; &quot;q&quot; &#39;', '& <b> "q" \''],
    ['&eacute;t&eacute; &copy; &mdash;', 'été © —'],
    ['&#x1F600; &#128512; &#x20000;', '😀 😀 \u{20000}'],
    // Legacy named entities without a semicolon decode as a browser decodes them.
    ['&amp &notanentity;', '& ¬anentity;'],
    ['&bogus; &#xZZ;', '&bogus; &#xZZ;'],
    ['a&nbsp;b', 'a\u00a0b'],
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(`<p>${html}</p>`).text).toBe(text);
  });
});

describe('htmlToText tolerates broken markup', () => {
  it.each<[string, string, string]>([
    ['a tag missing its >', '<div <p>broken</div>', 'broken'],
    ['a stray closing tag', '</span><p>text</p></div></div>', 'text'],
    ['unclosed paragraphs and inline tags', '<p>unclosed <b>bold<p>next', 'unclosed bold\n\nnext'],
    ['a lone <', '<p>3 < 4 and 5 > 2</p>', '3 < 4 and 5 > 2'],
    ['an attribute with an unclosed quote', '<p class="x>text</p><p>after</p>', ''],
    ['no markup at all', 'just text', 'just text'],
    ['nothing', '', ''],
  ])('%s', (_, html, text) => {
    expect(htmlToText(html).text).toBe(text);
  });

  it.each<[string, string | null]>([
    ['<title>T &amp; T</title><p>body</p>', 'T & T'],
    ['<title>  </title><p>body</p>', null],
    ['<svg><title>icon</title></svg><p>body</p>', null],
  ])('reads the title of %j', (html, title) => {
    expect(htmlToText(html).title).toBe(title);
  });
});
