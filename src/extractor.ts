import { resolveConfig, type PipelineConfig, type ResolvedConfig } from './config.ts';
import { createDocument, failDocument } from './document.ts';
import { sha256 } from './input/decode.ts';
import { readMetadata } from './input/metadata.ts';
import { diagnosticAt, findingAt } from './diagnostics.ts';
import { claimLinkRows } from './output/claim-links.ts';
import { writtenRows } from './output/rows.ts';
import type { DocumentResult } from './run/document-result.ts';
import { extractResult, type LoadedDocument } from './run/extract-document.ts';
import { ResultCache } from './run/result-cache.ts';
import { workerPoolRunner, type TaskRunner } from './run/task-runner.ts';
import { workerCount } from './run/worker-count.ts';
import { MessageCode, type TableRows } from './schemas/index.ts';
import type { CorpusStage, Stage } from './stage.ts';
import { DOCUMENT_STAGES, STAGES } from './stages/index.ts';
import { recognizerFor } from './stages/extract-entities.ts';

/** One document to extract: its text and, optionally, what a JSONL record may carry beside it. */
export interface TextDocument {
  text: string;
  /** The document id (doc_id): a non-blank string; `doc-<n>` when left out (see Extractor). */
  id?: string;
  title?: string | null;
  /** Publication date, YYYY-MM-DD (or a Date): the reference date of relative dates ("last Tuesday"). */
  published?: string | Date | null;
  /** Where the document comes from (a URL, a publication): `documents.origin`, as a JSONL record's `source`. */
  source?: string | null;
}

/** An input of `extractMany`: a text, or a text with its fields. */
export type DocumentInput = string | TextDocument;

/** What `extract` takes beside the text. */
export type ExtractOptions = Omit<TextDocument, 'text'>;

/**
 * One document's rows, exactly as the tables hold them (code point offsets, the same ids), with entities
 * linked within this document only: `entities` has one row per entity mentioned in it.
 */
export type Extraction = { document: TableRows['documents'][number] } & Omit<TableRows, 'documents'>;

/** A text or a document given to `extract`/`extractMany` that is not one (a programmer error): nothing was extracted. */
export class ExtractInputError extends TypeError {
  override readonly name = 'ExtractInputError';
}

/** The in-memory pipeline: documents in, their rows out, with no files read or written. */
export interface Extractor {
  /** The config every document is extracted by, with its defaults filled in. */
  readonly config: ResolvedConfig;
  /** Extracts one text; its id defaults to `doc-1`. */
  extract(text: string, options?: ExtractOptions): Extraction;
  /**
   * Extracts the documents and yields each result in input order. A document without an id gets `doc-<n>`, n its
   * 1-based position in the input. The config's `workers` decides where: 'auto' (the default) extracts in the main
   * thread, one document at a time, until the texts read pass 1 MB, then on one worker thread per core; a number is
   * that many threads from the first document (0: the main thread). With threads, a few documents per thread are
   * read ahead; the threads end when the iteration does.
   */
  extractMany(documents: Iterable<DocumentInput> | AsyncIterable<DocumentInput>): AsyncGenerator<Extraction>;
}

/** What a JSON value is, for an error message. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const OPTIONAL_STRING_FIELDS = ['title', 'source'] as const;

/** Checks a document's fields, naming the first bad one (`where` says which input it is). */
function checkDocument(input: unknown, where: string): asserts input is TextDocument {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const got = describe(input);
    throw new ExtractInputError(`${where}: expected a string or an object with a string "text", got ${got}`);
  }
  const fields = input as Record<string, unknown>;
  if (typeof fields.text !== 'string') {
    throw new ExtractInputError(`${where}: "text" must be a string, got ${describe(fields.text)}`);
  }
  if (fields.id !== undefined && (typeof fields.id !== 'string' || fields.id.trim() === '')) {
    const got = typeof fields.id === 'string' ? `"${fields.id}"` : describe(fields.id);
    throw new ExtractInputError(`${where}: "id" must be a non-blank string, got ${got}`);
  }
  for (const field of OPTIONAL_STRING_FIELDS) {
    const value = fields[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new ExtractInputError(`${where}: "${field}" must be a string or null, got ${describe(value)}`);
    }
  }
  const published = fields.published;
  const isDate = typeof published === 'string' || published instanceof Date;
  if (published !== undefined && published !== null && !isDate) {
    const got = describe(published);
    throw new ExtractInputError(`${where}: "published" must be a YYYY-MM-DD string, a Date or null, got ${got}`);
  }
}

