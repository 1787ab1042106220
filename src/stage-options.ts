import type { z } from 'zod';

/**
 * How one option of a stage enters the cache key of a document's extraction result: `true`, by its value; `false`,
 * not at all (a speed setting, where the output goes, or what the loaded document, itself in the key, already
 * shows); a function, by what it returns for the stage's options (a file by its content rather than its path).
 */
export type CacheKeyPart<Options> = boolean | ((options: Options) => unknown);

/** A stage's options, and what besides its code makes the stage's results what they are. */
export interface StageOptions<Name extends string, Schema extends z.ZodObject> {
  /** The stage's name: its options sit under it in the config. */
  readonly stage: Name;
  /**
   * The options, each with its default, written once: `z.object({...}).strict().prefault({})`. zod 4's `default`
   * returns its value as the output without parsing it, so `.default({})` would leave an omitted stage object empty;
   * `prefault` parses `{}` instead, which fills every option's own default. `{}` type-checks only when every option
   * has one.
   */
  readonly schema: z.ZodPrefault<Schema>;
  /** How each option enters the cache key: every option says, so a new one is in the key only when its stage says so. */
  readonly cacheKey: { readonly [Option in keyof z.output<Schema>]-?: CacheKeyPart<z.output<Schema>> };
  /** The options that name files or folders: in a config file they are relative to its folder. */
  readonly paths: readonly (keyof z.output<Schema> & string)[];
  /** Folders of the package (relative to its root) whose files shape the stage's results: hashed with the code into the pipeline fingerprint. */
  readonly packageData: readonly string[];
}

/**
 * Any stage's options, as the config and the cache key read them. A declared stage's key functions take its own
 * options, so here they take `never`: the caller passes them the options its schema parsed.
 */
export interface AnyStageOptions {
  readonly stage: string;
  readonly schema: z.ZodPrefault<z.ZodObject>;
  readonly cacheKey: Readonly<Record<string, CacheKeyPart<never>>>;
  readonly paths: readonly string[];
  readonly packageData: readonly string[];
}

/** Declares a stage's options; `paths` and `packageData` are none unless given. */
export function stageOptions<Name extends string, Schema extends z.ZodObject>(
  stage: Name,
  schema: z.ZodPrefault<Schema>,
  declared: Pick<StageOptions<Name, Schema>, 'cacheKey'> & Partial<Pick<StageOptions<Name, Schema>, 'paths' | 'packageData'>>,
): StageOptions<Name, Schema> {
  return { stage, schema, cacheKey: declared.cacheKey, paths: declared.paths ?? [], packageData: declared.packageData ?? [] };
}
