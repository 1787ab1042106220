import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { IsoDay } from './schemas/common.ts';
import { similarName } from './similar-name.ts';

/** The spreadsheet cell limit: a CSV cell may not be longer. */
export const SPREADSHEET_CELL_LIMIT = 32_767;

const LoadOptions = z
  .object({
    /** File extensions read as documents; other files are reported as skipped. @default ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl'] */
    extensions: z.array(z.string().regex(/^\.[a-z0-9]+$/i, 'an extension such as ".txt"')).min(1).default(['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl']),
    /** Largest input file read, in bytes; larger files fail with LOAD_TOO_LARGE. @default 52428800 (50 MiB) */
    maxFileBytes: z.number().int().positive().default(50 * 1024 * 1024),
    /** Files read from disk at once. @default 16 */
    concurrency: z.number().int().positive().max(1024).default(16),
  })
  .strict()
  .default({ extensions: ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl'], maxFileBytes: 50 * 1024 * 1024, concurrency: 16 });

const SegmentOptions = z
  .object({
    /** Longest passage in characters; longer paragraphs are split at sentence boundaries. @default 2000 */
    maxPassageChars: z.number().int().min(80).max(SPREADSHEET_CELL_LIMIT).default(2000),
    /** Longest single-line paragraph that can be taken for a heading. @default 150 */
    maxHeadingChars: z.number().int().min(10).max(1000).default(150),
  })
  .strict()
  .default({ maxPassageChars: 2000, maxHeadingChars: 150 });

const ExtractDatesOptions = z
  .object({
    /** Reference date (YYYY-MM-DD) for documents with no publication date and no explicit date before a relative one; null leaves such dates out with a warning. @default null */
    defaultReferenceDate: IsoDay.nullable().default(null),
  })
  .strict()
  .default({ defaultReferenceDate: null });

const ExtractFiguresOptions = z
  .object({
    /** The decimal mark of the documents' numbers: '.' ("3.5", "1,250" is 1250), ',' ("3,5", "1.250" is 1250), or 'auto', decided per document by a vote over the numbers only one convention reads ("3.5" against "3,5"; a tie keeps '.'). @default 'auto' */
    decimalSeparator: z.enum(['auto', '.', ',']).default('auto'),
  })
  .strict()
  .default({ decimalSeparator: 'auto' });

const ExtractEntitiesOptions = z
  .object({
    /** Which recognizer finds the mentions: 'model', the trained sequence labeller (with the rule engine's findings among its features), or 'rules', the rule engine alone. @default 'model' */
    recognizer: z.enum(['model', 'rules']).default('model'),
    /** The model file the 'model' recognizer reads (made by `quarry train`); null means the model shipped in data/models/entities.model. @default null */
    model: z.string().min(1).refine((file) => existsSync(file), 'file not found').nullable().default(null),
    /** User lexicons (CSV with the header `name,type,aliases`, aliases joined with `;`, or a JSON array of `{name, type, aliases}`), read before the shipped gazetteers so their entries win; paths in a config file relative to its folder. @default [] */
    lexicons: z.array(z.string().regex(/\.(csv|json)$/i, 'a .csv or .json file').refine((file) => existsSync(file), 'file not found')).default([]),
  })
  .strict()
  .default({ recognizer: 'model', model: null, lexicons: [] });

const WriteOptions = z
  .object({
    /** Start every CSV with a UTF-8 byte-order mark, so that Excel reads it as UTF-8 ("£", curly quotes) rather than in the local code page. @default false */
    csvBom: z.boolean().default(false),
  })
  .strict()
  .default({ csvBom: false });

/**
 * The configuration schema. Every option is optional in `pipeline.config.ts`;
 * `resolveConfig` fills the defaults. Options of a stage sit under its name.
 */
export const PipelineConfigSchema = z
  .object({
    /** Input roots: folders (searched recursively) or files. @default ['data/raw'] */
    input: z.array(z.string().min(1)).min(1).default(['data/raw']),
    /** Output folder for the tables, schemas and manifest. @default 'data/out' */
    output: z.string().min(1).default('data/out'),
    /** Progress on stderr: 'auto' draws a bar when stderr is a terminal; 'always' also writes a line every few seconds to a log or pipe. @default 'auto' */
    progress: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Worker threads for the CPU stages; 0 runs them in the main thread; 'auto' runs a small corpus (under 1 MB of input) in the main thread and a larger one on one thread per core. @default 'auto' */
    workers: z.union([z.literal('auto'), z.number().int().min(0).max(256)]).default('auto'),
    /** Folder of cached per-document results (incremental runs); null puts it in `<output>/.cache`. @default null */
    cacheDirectory: z.string().min(1).nullable().default(null),
    /** Write the review report, static HTML pages in `<output>/report` (index.html and one page per document), after the tables; false turns it off. @default true */
    report: z.boolean().default(true),
    load: LoadOptions,
    segment: SegmentOptions,
    extractEntities: ExtractEntitiesOptions,
    extractDates: ExtractDatesOptions,
    extractFigures: ExtractFiguresOptions,
    write: WriteOptions,
  })
  .strict();

/** What a user writes in `pipeline.config.ts`: every field optional. */
export type PipelineConfig = z.input<typeof PipelineConfigSchema>;
/** The configuration with every default filled in. */
export type ResolvedConfig = z.output<typeof PipelineConfigSchema>;

/** Gives a config object its type; it returns its argument unchanged. */
export function defineConfig(config: PipelineConfig): PipelineConfig {
  return config;
}

/** Bad configuration: a programmer error, reported with the field at fault (CLI exit code 2). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates a user config and fills its defaults; throws ConfigError naming every bad field. */
export function resolveConfig(config: unknown = {}, origin = 'config'): ResolvedConfig {
  const result = PipelineConfigSchema.safeParse(config ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    const message = issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys, issue.path) : issue.message;
    return `  ${field}: ${message}`;
  });
  throw new ConfigError(`invalid ${origin}:\n${problems.join('\n')}`);
}

