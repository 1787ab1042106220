/**
 * The review report: a self-contained static site rendered from the table
 * rows. `index.html` is the corpus view; `documents/<name>.html` is one page
 * per document; `documents.html` lists every document of a corpus too large
 * for the corpus view to list. No network, no external assets, no script needed to read it.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityRow, TableRows } from '../schemas/index.ts';
import { DOCUMENT_LIST_PAGE, needsDocumentList, renderCorpusPage, renderDocumentListPage } from './corpus-page.ts';
import { renderDocumentPage, type DocumentRows } from './document-page.ts';
import { documentPagePath } from './file-names.ts';

export { documentFileName, documentPagePath, rowAnchor } from './file-names.ts';
export { readTables, ReportInputError } from './read-tables.ts';

/** The name of the report folder inside the output folder. */
export const REPORT_FOLDER = 'report';

/** One file of the report: its path relative to the report folder ("/" separated) and its content. */
export interface ReportFile {
  path: string;
  content: string;
}

/** The rows of every table grouped by document, in one pass over each table. */
export function rowsByDocument(tables: TableRows): Map<string, DocumentRows> {
  const documents = new Map<string, DocumentRows>();
  for (const document of tables.documents) documents.set(document.doc_id, { document, passages: [], mentions: [], dates: [], figures: [], claims: [] });
  for (const passage of tables.passages) documents.get(passage.doc_id)?.passages.push(passage);
  for (const mention of tables.mentions) documents.get(mention.doc_id)?.mentions.push(mention);
  for (const date of tables.dates) documents.get(date.doc_id)?.dates.push(date);
  for (const figure of tables.figures) documents.get(figure.doc_id)?.figures.push(figure);
  for (const claim of tables.claims) documents.get(claim.doc_id)?.claims.push(claim);
  return documents;
}

/**
 * The files of the report, one at a time, so a large corpus never holds
 * every page in memory. The same rows always give the same bytes.
 */
export function* reportFiles(tables: TableRows): Generator<ReportFile> {
  yield { path: 'index.html', content: renderCorpusPage(tables) };
  if (needsDocumentList(tables)) yield { path: DOCUMENT_LIST_PAGE, content: renderDocumentListPage(tables) };
  const entities = new Map<string, EntityRow>(tables.entities.map((entity) => [entity.entity_id, entity]));
  for (const [documentId, rows] of rowsByDocument(tables)) yield { path: documentPagePath(documentId), content: renderDocumentPage(rows, entities) };
}

/** Page writes in flight at once: one at a time, the report of a large corpus waits on the disk for each page in turn. */
const CONCURRENT_WRITES = 16;

/** Writes the files into a folder as they are rendered, up to CONCURRENT_WRITES at once (so at most that many pages are held). */
async function writeFiles(files: Iterable<ReportFile>, directory: string): Promise<void> {
  const inFlight: Promise<void>[] = [];
  try {
    for (const file of files) {
      inFlight.push(writeFile(path.join(directory, ...file.path.split('/')), file.content));
      if (inFlight.length >= CONCURRENT_WRITES) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } catch (error) {
    await Promise.allSettled(inFlight);
    throw error;
  }
}

/**
 * Writes the report into `<outputDirectory>/report`. The pages are written
 * to a staging folder, which then replaces the old report by renames, so a
 * reader never sees a half-written report and pages of documents that are
 * gone do not linger. Returns the path of index.html.
 */
export async function writeReport(tables: TableRows, outputDirectory: string): Promise<string> {
  const target = path.join(outputDirectory, REPORT_FOLDER);
  const staging = path.join(outputDirectory, `.report-staging-${process.pid}`);
  const previous = path.join(outputDirectory, `.report-previous-${process.pid}`);
  // Leftovers of runs killed while writing a report (the caller holds the output folder's lock, so no live run owns them).
  for (const entry of await readdir(outputDirectory).catch(() => [] as string[])) {
    if (entry.startsWith('.report-staging-') || entry.startsWith('.report-previous-')) await rm(path.join(outputDirectory, entry), { recursive: true, force: true });
  }
  await mkdir(path.join(staging, 'documents'), { recursive: true });
  await writeFiles(reportFiles(tables), staging);
  await rm(previous, { recursive: true, force: true });
  await rename(target, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
  return path.join(target, 'index.html');
}
