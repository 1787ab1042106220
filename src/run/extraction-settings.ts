import type { ResolvedConfig } from '../config.ts';
import type { AnyStageOptions } from '../stage-options.ts';
import { STAGE_OPTIONS } from '../stages/options/index.ts';

/**
 * The part of the config that shapes documents' extraction results, for their cache key: under each stage's name,
 * the options its declaration puts in the key (by value, or by what its function makes of them, such as a file's
 * content), in the order of the stage's schema; a stage with none in the key is left out. The options a stage
 * leaves out (a speed setting, where the output goes) never re-extract an unchanged corpus.
 */
export async function extractionSettings(config: ResolvedConfig): Promise<Record<string, Record<string, unknown>>> {
  const stages: readonly AnyStageOptions[] = STAGE_OPTIONS;
  const settings: Record<string, Record<string, unknown>> = {};
  for (const declared of stages) {
    // The config holds each stage's options under its name, as the declaration's schema parsed them.
    const options = config[declared.stage as keyof ResolvedConfig] as Record<string, unknown>;
    const parts: Record<string, unknown> = {};
    for (const option of Object.keys(declared.schema.unwrap().shape)) {
      const part = declared.cacheKey[option];
      if (part === true) parts[option] = options[option];
      // A key function takes its own stage's options, which these are.
      else if (typeof part === 'function') parts[option] = await part(options as never);
    }
    if (Object.keys(parts).length > 0) settings[declared.stage] = parts;
  }
  return settings;
}
