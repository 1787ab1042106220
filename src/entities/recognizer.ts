import type { EntityMention, PipelineDocument } from '../document.ts';
import type { PassageAnalysis } from '../text/analysis.ts';

/**
 * Finds the entity mentions of one document from its analysed passages.
 * The rule engine (rules.ts) is one recognizer, the trained model
 * (model/recognizer.ts) another; `extractEntities.recognizer` chooses.
 */
export interface EntityRecognizer {
  recognize(document: Pick<PipelineDocument, 'text'>, analyses: readonly PassageAnalysis[]): EntityMention[];
}
