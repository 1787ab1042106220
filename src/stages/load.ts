import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import pLimit from 'p-limit';
import { parse as parseYaml } from 'yaml';
import type { ResolvedConfig } from '../config.ts';
import { createDocument, failDocument, type PipelineDocument } from '../document.ts';
import { formatMessage, MessageCode } from '../messages.ts';
import type { DocumentFormat } from '../schemas/index.ts';
import type { SourceStage } from '../stage.ts';

/** A file found under an input root. */
export interface InputFile {
  absolutePath: string;
  /** Path relative to its input root, with forward slashes. */
  relativePath: string;
}

/** Lists the files under the input roots (folders recursively, hidden entries skipped), sorted for a stable order. */
export async function discoverInputs(roots: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const root of roots) {
    const absoluteRoot = path.resolve(root);
    const info = await stat(absoluteRoot).catch(() => null);
    if (info === null) throw new InputError(`input not found: ${root}`);
    if (info.isFile()) {
      files.push({ absolutePath: absoluteRoot, relativePath: path.basename(absoluteRoot) });
      continue;
    }
    const entries = await readdir(absoluteRoot, { recursive: true, withFileTypes: true });
    const found: InputFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const absolutePath = path.join(entry.parentPath, entry.name);
      const relativePath = path.relative(absoluteRoot, absolutePath).split(path.sep).join('/');
      if (relativePath.split('/').some((part) => part.startsWith('.'))) continue;
      found.push({ absolutePath, relativePath });
    }
    found.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
    files.push(...found);
  }
  return files;
}

/** An input root that does not exist: a usage error (CLI exit code 2). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
};

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Result of decoding raw bytes to text. */
export interface Decoded {
  text: string;
  warning: string | null;
}

/**
 * Decodes file bytes: UTF-8 (byte-order mark dropped), UTF-16 with a
 * byte-order mark, and, for bytes that are not valid UTF-8, Windows-1252 with
 * a warning. Returns null for binary data (NUL bytes without a UTF-16 BOM).
 */
export function decodeBytes(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warning: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warning: null };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (body.subarray(0, 8192).includes(0)) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), warning: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(body),
      warning: formatMessage(MessageCode.LOAD_DECODE_FALLBACK, 'not valid UTF-8; decoded as Windows-1252'),
    };
  }
}

