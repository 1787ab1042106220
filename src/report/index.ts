/**
 * The review report: a self-contained static site rendered from the table
 * rows. `index.html` is the corpus view; `documents/<name>.html` is one page
 * per document; `documents.html` lists every document of a corpus too large
 * for the corpus view to list. No network, no external assets, no script needed to read it.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityRow } from '../schemas/index.ts';
import type { ReportTables } from './read-tables.ts';
import { CorpusSummary, DOCUMENT_LIST_PAGE, needsDocumentList, renderCorpusPage, renderDocumentListPage, rowsByDocument } from './corpus-page.ts';
import type { EntityNames } from '../stage.ts';
import type { DocumentRows } from '../run/document-result.ts';
import { renderDocumentPage } from './document-page.ts';
import { documentPagePath } from './file-names.ts';

export { documentFileName, documentPagePath, rowAnchor } from './file-names.ts';
export { readTables, ReportInputError } from './read-tables.ts';
export { rowsByDocument } from './corpus-page.ts';

/** The name of the report folder inside the output folder. */
export const REPORT_FOLDER = 'report';

/** One file of the report: its path relative to the report folder ("/" separated) and its content. */
export interface ReportFile {
  path: string;
  content: string;
}

/**
 * The files of the report for whole tables, one at a time, so no more than
 * one page is held at once. The same rows always give the same bytes.
 */
export function* reportFiles(tables: ReportTables): Generator<ReportFile> {
  const documents = rowsByDocument(tables);
  yield* corpusFiles(CorpusSummary.of(documents.values()), tables.entities);
  const entities = entityNames(tables.entities);
  for (const [documentId, rows] of documents) yield { path: documentPagePath(documentId), content: renderDocumentPage(rows, entities) };
}

/** The entities by id, as the document pages look up their canonical names. */
function entityNames(entities: readonly EntityRow[]): EntityNames {
  return new Map(entities.map((entity) => [entity.entity_id, entity]));
}

/** The corpus view, and the full document list when the corpus view cannot list every document. */
function corpusFiles(summary: CorpusSummary, entities: readonly EntityRow[]): ReportFile[] {
  const files = [{ path: 'index.html', content: renderCorpusPage(summary, entities) }];
  if (needsDocumentList(summary)) files.push({ path: DOCUMENT_LIST_PAGE, content: renderDocumentListPage(summary) });
  return files;
}

/** Page writes in flight at once: one at a time, the report of a large corpus waits on the disk for each page in turn. */
const CONCURRENT_WRITES = 16;

/**
 * Writes a report as the documents stream by: each document's page is
 * rendered and written when the document is added (up to CONCURRENT_WRITES
 * writes in flight), and only a summary of it is kept for the corpus view,
 * written at the end. The pages go to a staging folder, which then replaces
 * the old report by renames, so a reader never sees a half-written report
 * and pages of documents that are gone do not linger.
 */
export class ReportWriter {
  private readonly summary = new CorpusSummary();
  private readonly inFlight: Promise<void>[] = [];

  private constructor(
    private readonly outputDirectory: string,
    private readonly staging: string,
  ) {}

  /** Starts a report in `<outputDirectory>/report`, clearing what runs killed while writing one left behind. */
  static async open(outputDirectory: string): Promise<ReportWriter> {
    // The caller holds the output folder's lock, so no live run owns these leftovers.
    for (const entry of await readdir(outputDirectory).catch(() => [] as string[])) {
      if (entry.startsWith('.report-staging-') || entry.startsWith('.report-previous-'))
        await rm(path.join(outputDirectory, entry), { recursive: true, force: true });
    }
    const staging = path.join(outputDirectory, `.report-staging-${process.pid}`);
    await mkdir(path.join(staging, 'documents'), { recursive: true });
    return new ReportWriter(outputDirectory, staging);
  }

  /** Adds a document: writes its page (with the canonical names of its entities) and keeps its summary. */
  async add(rows: DocumentRows, entities: EntityNames): Promise<void> {
    this.summary.add(rows);
    await this.write({ path: documentPagePath(rows.document.doc_id), content: renderDocumentPage(rows, entities) });
  }

  /** Writes the corpus view and switches the report in. Returns the path of index.html. */
  async close(entities: readonly EntityRow[]): Promise<string> {
    for (const file of corpusFiles(this.summary, entities)) await this.write(file);
    await this.settle();
    const target = path.join(this.outputDirectory, REPORT_FOLDER);
    const previous = path.join(this.outputDirectory, `.report-previous-${process.pid}`);
    await rm(previous, { recursive: true, force: true });
    await rename(target, previous).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(this.staging, target);
    await rm(previous, { recursive: true, force: true });
    return path.join(target, 'index.html');
  }

  /** Drops the staging folder: the previous report stays as it was. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.inFlight);
    await rm(this.staging, { recursive: true, force: true });
  }

  private async write(file: ReportFile): Promise<void> {
    this.inFlight.push(writeFile(path.join(this.staging, ...file.path.split('/')), file.content));
    if (this.inFlight.length >= CONCURRENT_WRITES) await this.settleOldest();
  }

  private async settleOldest(): Promise<void> {
    try {
      await this.inFlight.shift();
    } catch (error) {
      await Promise.allSettled(this.inFlight);
      throw error;
    }
  }

  private async settle(): Promise<void> {
    while (this.inFlight.length > 0) await this.settleOldest();
  }
}

/** Writes the report of whole tables into `<outputDirectory>/report` (see ReportWriter). Returns the path of index.html. */
export async function writeReport(tables: ReportTables, outputDirectory: string): Promise<string> {
  const writer = await ReportWriter.open(outputDirectory);
  try {
    const entities = entityNames(tables.entities);
    for (const rows of rowsByDocument(tables).values()) await writer.add(rows, entities);
    return await writer.close(tables.entities);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
