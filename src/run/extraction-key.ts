import type { ResolvedConfig } from '../config.ts';
import { extractionSettings } from './extraction-settings.ts';
import { pipelineFingerprint } from './fingerprint.ts';

/** What every document's result depends on besides the document: with the document's fields, its cache key. */
export interface ExtractionKey {
  /** The pipeline fingerprint (the code, the data files, the installed packages). */
  pipeline: string;
  /** The config that shapes extraction results, with the contents of user lexicons and the entity model's hash. */
  settings: Record<string, Record<string, unknown>>;
}

/** The extraction key of a run under `config`; a ModelFileError when the entity model set is not a model. */
export async function extractionKey(config: ResolvedConfig): Promise<ExtractionKey> {
  return { pipeline: await pipelineFingerprint(), settings: await extractionSettings(config) };
}
