import type { ResolvedConfig } from '../config.ts';
import { loadGazetteer } from '../entities/gazetteer.ts';
import { loadModel, SHIPPED_ENTITY_MODEL } from '../entities/model/model-file.ts';
import { modelRecognizer } from '../entities/model/recognizer.ts';
import type { EntityRecognizer } from '../entities/recognizer.ts';
import { findEntityMentions } from '../entities/rules.ts';
import type { DocumentStage } from '../stage.ts';
import { extractEntitiesOptions } from './options/extract-entities.ts';

/** The recognizer the config chooses, with the user's lexicons in its gazetteer. */
export function createRecognizer(options: ResolvedConfig['extractEntities']): EntityRecognizer {
  const gazetteer = loadGazetteer(options.lexicons);
  if (options.recognizer === 'rules') return { recognize: (document, analyses) => findEntityMentions(document, analyses, gazetteer) };
  return modelRecognizer(loadModel(options.model ?? SHIPPED_ENTITY_MODEL), gazetteer);
}

const recognizers = new Map<string, EntityRecognizer>();

/**
 * The recognizer of the entity options, made once per thread for the same
 * options (reading its gazetteer and model, and keeping what it learns of
 * words from document to document). Keyed by the options' values, not the
 * object: a worker thread gets a copy of the config with every document.
 */
export function recognizerFor(options: ResolvedConfig['extractEntities']): EntityRecognizer {
  const key = JSON.stringify([options.recognizer, options.model, options.lexicons]);
  let recognizer = recognizers.get(key);
  if (recognizer === undefined) {
    recognizer = createRecognizer(options);
    recognizers.set(key, recognizer);
  }
  return recognizer;
}

/** Finds the person, place and organization mentions of a document with the configured recognizer. */
export const extractEntities: DocumentStage = {
  kind: 'document',
  name: 'extractEntities',
  options: extractEntitiesOptions,
  requires: ['document.analyses'],
  assigns: ['document.mentions'],
  run(document, config: ResolvedConfig) {
    document.mentions = recognizerFor(config.extractEntities).recognize(document, document.analyses);
  },
};
