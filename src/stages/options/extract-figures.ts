import { z } from 'zod';
import { stageOptions } from '../../stage-options.ts';

/** The options of the extractFigures stage (src/stages/extract-figures.ts). */
export const extractFiguresOptions = stageOptions(
  'extractFigures',
  z
    .object({
      /** The decimal mark of the documents' numbers: '.' ("3.5", "1,250" is 1250), ',' ("3,5", "1.250" is 1250), or 'auto', decided per document by a vote over the numbers only one convention reads ("3.5" against "3,5"; a tie keeps '.'). @default 'auto' */
      decimalSeparator: z.enum(['auto', '.', ',']).default('auto'),
    })
    .strict()
    .prefault({}),
  { cacheKey: { decimalSeparator: true } },
);
