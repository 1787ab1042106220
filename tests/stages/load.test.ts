import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { renderDiagnostic } from '../../src/diagnostics.ts';
import type { PipelineDocument } from '../../src/document.ts';
import { decodeBytes } from '../../src/input/decode.ts';
import { discoverInputs, documentIdOf, InputError, type InputFile } from '../../src/input/discover.ts';
import { htmlToText } from '../../src/input/html.ts';
import { normalizePublished, splitFrontMatter } from '../../src/input/metadata.ts';
import { load, loadFile } from '../../src/stages/load.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}
const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const temporaryFolders: string[] = [];
/** A fresh folder in the system temp folder holding the given files (string content is written as UTF-8). */
function folderWith(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'quarry-load-test-'));
  temporaryFolders.push(root);
  for (const [relativePath, content] of Object.entries(files)) {
    const file = path.join(root, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

const LOAD_OPTIONS = resolveConfig({}).load;

/** The fields of a document that loading sets, for comparison, its error and warnings as the documents table writes them. */
const summary = (document: PipelineDocument) => ({
  id: document.id,
  source: document.source,
  format: document.format,
  status: document.status,
  error: document.error === null ? null : renderDiagnostic(document.error),
  warnings: document.warnings.map(renderDiagnostic),
  title: document.title,
  published: document.published,
  text: document.text,
});

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', bytes(0x68, 0x69), 'hi'],
    ['UTF-8 multibyte and astral', bytes(0x63, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0xf0, 0x9f, 0x98, 0x80, 0x20, 0xe4, 0xb8, 0xad), 'café 😀 中'],
    ['UTF-8 with a BOM', bytes(0xef, 0xbb, 0xbf, 0x68, 0x69), 'hi'],
    ['UTF-8 BOM only', bytes(0xef, 0xbb, 0xbf), ''],
    ['UTF-16 LE with a BOM', bytes(0xff, 0xfe, 0x68, 0x00, 0x69, 0x00), 'hi'],
    ['UTF-16 LE with a BOM, astral', bytes(0xff, 0xfe, 0x68, 0x00, 0x3d, 0xd8, 0x00, 0xde, 0x2d, 0x4e), 'h😀中'],
    ['UTF-16 BE with a BOM', bytes(0xfe, 0xff, 0x00, 0x68, 0x00, 0x69), 'hi'],
    ['UTF-16 BE with a BOM, astral', bytes(0xfe, 0xff, 0x00, 0x68, 0xd8, 0x3d, 0xde, 0x00, 0x4e, 0x2d), 'h😀中'],
    ['empty', bytes(), ''],
  ])('%s', (_label, input, expected) => {
    expect(decodeBytes(input)).toEqual({ text: expected, warning: null });
  });

  it.each([
    ['Latin-1 e acute', bytes(0x63, 0x61, 0x66, 0xe9), 'café'],
    ['pound and u umlaut', bytes(0xa3, 0x35, 0x20, 0x66, 0xfc, 0x72), '£5 für'],
    ['truncated UTF-8 sequence', bytes(0x61, 0xc3), 'aÃ'],
  ])('invalid UTF-8 (%s) falls back to Windows-1252 with a warning', (_label, input, expected) => {
    expect(decodeBytes(input)).toEqual({
      text: expected,
      warning: {
        code: 'LOAD_DECODE_FALLBACK',
        reason: 'not valid UTF-8; decoded as Windows-1252 (check accented letters and quotes; save the file as UTF-8 to silence this)',
      },
    });
  });

  it.each([
    ['NUL in ASCII', bytes(0x68, 0x00, 0x69)],
    ['UTF-16 LE without a BOM', bytes(0x68, 0x00, 0x69, 0x00)],
    ['NUL after a UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0x00, 0x41)],
    ['a single NUL', bytes(0x00)],
  ])('binary data (%s) -> null', (_label, input) => {
    expect(decodeBytes(input)).toBeNull();
  });
});

