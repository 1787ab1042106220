import { z } from 'zod';
import { stageOptions } from '../../stage-options.ts';

/** The options of the write stage (src/stages/write.ts). */
export const writeOptions = stageOptions(
  'write',
  z
    .object({
      /** Start every CSV with a UTF-8 byte-order mark, so that Excel reads it as UTF-8 ("£", curly quotes) rather than in the local code page. @default false */
      csvBom: z.boolean().default(false),
    })
    .strict()
    .prefault({}),
  {
    cacheKey: {
      // It shapes the CSV files, not a document's result: the result index records the write options, and a run with others writes the tables again.
      csvBom: false,
    },
  },
);
