import type { DocumentStage, Stage } from '../stage.ts';
import { analyze } from './analyze.ts';
import { clusterEntities } from './cluster-entities.ts';
import { extractClaims } from './extract-claims.ts';
import { extractDates } from './extract-dates.ts';
import { extractEntities } from './extract-entities.ts';
import { extractFigures } from './extract-figures.ts';
import { linkEntities } from './link-entities.ts';
import { load } from './load.ts';
import { report } from './report.ts';
import { segment } from './segment.ts';
import { validate } from './validate.ts';
import { write } from './write.ts';

/** The stages, in the order they run. */
export const STAGES: readonly Stage[] = [
  load,
  segment,
  analyze,
  extractEntities,
  extractDates,
  extractFigures,
  extractClaims,
  clusterEntities,
  validate,
  linkEntities,
  write,
  report,
];

/** The stages a worker runs on each document, in order. */
export const DOCUMENT_STAGES: readonly DocumentStage[] = STAGES.filter((stage): stage is DocumentStage => stage.kind === 'document');
