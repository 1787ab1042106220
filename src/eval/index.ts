/**
 * Evaluation of pipeline output against gold annotations
 * (shared/eval/FORMAT.md): load both, score, print.
 */
export { GoldError, loadGold } from './gold.ts';
export type { GoldDocument, GoldEntity, GoldEntityType } from './gold.ts';
export { loadPredictions, PredictionsError, scoreDataset } from './score.ts';
export type { EvalReport, PredictionTables } from './score.ts';
export { formatReport } from './format.ts';