/** Names unknown option keys, each with the option it is probably a misspelling of. */
function unknownKeysMessage(keys: readonly string[], at: readonly PropertyKey[]): string {
  // Every option has a default, so the defaults hold every key the schema knows.
  let known: unknown = PipelineConfigSchema.parse({});
  for (const key of at) known = isPlainObject(known) ? known[String(key)] : undefined;
  const names = isPlainObject(known) ? Object.keys(known) : [];
  const described = keys.map((key) => {
    const similar = similarName(key, names);
    return similar === null ? `"${key}"` : `"${key}" (did you mean "${similar}"?)`;
  });
  return `unknown option${keys.length > 1 ? 's' : ''} ${described.join(', ')}`;
}

/** The config file used when none is named: `pipeline.config.ts` in the working directory. */
export const DEFAULT_CONFIG_FILE = 'pipeline.config.ts';

/**
 * Loads a config file (TypeScript or JavaScript, `export default`), validates it
 * and applies overrides (from the command line) on top. With no file named, the
 * default file is used when it exists, else the built-in defaults.
 */
export async function loadConfig(file: string | undefined, overrides: PipelineConfig = {}): Promise<ResolvedConfig> {
  const configPath = file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  let userConfig: unknown = {};
  if (configPath !== undefined) {
    const absolute = path.resolve(configPath);
    if (!existsSync(absolute)) throw new ConfigError(`config file not found: ${configPath}`);
    let module: { default?: unknown };
    try {
      // tsx compiles the TypeScript config on the fly, also when quarry is used as a library from plain node.
      const { tsImport } = await import('tsx/esm/api');
      module = (await tsImport(pathToFileURL(absolute).href, import.meta.url)) as { default?: unknown };
    } catch (error) {
      throw new ConfigError(`cannot load config file ${configPath}: ${(error as Error).message}`);
    }
    userConfig = unwrapDefault(module.default);
    if (userConfig === undefined) throw new ConfigError(`config file ${configPath} has no default export (use: export default defineConfig({...}))`);
    userConfig = withPathsFrom(path.dirname(absolute), userConfig);
  }
  const base = resolveConfig(userConfig, configPath === undefined ? 'config' : `config file ${configPath}`);
  return resolveConfig(mergeOverrides(base, overrides), 'command line options');
}

/** The options that hold paths, as [option] or [stage, option]: in a config file they are relative to its folder. */
const PATH_OPTIONS: readonly (readonly [string] | readonly [string, string])[] = [
  ['input'],
  ['output'],
  ['cacheDirectory'],
  ['extractEntities', 'model'],
  ['extractEntities', 'lexicons'],
];

/**
 * A config file's options with its relative paths taken from the file's folder (and written relative to the
 * working folder, as command-line paths are); values of the wrong type are left for validation to report.
 */
function withPathsFrom(folder: string, config: unknown): unknown {
  if (!isPlainObject(config)) return config;
  const fromFolder = (value: unknown): unknown =>
    typeof value === 'string' && value !== '' && !path.isAbsolute(value)
      ? path.relative(process.cwd(), path.resolve(folder, value)) || '.'
      : value;
  const rewrite = (value: unknown): unknown => (Array.isArray(value) ? value.map(fromFolder) : fromFolder(value));
  const rewritten: Record<string, unknown> = { ...config };
  for (const [first, second] of PATH_OPTIONS) {
    if (second === undefined) {
      if (rewritten[first] !== undefined) rewritten[first] = rewrite(rewritten[first]);
      continue;
    }
    const stage = rewritten[first];
    if (isPlainObject(stage) && stage[second] !== undefined) rewritten[first] = { ...stage, [second]: rewrite(stage[second]) };
  }
  return rewritten;
}

/**
 * A config file outside an ES module package is compiled to CommonJS: its
 * `module.exports` arrives as the default export, marked `__esModule`, with
 * the real default export inside it.
 */
function unwrapDefault(exported: unknown): unknown {
  if (exported !== null && typeof exported === 'object' && '__esModule' in exported) return (exported as { default?: unknown }).default;
  return exported;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Applies overrides on top of a config, field by field inside stage options; undefined overrides are ignored. */
export function mergeOverrides(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    merged[key] = isPlainObject(value) && isPlainObject(base[key]) ? mergeOverrides(base[key], value) : value;
  }
  return merged;
}
