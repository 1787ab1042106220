import { extractDatesOptions } from './extract-dates.ts';
import { extractEntitiesOptions } from './extract-entities.ts';
import { extractFiguresOptions } from './extract-figures.ts';
import { loadOptions } from './load.ts';
import { segmentOptions } from './segment.ts';
import { writeOptions } from './write.ts';

/**
 * The options of the stages that have any, in the order of STAGES (a test checks that they are what the stages
 * declare). They live apart from the stages' code so that loading a config, which the config file does again in a
 * module graph of its own, does not load the stages' libraries and data.
 */
export const STAGE_OPTIONS = [loadOptions, segmentOptions, extractEntitiesOptions, extractDatesOptions, extractFiguresOptions, writeOptions] as const;
