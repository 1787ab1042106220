import { createHash } from 'node:crypto';

/** Longest readable part of a page name, so paths stay well under file system limits. */
const MAXIMUM_SLUG_LENGTH = 80;
/** Names Windows reserves whatever the extension (a report folder may be copied there). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/;
/** A doc_id kept as it is: lower case (case-insensitive file systems), no "--" (that marks a hashed name), no leading dot. */
const PLAIN_NAME = /^[a-z0-9](?:[a-z0-9_.]|-(?!-))*$/;

/**
 * The file name (without folder) of a document's page. A doc_id that is
 * already a safe, lower-case file name is kept as it is; any other (with "/",
 * ":", capitals, spaces, a reserved name) becomes a readable slug, "--" and
 * 12 hex digits of its SHA-256. Plain names never contain "--", so the two
 * kinds cannot collide, and the hash keeps distinct ids distinct.
 */
export function documentFileName(documentId: string): string {
  if (documentId.length <= MAXIMUM_SLUG_LENGTH && PLAIN_NAME.test(documentId) && !WINDOWS_RESERVED.test(documentId) && !documentId.endsWith('.')) {
    return `${documentId}.html`;
  }
  const slug = documentId
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAXIMUM_SLUG_LENGTH)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(documentId).digest('hex').slice(0, 12);
  return `${slug === '' ? 'document' : slug}--${hash}.html`;
}

/** The page's path relative to the report folder, with "/" as separator so it works as a link. */
export function documentPagePath(documentId: string): string {
  return `documents/${documentFileName(documentId)}`;
}

/**
 * The fragment id of a row inside its document page. Row ids are
 * `<doc_id>#<suffix>` (m3, d0, c12); the suffix is unique in the document
 * and reads well in a URL. Any other id is written in hex, which needs no
 * escaping in an id or a URL fragment.
 */
export function rowAnchor(rowId: string, documentId: string): string {
  const prefix = `${documentId}#`;
  const suffix = rowId.startsWith(prefix) ? rowId.slice(prefix.length) : '';
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(suffix) ? suffix : `row-${Buffer.from(rowId).toString('hex')}`;
}
