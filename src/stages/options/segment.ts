import { z } from 'zod';
import { SPREADSHEET_CELL_LIMIT } from '../../output/csv.ts';
import { stageOptions } from '../../stage-options.ts';

/** The options of the segment stage (src/stages/segment.ts). */
export const segmentOptions = stageOptions(
  'segment',
  z
    .object({
      /** Longest passage in characters; longer paragraphs are split at sentence boundaries. @default 2000 */
      maxPassageChars: z.number().int().min(80).max(SPREADSHEET_CELL_LIMIT).default(2000),
      /** Longest single-line paragraph that can be taken for a heading. @default 150 */
      maxHeadingChars: z.number().int().min(10).max(1000).default(150),
    })
    .strict()
    .prefault({}),
  { cacheKey: { maxPassageChars: true, maxHeadingChars: true } },
);