/** Normalises a `published` value (string or YAML date) to YYYY-MM-DD, or null when it is not a date. */
export function normalizePublished(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

/** Front matter fields a document may carry. */
interface Metadata {
  title: string | null;
  published: string | null;
  warnings: string[];
}

function readMetadata(fields: Record<string, unknown>): Metadata {
  const warnings: string[] = [];
  const title = typeof fields.title === 'string' && fields.title.trim() !== '' ? fields.title.trim() : null;
  let published: string | null = null;
  if (fields.published !== undefined && fields.published !== null) {
    published = normalizePublished(fields.published);
    if (published === null) warnings.push(formatMessage(MessageCode.LOAD_BAD_PUBLISHED, `published "${String(fields.published)}" is not a date; ignored`));
  }
  return { title, published, warnings };
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits YAML front matter off a Markdown text. The document text is what follows it. */
export function splitFrontMatter(text: string): { text: string } & Metadata {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { text, title: null, published: null, warnings: [] };
  let fields: unknown;
  try {
    fields = parseYaml(match[1] ?? '');
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return { text, title: null, published: null, warnings: [formatMessage(MessageCode.LOAD_BAD_FRONT_MATTER, `front matter is not YAML (${reason}); kept as text`)] };
  }
  const metadata = fields !== null && typeof fields === 'object' ? readMetadata(fields as Record<string, unknown>) : { title: null, published: null, warnings: [] };
  return { text: text.slice(match[0].length), ...metadata };
}

/** Elements whose content is never visible text. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object']);
/** Elements that start a new paragraph. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr', 'blockquote', 'pre', 'figure', 'figcaption', 'hr', 'title', 'address', 'form', 'fieldset', 'details', 'summary']);

/**
 * Extracts the visible text of an HTML page with htmlparser2 (tolerant of broken
 * markup, entities decoded): block elements become paragraphs separated by a
 * blank line, whitespace inside a paragraph is collapsed, scripts, styles and
 * comments are dropped. Returns the text and the page title.
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
        if (name === 'title') inTitle = true;
        if (INVISIBLE.has(name)) invisibleDepth++;
        else if (BLOCKS.has(name)) flush();
        else if (name === 'br') current += '\n';
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
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { text: paragraphs.join('\n\n'), title: cleanTitle === '' ? null : cleanTitle };
}

/** doc_id of a file: its path relative to the root without the extension. */
export function documentIdOf(relativePath: string): string {
  const extension = path.posix.extname(relativePath);
  return extension === '' ? relativePath : relativePath.slice(0, -extension.length);
}

function parseJsonl(file: InputFile, text: string, bytesHash: string): PipelineDocument[] {
  const fileId = documentIdOf(file.relativePath);
  const documents: PipelineDocument[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    const lineNumber = lineIndex + 1;
    const source = `${file.relativePath}:${lineNumber}`;
    const fallbackId = `${fileId}:${lineNumber}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      documents.push(failed(fallbackId, source, 'jsonl', sha256(line), formatMessage(MessageCode.LOAD_BAD_JSONL_LINE, `${source}: not JSON (${(error as Error).message})`)));
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record) || typeof (record as { text?: unknown }).text !== 'string') {
      documents.push(failed(fallbackId, source, 'jsonl', sha256(line), formatMessage(MessageCode.LOAD_BAD_JSONL_LINE, `${source}: expected an object with a string "text"`)));
      return;
    }
    const fields = record as Record<string, unknown>;
    const id = typeof fields.id === 'string' && fields.id.trim() !== '' ? fields.id : typeof fields.id === 'number' ? String(fields.id) : fallbackId;
    const metadata = readMetadata(fields);
    const document = createDocument({
      id,
      source: typeof fields.source === 'string' && fields.source !== '' ? fields.source : source,
      format: 'jsonl',
      sha256: sha256(line),
      text: fields.text as string,
      title: metadata.title,
      published: metadata.published,
      warnings: metadata.warnings,
    });
    if (document.text.trim() === '') failDocument(document, formatMessage(MessageCode.LOAD_EMPTY, `${source}: the record has no text`), 'skipped');
    documents.push(document);
  });
  if (documents.length === 0) {
    documents.push(failed(fileId, file.relativePath, 'jsonl', bytesHash, formatMessage(MessageCode.LOAD_EMPTY, `${file.relativePath} has no records`), 'skipped'));
  }
  return documents;
}

function failed(id: string, source: string, format: DocumentFormat, hash: string, error: string, status: 'failed' | 'skipped' = 'failed'): PipelineDocument {
  const document = createDocument({ id, source, format, sha256: hash, text: '' });
  failDocument(document, error, status);
  return document;
}

/** Reads one input file into one document (or one per JSONL line). Never throws for bad data. */
export async function loadFile(file: InputFile, config: ResolvedConfig['load']): Promise<PipelineDocument[]> {
  const extension = path.posix.extname(file.relativePath).toLowerCase();
  const id = documentIdOf(file.relativePath);
  const format = config.extensions.includes(extension) ? (FORMAT_BY_EXTENSION[extension] ?? 'txt') : 'unknown';
  let bytes: Buffer;
  try {
    const info = await stat(file.absolutePath);
    if (info.size > config.maxFileBytes) {
      return [failed(id, file.relativePath, format, sha256(''), formatMessage(MessageCode.LOAD_TOO_LARGE, `${file.relativePath} is ${info.size} bytes, over load.maxFileBytes (${config.maxFileBytes}); raise the limit to read it`))];
    }
    bytes = await readFile(file.absolutePath);
  } catch (error) {
    return [failed(id, file.relativePath, format, sha256(''), formatMessage(MessageCode.LOAD_UNREADABLE, `${file.relativePath}: ${(error as Error).message}`))];
  }
  const hash = sha256(bytes);
  if (format === 'unknown') {
    return [failed(id, file.relativePath, format, hash, formatMessage(MessageCode.LOAD_UNSUPPORTED, `${file.relativePath}: extension "${extension}" is not in load.extensions`), 'skipped')];
  }
  const decoded = decodeBytes(bytes);
  if (decoded === null) return [failed(id, file.relativePath, format, hash, formatMessage(MessageCode.LOAD_BINARY, `${file.relativePath} looks binary (NUL bytes)`), 'skipped')];
  if (format === 'jsonl') {
    const documents = parseJsonl(file, decoded.text, hash);
    if (decoded.warning !== null) for (const document of documents) document.warnings.push(decoded.warning);
    return documents;
  }
  const warnings = decoded.warning === null ? [] : [decoded.warning];
  let text = decoded.text;
  let title: string | null = null;
  let published: string | null = null;
  if (format === 'md') {
    const split = splitFrontMatter(text);
    ({ text, title, published } = split);
    warnings.push(...split.warnings);
  } else if (format === 'html') {
    ({ text, title } = htmlToText(text));
  }
  const document = createDocument({ id, source: file.relativePath, format, sha256: hash, text, title, published, warnings });
  if (text.trim() === '') failDocument(document, formatMessage(MessageCode.LOAD_EMPTY, `${file.relativePath} has no text`), 'skipped');
  return [document];
}

/** Gives every document a unique doc_id: a later duplicate keeps its extension or gets a counter, with a warning. */
function deduplicateIds(documents: PipelineDocument[]): void {
  const seen = new Set<string>();
  for (const document of documents) {
    if (!seen.has(document.id)) {
      seen.add(document.id);
      continue;
    }
    let candidate = document.source;
    for (let counter = 2; seen.has(candidate); counter++) candidate = `${document.id}~${counter}`;
    document.warnings.push(formatMessage(MessageCode.LOAD_DUPLICATE_ID, `doc_id "${document.id}" is already taken; this input is "${candidate}"`));
    document.id = candidate;
    seen.add(candidate);
  }
}

/** Discovers the input files and decodes them into documents, in input order. */
export const load: SourceStage = {
  kind: 'source',
  name: 'load',
  requires: ['config.input', 'config.load'],
  assigns: ['document.id', 'document.text', 'document.title', 'document.published', 'document.status'],
  async run(config) {
    const files = await discoverInputs(config.input);
    const limit = pLimit(config.load.concurrency);
    const loaded = await Promise.all(files.map((file) => limit(() => loadFile(file, config.load))));
    const documents = loaded.flat();
    deduplicateIds(documents);
    return documents;
  },
};