describe('splitFrontMatter', () => {
  it.each([
    [
      'title and published',
      '---\ntitle: Hello\npublished: 2016-01-07\n---\nBody text.',
      { text: 'Body text.', title: 'Hello', origin: null, published: '2016-01-07', warnings: [] },
    ],
    [
      'quoted values',
      '---\ntitle: "Report: Jiaozuo"\npublished: "2016-01-07"\n---\nBody',
      { text: 'Body', title: 'Report: Jiaozuo', origin: null, published: '2016-01-07', warnings: [] },
    ],
    [
      'a YAML timestamp with a time',
      '---\npublished: 2016-01-07T10:30:00Z\n---\nB',
      { text: 'B', title: null, origin: null, published: '2016-01-07', warnings: [] },
    ],
    [
      'a YAML timestamp with a space and zone',
      '---\npublished: 2016-01-07 23:30:00 +08:00\n---\nB',
      { text: 'B', title: null, origin: null, published: '2016-01-07', warnings: [] },
    ],
    ['CRLF line ends', '---\r\ntitle: X\r\n---\r\nBody\r\nmore', { text: 'Body\r\nmore', title: 'X', origin: null, published: null, warnings: [] }],
    ['title trimmed, blank title is null', '---\ntitle: "  Spaced  "\n---\nB', { text: 'B', title: 'Spaced', origin: null, published: null, warnings: [] }],
    ['blank title', '---\ntitle: "   "\n---\nB', { text: 'B', title: null, origin: null, published: null, warnings: [] }],
    [
      'source is the origin, other fields ignored',
      '---\nsource: http://example.org\nauthor: Li\n---\nB',
      { text: 'B', title: null, origin: 'http://example.org', published: null, warnings: [] },
    ],
    ['front matter at the very end', '---\ntitle: X\n---', { text: '', title: 'X', origin: null, published: null, warnings: [] }],
    [
      'text kept exactly after the front matter',
      '---\ntitle: X\n---\n\n  Indented body.\n',
      { text: '\n  Indented body.\n', title: 'X', origin: null, published: null, warnings: [] },
    ],
  ])('%s', (_label, input, expected) => {
    expect(splitFrontMatter(input)).toEqual(expected);
  });

  it.each([
    ['plain text', 'No front matter here.'],
    ['a rule later in the text', 'Intro\n---\ntitle: X\n---\n'],
    ['a leading space', ' ---\ntitle: X\n---\nBody'],
    ['an unclosed block', '---\ntitle: X\nBody'],
    ['empty', ''],
  ])('no front matter (%s): the text is unchanged', (_label, input) => {
    expect(splitFrontMatter(input)).toEqual({ text: input, title: null, origin: null, published: null, warnings: [] });
  });

  it.each([['---\ntitle: [unclosed\n---\nBody'], ['---\ntitle: "unterminated\n---\nBody'], ['---\ntitle: a\n  bad: indentation: here\n---\nBody']])(
    'broken YAML %j: LOAD_BAD_FRONT_MATTER warning and the whole text kept',
    (input) => {
      const result = splitFrontMatter(input);
      expect(result.text).toBe(input);
      expect(result.title).toBeNull();
      expect(result.published).toBeNull();
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]?.code).toBe('LOAD_BAD_FRONT_MATTER');
      expect(result.warnings[0]?.reason).toMatch(
        /^front matter is not YAML \(.+\); kept as text \(fix the YAML between the --- lines to read title and published\)$/,
      );
    },
  );

  it.each([
    ['not a date', 'published "not a date" is not a date; ignored (write it as YYYY-MM-DD)'],
    ['20160107', 'published "20160107" is not a date; ignored (write it as YYYY-MM-DD)'],
  ])('an unrecognisable published %j is ignored with a warning', (published, reason) => {
    expect(splitFrontMatter(`---\ntitle: T\npublished: ${published}\n---\nBody`)).toEqual({
      text: 'Body',
      title: 'T',
      origin: null,
      published: null,
      warnings: [{ code: 'LOAD_BAD_PUBLISHED', reason }],
    });
  });
});

