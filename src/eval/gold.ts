/**
 * Gold annotation files (see shared/eval/FORMAT.md): one JSON file per
 * document with hand-made entities, dates, figures and claims.
 *
 * The schemas are deliberately loose about extra keys (`note`, `mod`,
 * `approximate`, `reason`, ...) because annotators add whatever helps them
 * explain a decision; only the keys the scorer relies on are checked.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ClaimKind } from '../schemas/claims.ts';
import { EntityType } from '../schemas/mentions.ts';

/** Fields every annotated span carries: code point offsets, end exclusive. */
const spanFields = {
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  text: z.string(),
  /** Ambiguous item: finding it is not rewarded, missing it is not punished. */
  optional: z.boolean().optional(),
  note: z.string().optional(),
};

/** A span must cover at least one code point, or it could never be matched. */
function hasPositiveLength(span: { start: number; end: number }): boolean {
  return span.end > span.start;
}

const positiveLengthIssue = { message: 'end must be greater than start', path: ['end'] };

/**
 * Entity types a gold item may have: those of SPEC.md, plus `misc` for a
 * named thing that is none of them (nationalities, events, works, products,
 * as in CoNLL-2003). A `misc` item is always optional: it is there for a
 * learner to see, not to be scored.
 */
export const goldEntityTypeSchema = z.enum([...EntityType.options, 'misc']);

/** A gold entity mention. */
export const goldEntitySchema = z
  .looseObject({ ...spanFields, type: goldEntityTypeSchema })
  .refine(hasPositiveLength, positiveLengthIssue)
  .refine((entity) => !(entity.type === 'misc' && entity.optional === false), {
    message: 'a misc entity is always optional',
    path: ['optional'],
  });

/** A gold temporal expression; `value` is ISO 8601 at its own granularity. */
export const goldDateSchema = z
  .looseObject({
    ...spanFields,
    value: z.string(),
    start_date: z.string().nullable().optional(),
    end_date: z.string().nullable().optional(),
    granularity: z.string().nullable().optional(),
  })
  .refine(hasPositiveLength, positiveLengthIssue);

/** A gold numeric figure. */
export const goldFigureSchema = z
  .looseObject({
    ...spanFields,
    value: z.number(),
    value_max: z.number().nullable().optional(),
    qualifier: z.string().nullable().optional(),
    kind: z.string().nullable().optional(),
    unit: z.string().nullable().optional(),
    item: z.string().nullable().optional(),
  })
  .refine(hasPositiveLength, positiveLengthIssue);

/** A gold claim; `speaker: null` means the text names no one. */
export const goldClaimSchema = z
  .looseObject({
    ...spanFields,
    kind: ClaimKind,
    speaker: z.string().nullable(),
    speaker_alternatives: z.array(z.string()).default([]),
    /**
     * False when the gold speaker is a pronoun as the annotators marked it
     * ("he"), not the person it refers to: the claim is scored, its speaker
     * is not.
     */
    speaker_scored: z.boolean().optional(),
    cue: z.string().nullable().optional(),
  })
  .refine(hasPositiveLength, positiveLengthIssue);

/** A span that looks like a claim but is not one; informative only, never scored. */
export const goldNotClaimSchema = z.looseObject({
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  text: z.string(),
  reason: z.string().optional(),
});

/**
 * One gold file. Each table key is optional: a file scores only the tables
 * it has, so a set annotated for entities alone says nothing about dates.
 */
export const goldDocumentSchema = z.looseObject({
  doc_id: z.string().min(1),
  reference_date: z.string().nullable().optional(),
  entities: z.array(goldEntitySchema).optional(),
  dates: z.array(goldDateSchema).optional(),
  figures: z.array(goldFigureSchema).optional(),
  claims: z.array(goldClaimSchema).optional(),
  /**
   * The claim kinds the annotators looked for; predicted claims of other
   * kinds are left out of this document's claim scores (the PolNeAR sets
   * annotate quotes and reported speech, not figure statements). The
   * reference scorer, shared/tools/score.mjs, reads it.
   */
  claim_kinds_scored: z.array(ClaimKind).optional(),
  not_claims: z.array(goldNotClaimSchema).optional(),
});

