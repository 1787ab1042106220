import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config.ts';
import { createDocument, failDocument, type PipelineDocument } from '../document.ts';
import { decodeBytes, sha256 } from '../input/decode.ts';
import { discoverInputs, type InputFile } from '../input/discover.ts';
import { surveyInputs } from '../input/survey.ts';
import { htmlToText } from '../input/html.ts';
import { readMetadata, splitFrontMatter } from '../input/metadata.ts';
import { diagnosticAt, diagnosticOn, findingAt } from '../diagnostics.ts';
import { MessageCode, type Diagnostic, type DocumentFormat } from '../schemas/index.ts';
import type { SourceStage } from '../stage.ts';
import { readAhead } from '../run/read-ahead.ts';
import { loadOptions } from './options/load.ts';

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
};

/** SHA-256 of a file read as a stream, for files that are reported rather than read (too large, unsupported). */
async function hashFile(absolutePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(absolutePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function failed(
  file: InputFile,
  fields: { id?: string; source?: string; format: DocumentFormat; hash: string; error: Diagnostic; status?: 'failed' | 'skipped'; order?: number },
): PipelineDocument {
  const document = createDocument({
    id: fields.id ?? file.id,
    source: fields.source ?? file.relativePath,
    format: fields.format,
    sha256: fields.hash,
    text: '',
    warnings: [...file.warnings],
    order: [file.order, fields.order ?? 0],
  });
  failDocument(document, fields.error, fields.status ?? 'failed');
  return document;
}

/** What a JSON value is, for a message about a JSONL line that is not a record. */
function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const text = (value as { text?: unknown }).text;
  return text === undefined
    ? 'an object without "text"'
    : `an object whose "text" is ${text === null ? 'null' : Array.isArray(text) ? 'an array' : `a ${typeof text}`}`;
}

/** One JSONL line as a document; a broken line is a failed document of its own. */
function jsonlDocument(file: InputFile, line: string, lineNumber: number, maxBytes: number): PipelineDocument {
  const source = `${file.relativePath}:${lineNumber}`;
  const place = { source: file.relativePath, line: lineNumber };
  const fallbackId = `${file.id}:${lineNumber}`;
  const lineFields = { id: fallbackId, source, format: 'jsonl' as const, hash: sha256(line), order: lineNumber };
  if (Buffer.byteLength(line) > maxBytes)
    return failed(file, {
      ...lineFields,
      error: diagnosticAt('error', MessageCode.LOAD_TOO_LARGE, place, `the record is over load.maxFileBytes (${maxBytes} bytes); raise the limit to read it`),
    });
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return failed(file, {
      ...lineFields,
      error: diagnosticAt('error', MessageCode.LOAD_BAD_JSONL_LINE, place, `not JSON (${(error as Error).message}); fix or remove the line`),
    });
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record) || typeof (record as { text?: unknown }).text !== 'string') {
    return failed(file, {
      ...lineFields,
      error: diagnosticAt(
        'error',
        MessageCode.LOAD_BAD_JSONL_LINE,
        place,
        `found ${describeJson(record)}, not an object with a string "text"; fix or remove the line`,
      ),
    });
  }
  const fields = record as Record<string, unknown>;
  const id = typeof fields.id === 'string' && fields.id.trim() !== '' ? fields.id : typeof fields.id === 'number' ? String(fields.id) : fallbackId;
  const metadata = readMetadata(fields);
  const document = createDocument({
    id,
    source,
    origin: metadata.origin,
    format: 'jsonl',
    sha256: lineFields.hash,
    text: fields.text as string,
    title: metadata.title,
    published: metadata.published,
    warnings: [...file.warnings, ...metadata.warnings.map((warning) => findingAt('warning', warning, place))],
    order: [file.order, lineNumber],
  });
  if (document.text.trim() === '')
    failDocument(
      document,
      diagnosticAt('error', MessageCode.LOAD_EMPTY, place, `the record's "text" is empty or only whitespace; nothing to extract`),
      'skipped',
    );
  return document;
}