describe('htmlToText', () => {
  it('drops head, scripts, styles and comments, decodes entities and separates blocks by a blank line', () => {
    const html =
      '<html><head><title> My  Page </title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>' +
      '<body><!-- hidden comment --><h1>Heading</h1><p>First &amp; second&nbsp;para &lt;b&gt; &#8220;q&#8221; &eacute; &#x1F600;</p>' +
      '<div>Block <b>bold</b> <i>text</i></div></body></html>';
    expect(htmlToText(html)).toEqual({ text: 'Heading\n\nFirst & second\u00a0para <b> “q” é 😀\n\nBlock bold text', title: 'My Page' });
  });

  it.each([
    ['<ul><li>one</li><li>two</li></ul>', 'one\n\ntwo'],
    ['<p>unclosed <p>next', 'unclosed\n\nnext'],
    ['plain text, no tags', 'plain text, no tags'],
    ['<p>  spaced \n\n  out  </p>', 'spaced out'],
    ['<p>a<br>b</p>', 'a b'],
    ['<noscript>ns</noscript><template>tp</template><iframe>if</iframe><p>ok</p>', 'ok'],
    ['<svg><text>drawn</text></svg><p>after</p>', 'after'],
    ['<p>one</p>text between<p>two</p>', 'one\n\ntext between\n\ntwo'],
    ['<span>in</span><span>line</span>', 'inline'],
    ['<p>x</p><script>if (a < b) { document.write("<p>z</p>") }</script><p>y</p>', 'x\n\ny'],
    ['<P>Upper</P><SCRIPT>bad()</SCRIPT>', 'Upper'],
    ['<p>Hello</p><p></p><p>   </p><p>World</p>', 'Hello\n\nWorld'],
    ['<p>a &amp;amp; b</p>', 'a &amp; b'],
    ['<h2>Sub</h2><blockquote>quoted</blockquote><pre>code</pre>', 'Sub\n\nquoted\n\ncode'],
    ['', ''],
  ])('%j -> %j', (html, expected) => {
    expect(htmlToText(html).text).toBe(expected);
  });

  it.each([
    ['<title>a &amp; b</title><p>z</p>', 'a & b'],
    ['<html><head><title>\n  Two\n  Lines\n</title></head><body>x</body></html>', 'Two Lines'],
    ['<p>no title</p>', null],
    ['<title>   </title><p>blank title</p>', null],
  ])('title of %j is %j', (html, expected) => {
    expect(htmlToText(html).title).toBe(expected);
  });
});

describe('normalizePublished', () => {
  it.each<[unknown, string | null]>([
    ['2016-01-07', '2016-01-07'],
    [' 2016-01-07 ', '2016-01-07'],
    ['2016-01-07T10:00:00Z', '2016-01-07'],
    ['2016-01-07T23:30:00+08:00', '2016-01-07'],
    [new Date(Date.UTC(2016, 0, 7)), '2016-01-07'],
    [new Date('2015-08-31T12:00:00Z'), '2015-08-31'],
    [new Date('not a date'), null],
    ['yesterday', null],
    ['not a date', null],
    ['', null],
    [20160107, null],
    [null, null],
    [undefined, null],
    [true, null],
    [{ year: 2016 }, null],
  ])('%j -> %j', (value, expected) => {
    expect(normalizePublished(value)).toBe(expected);
  });
});

describe('documentIdOf', () => {
  it.each([
    ['000_0796cd7eea2f6637.txt', '000_0796cd7eea2f6637'],
    ['2016/jan/report-7.md', '2016/jan/report-7'],
    ['feed/2016-01.jsonl', 'feed/2016-01'],
    ['page.html', 'page'],
    ['archive.tar.gz', 'archive.tar'],
    ['noext', 'noext'],
    ['dir.v2/file', 'dir.v2/file'],
    ['.hidden', '.hidden'],
  ])('%s -> %s', (relativePath, expected) => {
    expect(documentIdOf(relativePath)).toBe(expected);
  });
});