/** Entity type of a gold item: person, place, organization or misc (always optional). */
export type GoldEntityType = z.infer<typeof goldEntityTypeSchema>;
/** A gold entity mention. */
export type GoldEntity = z.infer<typeof goldEntitySchema>;
/** A gold temporal expression. */
export type GoldDate = z.infer<typeof goldDateSchema>;
/** A gold numeric figure. */
export type GoldFigure = z.infer<typeof goldFigureSchema>;
/** A gold claim. */
export type GoldClaim = z.infer<typeof goldClaimSchema>;
/** One parsed and validated gold file. */
export type GoldDocument = z.infer<typeof goldDocumentSchema>;

/** Renders a zod issue path the way a reader would write it: `claims[3].speaker`. */
function formatIssuePath(path: readonly PropertyKey[]): string {
  let rendered = '';
  for (const key of path) {
    if (typeof key === 'number') rendered += `[${key}]`;
    else rendered += rendered === '' ? String(key) : `.${String(key)}`;
  }
  return rendered === '' ? '(root)' : rendered;
}

/** Turns a zod error into one line per issue, each naming where it is. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('; ');
}

/**
 * A gold folder or file that cannot be used: the folder is missing or holds
 * no gold file, a file is not JSON or does not match the gold schema, or two
 * files share a `doc_id`. The message names the folder or file and what is
 * wrong with it.
 */
export class GoldError extends Error {
  override readonly name = 'GoldError';

  /** @param path The gold folder or file the problem is in. */
  constructor(
    message: string,
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The reason a file system call failed, as a reader would say it. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ENOTDIR') return 'it is not a folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads every `*.json` file directly inside `directory` as a gold document,
 * sorted by file name so reports are stable. Entities of type `misc` are
 * returned like the others.
 *
 * @throws GoldError naming the folder or file when the folder cannot be
 *   read or holds no gold file, when a file is not valid JSON or does not
 *   match the gold schema (with the offending path), or when two files
 *   share a `doc_id`.
 */
export async function loadGold(directory: string | URL): Promise<GoldDocument[]> {
  const directoryPath = directory instanceof URL ? fileURLToPath(directory) : directory;
  let entries: string[];
  try {
    entries = await readdir(directoryPath);
  } catch (error) {
    throw new GoldError(`cannot read the gold folder ${directoryPath}: ${describeFileError(error)}`, directoryPath, {
      cause: error,
    });
  }
  const fileNames = entries.filter((name) => name.endsWith('.json')).sort();
  if (fileNames.length === 0) {
    // An empty gold set would score nothing and print a report of blanks;
    // that is almost always a wrong path, so say so.
    throw new GoldError(`no gold files (*.json) in ${directoryPath}`, directoryPath);
  }

  const documents: GoldDocument[] = [];
  const fileByDocId = new Map<string, string>();
  for (const fileName of fileNames) {
    const filePath = join(directoryPath, fileName);
    let content: string;
    try {
      content = await readFile(filePath, 'utf8');
    } catch (error) {
      throw new GoldError(`cannot read the gold file ${filePath}: ${describeFileError(error)}`, filePath, { cause: error });
    }
    const document = parseGoldFile(filePath, content);
    const previousFile = fileByDocId.get(document.doc_id);
    if (previousFile !== undefined) {
      throw new GoldError(`gold file ${filePath}: doc_id "${document.doc_id}" is also used by ${previousFile}`, filePath);
    }
    fileByDocId.set(document.doc_id, filePath);
    documents.push(document);
  }
  return documents;
}

/** Parses and validates one gold file's content; `filePath` only names it in errors. */
function parseGoldFile(filePath: string, content: string): GoldDocument {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GoldError(`gold file ${filePath} is not valid JSON: ${reason}`, filePath, { cause: error });
  }
  const parsed = goldDocumentSchema.safeParse(json);
  if (!parsed.success) {
    throw new GoldError(`invalid gold file ${filePath}: ${describeIssues(parsed.error)}`, filePath, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