/** Reads a JSONL file line by line, so a feed of any size streams through without being held whole. */
async function* jsonlDocuments(file: InputFile, maxBytes: number): AsyncGenerator<PipelineDocument> {
  const lines = createInterface({ input: createReadStream(file.absolutePath, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let records = 0;
  for await (const rawLine of lines) {
    lineNumber++;
    const line = lineNumber === 1 ? rawLine.replace(/^\ufeff/, '') : rawLine;
    if (line.trim() === '') continue;
    records++;
    yield jsonlDocument(file, line, lineNumber, maxBytes);
  }
  if (records === 0)
    yield failed(file, {
      format: 'jsonl',
      hash: await hashFile(file.absolutePath),
      error: diagnosticOn(
        'error',
        MessageCode.LOAD_EMPTY,
        file.relativePath,
        `${file.relativePath} has no records (no line that is not blank); nothing to extract`,
      ),
      status: 'skipped',
    });
}

/** Reads one text, Markdown or HTML file into a document. Never throws for bad data. */
async function fileDocument(file: InputFile, format: DocumentFormat): Promise<PipelineDocument> {
  const bytes = await readFile(file.absolutePath);
  const hash = sha256(bytes);
  const decoded = decodeBytes(bytes);
  if (decoded === null)
    return failed(file, {
      format,
      hash,
      error: diagnosticOn(
        'error',
        MessageCode.LOAD_BINARY,
        file.relativePath,
        `${file.relativePath} looks binary (NUL or control bytes), not like text; if it is UTF-16 text, save it with a byte-order mark or as UTF-8`,
      ),
      status: 'skipped',
    });
  const place = { source: file.relativePath, line: null };
  const warnings = [...file.warnings, ...(decoded.warning === null ? [] : [findingAt('warning', decoded.warning, place)])];
  let text = decoded.text;
  let title: string | null = null;
  let published: string | null = null;
  let origin: string | null = null;
  if (format === 'md') {
    const split = splitFrontMatter(text);
    ({ text, title, published, origin } = split);
    warnings.push(...split.warnings.map((warning) => findingAt('warning', warning, place)));
  } else if (format === 'html') {
    ({ text, title } = htmlToText(text));
  }
  const document = createDocument({
    id: file.id,
    source: file.relativePath,
    origin,
    format,
    sha256: hash,
    text,
    title,
    published,
    warnings,
    order: [file.order, 0],
  });
  if (text.trim() === '')
    failDocument(
      document,
      diagnosticOn(
        'error',
        MessageCode.LOAD_EMPTY,
        file.relativePath,
        `${file.relativePath} has no text (empty, only whitespace, or only front matter or markup); nothing to extract`,
      ),
      'skipped',
    );
  return document;
}

/**
 * Reads one input into its documents (one, or one per JSONL line). Problems
 * become failed or skipped documents with a coded reason; it never throws.
 */
export async function* loadFile(file: InputFile, config: ResolvedConfig['load']): AsyncGenerator<PipelineDocument> {
  const extension = path.posix.extname(file.relativePath).toLowerCase();
  const format = config.extensions.includes(extension) ? (FORMAT_BY_EXTENSION[extension] ?? 'txt') : 'unknown';
  if (file.problem !== null) {
    // An entry of a kind quarry does not read (a pipe, a device) is skipped like an unsupported extension; a link it cannot follow failed.
    const status = file.problem.code === MessageCode.LOAD_UNSUPPORTED ? 'skipped' : 'failed';
    yield failed(file, { format, hash: sha256(''), error: file.problem, status });
    return;
  }
  try {
    if (format === 'unknown') {
      yield failed(file, {
        format,
        hash: await hashFile(file.absolutePath),
        error:
          extension === ''
            ? diagnosticOn(
                'error',
                MessageCode.LOAD_UNSUPPORTED,
                file.relativePath,
                `${file.relativePath} has no file extension, so its type is unknown; rename it (e.g. to .txt) to read it`,
              )
            : diagnosticAt(
                'error',
                MessageCode.LOAD_UNSUPPORTED,
                { source: file.relativePath, line: null },
                `the extension "${extension}" is not in load.extensions; add it there to read such files as text`,
              ),
        status: 'skipped',
      });
      return;
    }
    if (format === 'jsonl') {
      yield* jsonlDocuments(file, config.maxFileBytes);
      return;
    }
    const { size } = await stat(file.absolutePath);
    if (size > config.maxFileBytes) {
      yield failed(file, {
        format,
        hash: await hashFile(file.absolutePath),
        error: diagnosticOn(
          'error',
          MessageCode.LOAD_TOO_LARGE,
          file.relativePath,
          `${file.relativePath} is ${size} bytes, over load.maxFileBytes (${config.maxFileBytes}); raise the limit to read it`,
        ),
      });
      return;
    }
    yield await fileDocument(file, format);
  } catch (error) {
    yield failed(file, {
      format,
      hash: sha256(''),
      error: diagnosticOn(
        'error',
        MessageCode.LOAD_UNREADABLE,
        file.relativePath,
        `${file.relativePath} cannot be read (${(error as Error).message}); check that it exists and that its permissions let quarry read it`,
      ),
    });
  }
}

/** JSONL feeds stream line by line; other files are read whole (they are bounded by load.maxFileBytes). */
const streamsLineByLine = (file: InputFile): boolean => file.problem === null && path.posix.extname(file.relativePath).toLowerCase() === '.jsonl';

/**
 * Yields the documents of the inputs in input order, reading up to
 * load.concurrency files ahead so disk reads overlap with extraction while
 * memory stays bounded by the window.
 */
export async function* loadDocuments(files: readonly InputFile[], config: ResolvedConfig['load']): AsyncGenerator<PipelineDocument> {
  const readWhole = async (file: InputFile): Promise<PipelineDocument[]> => {
    const documents: PipelineDocument[] = [];
    for await (const document of loadFile(file, config)) documents.push(document);
    return documents;
  };
  // A JSONL feed takes its place in the window but is not read ahead: its generator starts at its turn and streams it.
  const read = async (file: InputFile): Promise<PipelineDocument[] | AsyncGenerator<PipelineDocument>> =>
    streamsLineByLine(file) ? loadFile(file, config) : readWhole(file);
  for await (const documents of readAhead(files, read, config.concurrency)) yield* documents;
}

/** Discovers the input files (the given share of them) and decodes them into documents, in input order. */
export const load: SourceStage = {
  kind: 'source',
  name: 'load',
  options: loadOptions,
  requires: ['config.input', 'config.load'],
  assigns: ['document.id', 'document.text', 'document.title', 'document.published', 'document.status'],
  async *run(config, select = () => true, onSurvey) {
    const listing = await discoverInputs(config.input, [config.output, ...(config.cacheDirectory === null ? [] : [config.cacheDirectory])]);
    const files = listing.files.filter(select);
    if (onSurvey !== undefined) {
      const readsRecords = (file: InputFile): boolean => streamsLineByLine(file) && config.load.extensions.includes('.jsonl');
      onSurvey(await surveyInputs({ files, leftOut: listing.leftOut }, readsRecords, config.load.concurrency));
    }
    yield* loadDocuments(files, config.load);
  },
};