describe('discoverInputs', () => {
  it('lists files recursively with forward-slash relative paths, sorted, skipping hidden files and folders', async () => {
    const root = folderWith({
      'b.txt': 'b',
      'a.txt': 'a',
      'sub/deeper/c.md': 'c',
      'sub/a.txt': 'x',
      '.hidden.txt': 'h',
      '.git/config': 'g',
      'sub/.cache/d.txt': 'd',
      'B.txt': 'B',
    });
    const { files } = await discoverInputs([root]);
    expect(files.map((file) => file.relativePath)).toEqual(['B.txt', 'a.txt', 'b.txt', 'sub/a.txt', 'sub/deeper/c.md']);
    expect(files[3]?.absolutePath).toBe(path.join(root, 'sub', 'a.txt'));
  });

  it('takes a file root as one input named by its base name, roots in the order given', async () => {
    const first = folderWith({ 'z.txt': 'z' });
    const second = folderWith({ 'a.txt': 'a' });
    const { files } = await discoverInputs([path.join(first, 'z.txt'), second]);
    expect(files).toEqual([
      { absolutePath: path.join(first, 'z.txt'), relativePath: 'z.txt', id: 'z', order: 0, warnings: [], problem: null },
      { absolutePath: path.join(second, 'a.txt'), relativePath: 'a.txt', id: 'a', order: 1, warnings: [], problem: null },
    ]);
  });

  it('leaves out a folder holding the output of a quarry run, and names it', async () => {
    const root = folderWith({
      'a.txt': 'a',
      'old-out/manifest.json': '{ "tool": "quarry" }',
      'old-out/documents.jsonl': '{"doc_id": "a"}',
      'old-out/report/index.html': '<p>report</p>',
      'other/manifest.json': '{ "name": "not a quarry output" }',
    });
    const { files, leftOut } = await discoverInputs([root]);
    expect(files.map((file) => file.relativePath)).toEqual(['a.txt', 'other/manifest.json']);
    expect(leftOut).toEqual([path.join(root, 'old-out')]);
  });

  it('throws InputError for a root that does not exist', async () => {
    const missing = path.join(os.tmpdir(), 'quarry-load-test-does-not-exist-7f3a');
    await expect(discoverInputs([missing])).rejects.toThrow(InputError);
    await expect(discoverInputs([missing])).rejects.toThrow(`input not found: ${missing}`);
  });
});