/**
 * The document as the load stage would make it of a JSONL record: `documents.source` is its id (there is no file),
 * the format is `txt`, sha256 is the hash of the text's UTF-8 bytes, a `published` that is not a date is a
 * LOAD_BAD_PUBLISHED warning, and a blank text is skipped (LOAD_EMPTY).
 */
function loadedDocument(input: TextDocument, defaultId: string): LoadedDocument {
  const id = input.id ?? defaultId;
  const metadata = readMetadata({ ...input });
  const document = createDocument({
    id,
    source: id,
    origin: metadata.origin,
    format: 'txt',
    sha256: sha256(input.text),
    text: input.text,
    title: metadata.title,
    published: metadata.published,
    warnings: metadata.warnings.map((warning) => findingAt('warning', warning, { source: id, line: null })),
  });
  if (input.text.trim() === '') {
    const error = diagnosticAt('error', MessageCode.LOAD_EMPTY, { source: id, line: null }, 'the text is empty or only whitespace; nothing to extract');
    failDocument(document, error, 'skipped');
  }
  return document;
}

/**
 * Creates the in-memory pipeline: the config is resolved (a ConfigError names every bad field) and the entity
 * recognizer's gazetteer and model are read once, here. Each document then runs through the document stages of
 * STAGES and its entities are linked by the corpus stage over that one document.
 */
export function createExtractor(config: PipelineConfig = {}): Extractor {
  const resolved = resolveConfig(config);
  recognizerFor(resolved.extractEntities);
  const isLinker = (stage: Stage): stage is CorpusStage => stage.kind === 'corpus';
  const linkerStage = STAGES.find(isLinker) as CorpusStage;

  const linked = ({ clusters, ...result }: DocumentResult): Extraction => {
    const linker = linkerStage.createLinker(resolved);
    linker.add(clusters);
    linker.finish();
    const { document, passages, mentions, dates, figures, claims } = writtenRows(linker.resolve({ ...result, clusters }));
    const entities = linker.entities();
    return { document, passages, mentions, entities, dates, figures, claims, claim_links: claimLinkRows(claims) };
  };
  const extractDocument = (input: TextDocument, defaultId: string): Extraction =>
    linked(extractResult({ document: loadedDocument(input, defaultId), config: resolved }, DOCUMENT_STAGES, {}));

  return {
    config: resolved,
    extract(text, options = {}) {
      const input = { ...options, text };
      checkDocument(input, 'extract');
      return extractDocument(input, 'doc-1');
    },
    async *extractMany(documents) {
      let pool: { runner: TaskRunner; threads: number } | null = null;
      /** Results on their way, in input order. */
      const pending: Promise<Extraction>[] = [];
      let position = 0;
      let bytes = 0;
      try {
        for await (const item of documents) {
          position++;
          const input = typeof item === 'string' ? { text: item } : item;
          try {
            checkDocument(input, `extractMany input ${position}`);
          } catch (error) {
            // The documents before a bad input are all yielded first, as the main thread does.
            while (pending.length > 0) yield await (pending.shift() as Promise<Extraction>);
            throw error;
          }
          bytes += Buffer.byteLength(input.text);
          const threads = workerCount(resolved.workers, bytes);
          if (threads > 0) pool ??= { runner: workerPoolRunner(threads), threads };
          const id = `doc-${position}`;
          const result =
            pool === null
              ? Promise.resolve(extractDocument(input, id))
              : pool.runner
                  .run({ document: loadedDocument(input, id), config: resolved })
                  .then((outcome) => linked(ResultCache.deserialize(outcome.serialized)));
          // Awaited in turn below; marked handled now, so a later document's failure is not an unhandled rejection meanwhile.
          result.catch(() => {});
          pending.push(result);
          while (pending.length > (pool === null ? 0 : 2 * pool.threads - 1)) yield await (pending.shift() as Promise<Extraction>);
        }
        while (pending.length > 0) yield await (pending.shift() as Promise<Extraction>);
      } finally {
        await pool?.runner.close();
      }
    },
  };
}
