import { analyzePassage } from '../text/analysis.ts';
import type { DocumentStage } from '../stage.ts';

/** Runs compromise once per passage; every extractor reads this shared analysis. */
export const analyze: DocumentStage = {
  kind: 'document',
  name: 'analyze',
  requires: ['document.passages'],
  assigns: ['document.analyses'],
  run(document) {
    document.analyses = document.passages.map((passage) => analyzePassage(document.text.slice(passage.start, passage.end), passage.start));
  },
};