describe('loadFile', () => {
  let root: string;
  beforeAll(() => {
    root = folderWith({
      'plain.txt': '  Plain text.\r\nSecond line.\n',
      'bom.txt': bytes(0xef, 0xbb, 0xbf, 0x48, 0x69),
      'utf16.txt': bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00),
      'latin1.txt': bytes(0x63, 0x61, 0x66, 0xe9),
      'note.md': '---\ntitle: Report\npublished: 2016-01-07\n---\nBody of the note.',
      'broken.md': '---\ntitle: [oops\n---\nBody',
      'badDate.markdown': '---\npublished: someday\n---\nBody',
      'page.html': '<html><head><title>Page Title</title></head><body><p>Hello &amp; welcome.</p><p>Second.</p></body></html>',
      'page2.htm': '<p>Short page</p>',
      'empty.txt': '',
      'blank.md': '   \n\n\t',
      'script-only.html': '<script>x()</script>',
      'frontmatter-only.md': '---\ntitle: Only\n---\n',
      'image.png': 'PNGDATA',
      'binary.txt': bytes(0x41, 0x00, 0x42),
      'big.txt': 'x'.repeat(200),
      'feed/2016-01.jsonl':
        '{"id":"r1","text":"one","title":"First","published":"2016-02-03","source":"http://example.org/1"}\n' +
        '{broken\n' +
        '{"text":"no id"}\n' +
        '\n' +
        '{"id":7,"text":"numeric id"}\r\n' +
        '{"id":"","text":"empty id"}\n' +
        '{"text":"   "}\n' +
        '[1,2]\n' +
        '{"id":"x","text":5}\n' +
        'null\n',
      'empty.jsonl': '\n\n',
    });
  });
  const fileAt = (relativePath: string): InputFile => ({
    absolutePath: path.join(root, relativePath),
    relativePath,
    id: documentIdOf(relativePath),
    order: 0,
    warnings: [],
    problem: null,
  });

  it.each([
    [
      'plain.txt',
      {
        id: 'plain',
        source: 'plain.txt',
        format: 'txt',
        status: 'ok',
        error: null,
        warnings: [],
        title: null,
        published: null,
        text: '  Plain text.\r\nSecond line.\n',
      },
    ],
    ['bom.txt', { id: 'bom', source: 'bom.txt', format: 'txt', status: 'ok', error: null, warnings: [], title: null, published: null, text: 'Hi' }],
    ['utf16.txt', { id: 'utf16', source: 'utf16.txt', format: 'txt', status: 'ok', error: null, warnings: [], title: null, published: null, text: 'Hi' }],
    [
      'latin1.txt',
      {
        id: 'latin1',
        source: 'latin1.txt',
        format: 'txt',
        status: 'ok',
        error: null,
        warnings: [
          'LOAD_DECODE_FALLBACK: latin1.txt: not valid UTF-8; decoded as Windows-1252 (check accented letters and quotes; save the file as UTF-8 to silence this)',
        ],
        title: null,
        published: null,
        text: 'café',
      },
    ],
    [
      'note.md',
      {
        id: 'note',
        source: 'note.md',
        format: 'md',
        status: 'ok',
        error: null,
        warnings: [],
        title: 'Report',
        published: '2016-01-07',
        text: 'Body of the note.',
      },
    ],
    [
      'badDate.markdown',
      {
        id: 'badDate',
        source: 'badDate.markdown',
        format: 'md',
        status: 'ok',
        error: null,
        warnings: ['LOAD_BAD_PUBLISHED: badDate.markdown: published "someday" is not a date; ignored (write it as YYYY-MM-DD)'],
        title: null,
        published: null,
        text: 'Body',
      },
    ],
    [
      'page.html',
      {
        id: 'page',
        source: 'page.html',
        format: 'html',
        status: 'ok',
        error: null,
        warnings: [],
        title: 'Page Title',
        published: null,
        text: 'Hello & welcome.\n\nSecond.',
      },
    ],
    [
      'page2.htm',
      { id: 'page2', source: 'page2.htm', format: 'html', status: 'ok', error: null, warnings: [], title: null, published: null, text: 'Short page' },
    ],
  ])('reads %s', async (relativePath, expected) => {
    const documents = await collect(loadFile(fileAt(relativePath), LOAD_OPTIONS));
    expect(documents.map(summary)).toEqual([expected]);
  });

  it('keeps the whole Markdown text when its front matter is broken', async () => {
    const [document] = await collect(loadFile(fileAt('broken.md'), LOAD_OPTIONS));
    expect(document?.status).toBe('ok');
    expect(document?.text).toBe('---\ntitle: [oops\n---\nBody');
    expect(document?.warnings).toHaveLength(1);
    expect(document?.warnings[0]).toMatchObject({ code: 'LOAD_BAD_FRONT_MATTER', severity: 'warning', source: 'broken.md', line: null, prefixed: true });
  });

  it('hashes the raw bytes of the file', async () => {
    const [document] = await collect(loadFile(fileAt('bom.txt'), LOAD_OPTIONS));
    expect(document?.sha256).toBe(sha256(bytes(0xef, 0xbb, 0xbf, 0x48, 0x69)));
  });

  it.each([
    ['empty.txt', 'txt', 'LOAD_EMPTY: empty.txt has no text (empty, only whitespace, or only front matter or markup); nothing to extract'],
    ['blank.md', 'md', 'LOAD_EMPTY: blank.md has no text (empty, only whitespace, or only front matter or markup); nothing to extract'],
    ['script-only.html', 'html', 'LOAD_EMPTY: script-only.html has no text (empty, only whitespace, or only front matter or markup); nothing to extract'],
    ['frontmatter-only.md', 'md', 'LOAD_EMPTY: frontmatter-only.md has no text (empty, only whitespace, or only front matter or markup); nothing to extract'],
    ['image.png', 'unknown', 'LOAD_UNSUPPORTED: image.png: the extension ".png" is not in load.extensions; add it there to read such files as text'],
    [
      'binary.txt',
      'txt',
      'LOAD_BINARY: binary.txt looks binary (NUL or control bytes), not like text; if it is UTF-16 text, save it with a byte-order mark or as UTF-8',
    ],
  ])('skips %s (%s) with %j', async (relativePath, format, error) => {
    const documents = await collect(loadFile(fileAt(relativePath), LOAD_OPTIONS));
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ id: documentIdOf(relativePath), source: relativePath, format, status: 'skipped', passages: [] });
    expect(documents.map(summary)[0]?.error).toBe(error);
  });

  it('skips an extension left out of load.extensions', async () => {
    const documents = await collect(loadFile(fileAt('note.md'), { ...LOAD_OPTIONS, extensions: ['.txt'] }));
    expect(documents.map(summary)).toEqual([
      {
        id: 'note',
        source: 'note.md',
        format: 'unknown',
        status: 'skipped',
        error: 'LOAD_UNSUPPORTED: note.md: the extension ".md" is not in load.extensions; add it there to read such files as text',
        warnings: [],
        title: null,
        published: null,
        text: '',
      },
    ]);
  });

  it('fails a file over load.maxFileBytes with LOAD_TOO_LARGE, hashing it as a stream', async () => {
    const documents = await collect(loadFile(fileAt('big.txt'), { ...LOAD_OPTIONS, maxFileBytes: 100 }));
    expect(documents.map(summary)).toEqual([
      {
        id: 'big',
        source: 'big.txt',
        format: 'txt',
        status: 'failed',
        error: 'LOAD_TOO_LARGE: big.txt is 200 bytes, over load.maxFileBytes (100); raise the limit to read it',
        warnings: [],
        title: null,
        published: null,
        text: '',
      },
    ]);
    expect(documents[0]?.sha256).toBe(createHash('sha256').update('x'.repeat(200)).digest('hex'));
  });

  it('reads a file of exactly load.maxFileBytes', async () => {
    const documents = await collect(loadFile(fileAt('big.txt'), { ...LOAD_OPTIONS, maxFileBytes: 200 }));
    expect(documents[0]?.status).toBe('ok');
  });

  it('fails an unreadable file with LOAD_UNREADABLE', async () => {
    const documents = await collect(loadFile(fileAt('gone.txt'), LOAD_OPTIONS));
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ id: 'gone', source: 'gone.txt', status: 'failed', sha256: EMPTY_SHA256 });
    expect(documents.map(summary)[0]?.error).toMatch(
      /^LOAD_UNREADABLE: gone\.txt cannot be read \(ENOENT.*\); check that it exists and that its permissions let quarry read it$/,
    );
  });

  it('reads a JSONL file into one document per non-blank line', async () => {
    const documents = await collect(loadFile(fileAt('feed/2016-01.jsonl'), LOAD_OPTIONS));
    expect(documents.map((document) => [document.id, document.source, document.status, document.text])).toEqual([
      ['r1', 'feed/2016-01.jsonl:1', 'ok', 'one'],
      ['feed/2016-01:2', 'feed/2016-01.jsonl:2', 'failed', ''],
      ['feed/2016-01:3', 'feed/2016-01.jsonl:3', 'ok', 'no id'],
      ['7', 'feed/2016-01.jsonl:5', 'ok', 'numeric id'],
      ['feed/2016-01:6', 'feed/2016-01.jsonl:6', 'ok', 'empty id'],
      ['feed/2016-01:7', 'feed/2016-01.jsonl:7', 'skipped', '   '],
      ['feed/2016-01:8', 'feed/2016-01.jsonl:8', 'failed', ''],
      ['feed/2016-01:9', 'feed/2016-01.jsonl:9', 'failed', ''],
      ['feed/2016-01:10', 'feed/2016-01.jsonl:10', 'failed', ''],
    ]);
    expect(documents.every((document) => document.format === 'jsonl')).toBe(true);
  });

  it('takes title, published and origin from a JSONL record and hashes its line', async () => {
    const [first] = await collect(loadFile(fileAt('feed/2016-01.jsonl'), LOAD_OPTIONS));
    // The record's own source is its origin; source keeps the file and line.
    expect(first).toMatchObject({ source: 'feed/2016-01.jsonl:1', origin: 'http://example.org/1', title: 'First', published: '2016-02-03', warnings: [] });
    expect(first?.sha256).toBe(sha256('{"id":"r1","text":"one","title":"First","published":"2016-02-03","source":"http://example.org/1"}'));
  });

  it.each([
    [1, /^LOAD_BAD_JSONL_LINE: feed\/2016-01\.jsonl:2: not JSON \(.+\); fix or remove the line$/],
    [5, /^LOAD_EMPTY: feed\/2016-01\.jsonl:7: the record's "text" is empty or only whitespace; nothing to extract$/],
    [6, /^LOAD_BAD_JSONL_LINE: feed\/2016-01\.jsonl:8: found an array, not an object with a string "text"; fix or remove the line$/],
    [7, /^LOAD_BAD_JSONL_LINE: feed\/2016-01\.jsonl:9: found an object whose "text" is a number, not an object with a string "text"; fix or remove the line$/],
    [8, /^LOAD_BAD_JSONL_LINE: feed\/2016-01\.jsonl:10: found null, not an object with a string "text"; fix or remove the line$/],
  ])('JSONL document %i carries the error %s', async (index, error) => {
    const documents = await collect(loadFile(fileAt('feed/2016-01.jsonl'), LOAD_OPTIONS));
    expect(documents.map(summary)[index]?.error).toMatch(error);
  });

  it('keeps the file and line of a broken JSONL record as fields of its error', async () => {
    const documents = await collect(loadFile(fileAt('feed/2016-01.jsonl'), LOAD_OPTIONS));
    expect(documents[6]?.error).toEqual({
      code: 'LOAD_BAD_JSONL_LINE',
      severity: 'error',
      source: 'feed/2016-01.jsonl',
      line: 8,
      reason: 'found an array, not an object with a string "text"; fix or remove the line',
      prefixed: true,
    });
  });

  it('skips a JSONL file without records', async () => {
    const documents = await collect(loadFile(fileAt('empty.jsonl'), LOAD_OPTIONS));
    expect(documents.map(summary)).toEqual([
      {
        id: 'empty',
        source: 'empty.jsonl',
        format: 'jsonl',
        status: 'skipped',
        error: 'LOAD_EMPTY: empty.jsonl has no records (no line that is not blank); nothing to extract',
        warnings: [],
        title: null,
        published: null,
        text: '',
      },
    ]);
  });
});

