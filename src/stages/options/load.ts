import { z } from 'zod';
import { stageOptions } from '../../stage-options.ts';

/** The options of the load stage (src/stages/load.ts). */
export const loadOptions = stageOptions(
  'load',
  z
    .object({
      /** File extensions read as documents; other files are reported as skipped. @default ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl'] */
      extensions: z
        .array(z.string().regex(/^\.[a-z0-9]+$/i, 'an extension such as ".txt"'))
        .min(1)
        .default(['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl']),
      /** Largest input file read, in bytes; larger files fail with LOAD_TOO_LARGE. @default 52428800 (50 MiB) */
      maxFileBytes: z
        .number()
        .int()
        .positive()
        .default(50 * 1024 * 1024),
      /** Files read from disk at once. @default 16 */
      concurrency: z.number().int().positive().max(1024).default(16),
    })
    .strict()
    .prefault({}),
  {
    cacheKey: {
      // Which files are documents and which fail as too large shows in each loaded document, which is in the key itself.
      extensions: false,
      maxFileBytes: false,
      // Speed only.
      concurrency: false,
    },
  },
);
