import { z } from 'zod';
import { SpanColumns, endNotBeforeStart } from './common.ts';

export const FigureQualifier = z.enum(['exact', 'approximately', 'more_than', 'at_least', 'less_than', 'at_most']);
export type FigureQualifier = z.infer<typeof FigureQualifier>;

export const FigureKind = z.enum(['count', 'percent', 'money', 'measure', 'ordinal']);
export type FigureKind = z.infer<typeof FigureKind>;

/** One row per numeric figure that counts or measures something. */
export const FigureRow = z
  .object({
    figure_id: z.string().min(1).describe('<doc_id>#f<index>'),
    ...SpanColumns,
    value: z.number().finite(),
    value_max: z.number().finite().nullable().describe('Upper bound of a range, else null'),
    qualifier: FigureQualifier,
    kind: FigureKind,
    unit: z.string().nullable().describe('Unit for percent, money and measures'),
    item: z.string().nullable().describe('What is counted, as written'),
  })
  .refine(endNotBeforeStart, { message: 'end is before start', path: ['end'] });
export type FigureRow = z.infer<typeof FigureRow>;
