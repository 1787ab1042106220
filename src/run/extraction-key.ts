import { readFile } from 'node:fs/promises';
import type { ResolvedConfig } from '../config.ts';
import { loadModel, SHIPPED_ENTITY_MODEL } from '../entities/model/model-file.ts';
import { pipelineFingerprint } from './fingerprint.ts';

/** What every document's result depends on besides the document: with the document's fields, its cache key. */
export interface ExtractionKey {
  /** The pipeline fingerprint (the code, the data files, the installed packages). */
  pipeline: string;
  /** The config that shapes extraction results, with the contents of user lexicons and the entity model's hash. */
  settings: Record<string, unknown>;
}

/** The extraction key of a run under `config`; a ModelFileError when the entity model set is not a model. */
export async function extractionKey(config: ResolvedConfig): Promise<ExtractionKey> {
  return { pipeline: await pipelineFingerprint(), settings: await extractionSettings(config) };
}

/** The config that shapes extraction results (not where they go or how fast), with the contents of user lexicons. */
async function extractionSettings(config: ResolvedConfig): Promise<Record<string, unknown>> {
  // An allow-list: only the options of the stages that make a document's result, so a new setting of another kind (a
  // speed setting such as load.concurrency, where the output goes) never re-extracts an unchanged corpus. The entity
  // model and the lexicons count by their content, not their paths.
  const { segment, extractEntities, extractDates, extractFigures } = config;
  const lexicons = await Promise.all(extractEntities.lexicons.map((file) => readFile(file, 'utf8')));
  // The model is read here, in the main thread, so a file that is not a model stops the run at once (ModelFileError) rather than failing every document.
  const model = extractEntities.recognizer === 'model' ? loadModel(extractEntities.model ?? SHIPPED_ENTITY_MODEL).sha256 : null;
  return { segment, recognizer: extractEntities.recognizer, model, lexicons, extractDates, extractFigures };
}
