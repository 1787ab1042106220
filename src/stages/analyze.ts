import type { Passage } from '../document.ts';
import type { DocumentStage } from '../stage.ts';
import { analyzeText, type PassageAnalysis } from '../text/analysis.ts';

/**
 * Passages tagged together in one compromise call, in characters: large
 * enough that the per-call cost vanishes, small enough that a huge document
 * is never parsed whole.
 */
export const ANALYSIS_BATCH_CHARS = 20_000;

/** Runs compromise once over every passage, in batches of consecutive passages; every extractor reads this shared analysis. */
export const analyze: DocumentStage = {
  kind: 'document',
  name: 'analyze',
  requires: ['document.passages'],
  assigns: ['document.analyses'],
  run(document) {
    const analyses: PassageAnalysis[] = [];
    let batch: Passage[] = [];
    const flush = (): void => {
      if (batch.length === 0) return;
      const start = (batch[0] as Passage).start;
      analyses.push(...analyzeText(document.text.slice(start, (batch.at(-1) as Passage).end), start, batch));
      batch = [];
    };
    for (const passage of document.passages) {
      if (batch.length > 0 && passage.end - (batch[0] as Passage).start > ANALYSIS_BATCH_CHARS) flush();
      batch.push(passage);
    }
    flush();
    document.analyses = analyses;
  },
};
