import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { similarName } from './similar-name.ts';
import type { AnyStageOptions } from './stage-options.ts';
import { STAGE_OPTIONS } from './stages/options/index.ts';

/** Each stage's options schema under the stage's name, as they sit in the config. */
type StageOptionsShape<List extends readonly AnyStageOptions[]> = { [Options in List[number] as Options['stage']]: Options['schema'] };

/** The stages' options, each under its stage's name, in the order of the stages. */
function stageOptionsShape<List extends readonly AnyStageOptions[]>(list: List): StageOptionsShape<List> {
  // Object.fromEntries loses the pairing of each name with its schema that the mapped type states.
  return Object.fromEntries(list.map((options) => [options.stage, options.schema])) as StageOptionsShape<List>;
}

/**
 * The configuration schema: the run-level options, then each stage's options
 * (declared in src/stages/options/) under its name. Every option is optional in
 * `pipeline.config.ts`; `resolveConfig` fills the defaults.
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
    ...stageOptionsShape(STAGE_OPTIONS),
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
  ...STAGE_OPTIONS.flatMap((options) => options.paths.map((option) => [options.stage, option] as const)),
];

/**
 * A config file's options with its relative paths taken from the file's folder (and written relative to the
 * working folder, as command-line paths are); values of the wrong type are left for validation to report.
 */
function withPathsFrom(folder: string, config: unknown): unknown {
  if (!isPlainObject(config)) return config;
  const fromFolder = (value: unknown): unknown =>
    typeof value === 'string' && value !== '' && !path.isAbsolute(value) ? path.relative(process.cwd(), path.resolve(folder, value)) || '.' : value;
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
