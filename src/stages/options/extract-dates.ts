import { z } from 'zod';
import { IsoDay } from '../../schemas/common.ts';
import { stageOptions } from '../../stage-options.ts';

/** The options of the extractDates stage (src/stages/extract-dates.ts). */
export const extractDatesOptions = stageOptions(
  'extractDates',
  z
    .object({
      /** Reference date (YYYY-MM-DD) for documents with no publication date and no explicit date before a relative one; null leaves such dates out with a warning. @default null */
      defaultReferenceDate: IsoDay.nullable().default(null),
    })
    .strict()
    .prefault({}),
  { cacheKey: { defaultReferenceDate: true } },
);