describe('load stage', () => {
  it('loads every file under the input roots in sorted order, with unique ids', async () => {
    const root = folderWith({
      'b.txt': 'Plain text.',
      'a.md': '---\ntitle: Report\npublished: 2016-01-07\n---\nBody.',
      'c.html': '<title>T</title><p>Hi</p>',
      '2016/jan/report-7.txt': 'Nested.',
      'feed/2016-01.jsonl': '{"id":"r1","text":"one"}\n{broken\n{"text":"no id"}\n',
      'empty.txt': '',
      'image.png': 'PNG',
      'big.txt': 'x'.repeat(300),
      'report.md': 'md version',
      'report.txt': 'txt version',
      'report.html': '<p>html version</p>',
      '.hidden/x.txt': 'hidden',
    });
    const documents = await collect(load.run(resolveConfig({ input: [root], load: { maxFileBytes: 200 } })));
    expect(documents.map((document) => [document.id, document.source, document.status, document.error?.code ?? null])).toEqual([
      ['2016/jan/report-7', '2016/jan/report-7.txt', 'ok', null],
      ['a', 'a.md', 'ok', null],
      ['b', 'b.txt', 'ok', null],
      ['big', 'big.txt', 'failed', 'LOAD_TOO_LARGE'],
      ['c', 'c.html', 'ok', null],
      ['empty', 'empty.txt', 'skipped', 'LOAD_EMPTY'],
      ['r1', 'feed/2016-01.jsonl:1', 'ok', null],
      ['feed/2016-01:2', 'feed/2016-01.jsonl:2', 'failed', 'LOAD_BAD_JSONL_LINE'],
      ['feed/2016-01:3', 'feed/2016-01.jsonl:3', 'ok', null],
      ['image', 'image.png', 'skipped', 'LOAD_UNSUPPORTED'],
      ['report', 'report.html', 'ok', null],
      ['report.md', 'report.md', 'ok', null],
      ['report.txt', 'report.txt', 'ok', null],
    ]);
    expect(documents.find((document) => document.id === 'report')?.warnings).toEqual([]);
    expect(documents.find((document) => document.id === 'report.md')?.warnings.map(renderDiagnostic)).toEqual([
      'LOAD_DUPLICATE_ID: doc_id "report" is already taken by another input; this one is "report.md"',
    ]);
    expect(documents.find((document) => document.id === 'report.txt')?.warnings.map(renderDiagnostic)).toEqual([
      'LOAD_DUPLICATE_ID: doc_id "report" is already taken by another input; this one is "report.txt"',
    ]);
  });

  it('keeps the ids JSONL records give themselves (the run fails a later duplicate), with their input order', async () => {
    const root = folderWith({ 'a.jsonl': '{"id":"b","text":"record"}\n{"id":"b","text":"again"}\n', 'b.txt': 'file' });
    const documents = await collect(load.run(resolveConfig({ input: [root] })));
    expect(documents.map((document) => [document.id, document.source, document.warnings, document.order])).toEqual([
      ['b', 'a.jsonl:1', [], [0, 1]],
      ['b', 'a.jsonl:2', [], [0, 2]],
      ['b', 'b.txt', [], [1, 0]],
    ]);
  });

  it('gives a counter to a duplicate whose source is taken too', async () => {
    const first = folderWith({ 'a.txt': 'one' });
    const second = folderWith({ 'a.txt': 'two' });
    const third = folderWith({ 'a.txt': 'three' });
    const documents = await collect(load.run(resolveConfig({ input: [first, second, third] })));
    expect(documents.map((document) => [document.id, document.text])).toEqual([
      ['a', 'one'],
      ['a.txt', 'two'],
      ['a.txt~2', 'three'],
    ]);
    expect(documents[2]?.warnings.map(renderDiagnostic)).toEqual(['LOAD_DUPLICATE_ID: doc_id "a" is already taken by another input; this one is "a.txt~2"']);
  });

  it('rejects with InputError when an input root is missing', async () => {
    await expect(collect(load.run(resolveConfig({ input: [path.join(os.tmpdir(), 'quarry-load-test-missing-91c2')] })))).rejects.toThrow(InputError);
  });

  it('gives the same documents on every run', async () => {
    const root = folderWith(Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`f${String(index).padStart(2, '0')}.txt`, `text ${index}`])));
    const config = resolveConfig({ input: [root], load: { concurrency: 3 } });
    const first = (await collect(load.run(config))).map(summary);
    const second = (await collect(load.run(config))).map(summary);
    expect(first.map((document) => document.id)).toEqual(Array.from({ length: 40 }, (_, index) => `f${String(index).padStart(2, '0')}`));
    expect(second).toEqual(first);
  });
});

describe('the output folder under an input root', () => {
  it('is not read as input, so a second run does not take the first run tables for documents', async () => {
    const root = folderWith({
      'a.txt': 'Li Dayong spoke.',
      'out/documents.jsonl': '{"text":"an earlier table row"}\n',
      'out/report/index.html': '<p>report</p>',
    });
    const documents = await collect(load.run(resolveConfig({ input: [root], output: path.join(root, 'out') })));
    expect(documents.map((document) => document.source)).toEqual(['a.txt']);
  });
});
