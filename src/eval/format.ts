/**
 * Plain-text rendering of an evaluation report. The headline table and the
 * attribute accuracies come first and fit in about 20 lines, because tools
 * often show only the head of the output; the per-document breakdown follows.
 */
import type { Accuracy, AttributeAccuracy, EvalReport, MatchScores, PrecisionRecall } from './score.ts';

const labelWidth = 24;
const ratioWidth = 7;
const countWidth = 6;
const accuracyWidth = 22;
const documentScoreWidth = 14;

/** A ratio as a percentage with one decimal, or "-" when undefined. */
function percent(value: number | null): string {
  return value === null ? '-' : (value * 100).toFixed(1);
}

function ratioCells(scores: PrecisionRecall): string {
  return [scores.precision, scores.recall, scores.f1].map((value) => percent(value).padStart(ratioWidth)).join('');
}

function countCells(scores: PrecisionRecall): string {
  return [scores.truePositives, scores.falsePositives, scores.falseNegatives, scores.ignoredPredictions]
    .map((value) => String(value).padStart(countWidth))
    .join('');
}

function scoreRow(label: string, scores: MatchScores): string {
  return `${label.padEnd(labelWidth)}${ratioCells(scores.strict)}   ${ratioCells(scores.lenient)}   ${countCells(scores.strict)}`;
}

function accuracyCell(accuracy: Accuracy): string {
  const share = accuracy.accuracy === null ? '-' : `${percent(accuracy.accuracy)}%`;
  return `${share} (${accuracy.correct}/${accuracy.total})`.padEnd(accuracyWidth);
}

function accuracyRow(label: string, accuracy: AttributeAccuracy): string {
  return `${label.padEnd(labelWidth)}${accuracyCell(accuracy.lenient)}${accuracyCell(accuracy.strict)}`.trimEnd();
}

function documentScoreCell(scores: MatchScores | null): string {
  const cell = scores === null ? 'n/a' : `${percent(scores.strict.f1)}/${percent(scores.lenient.f1)}`;
  return cell.padEnd(documentScoreWidth);
}

/**
 * Renders a report as fixed-width text: precision, recall and F1 (strict and
 * lenient, in percent) with strict counts per table, entity type and claim
 * kind group; then attribute accuracies with their denominators; then F1
 * per document and table.
 */
export function formatReport(report: EvalReport): string {
  const ratioHeader = ['P', 'R', 'F1'].map((name) => name.padStart(ratioWidth)).join('');
  const countHeader = ['tp', 'fp', 'fn', 'ign'].map((name) => name.padStart(countWidth)).join('');
  const lines = [
    `Evaluation of ${report.documents} gold documents ` +
      `(annotated: entities ${report.entities.documents}, dates ${report.dates.documents}, ` +
      `figures ${report.figures.documents}, claims ${report.claims.documents})`,
    '',
    `${''.padEnd(labelWidth)}${'strict'.padStart(ratioWidth * 3)}   ${'lenient'.padStart(ratioWidth * 3)}   ${'strict counts'.padStart(countWidth * 4)}`,
    `${'table'.padEnd(labelWidth)}${ratioHeader}   ${ratioHeader}   ${countHeader}`,
    scoreRow('entities (all)', report.entities.overall),
    scoreRow('entities/person', report.entities.byType.person),
    scoreRow('entities/place', report.entities.byType.place),
    scoreRow('entities/organization', report.entities.byType.organization),
    scoreRow('dates', report.dates.overall),
    scoreRow('figures', report.figures.overall),
    scoreRow('claims (all)', report.claims.overall),
    scoreRow('claims/quote+reported', report.claims.byKindGroup.quoteOrReported),
    scoreRow('claims/figure', report.claims.byKindGroup.figure),
    '',
    `${'attribute accuracy'.padEnd(labelWidth)}${'lenient'.padEnd(accuracyWidth)}strict`,
    accuracyRow('dates value', report.dates.value),
    accuracyRow('figures value', report.figures.value),
    accuracyRow('figures item', report.figures.item),
    accuracyRow('figures qualifier', report.figures.qualifier),
    accuracyRow('figures kind', report.figures.kind),
    accuracyRow('claims speaker', report.claims.speaker),
    accuracyRow('claims speaker (loose)', report.claims.speakerLoose),
    '',
    'P, R, F1 in percent; ign = predictions on optional gold items, left out of precision;',
    'accuracy = right/all among matched pairs with a required gold item (speaker: quote and',
    'reported claims whose gold speaker is scored; loose: one contains the other or a shared name word).',
    '',
    'F1 per document (strict/lenient)',
    `${'doc_id'.padEnd(labelWidth)}${['entities', 'dates', 'figures', 'claims'].map((name) => name.padEnd(documentScoreWidth)).join('')}`.trimEnd(),
    ...report.perDocument.map((document) =>
      // The space keeps a long doc_id from running into its first score.
      `${document.docId.padEnd(labelWidth - 1)} ${[document.entities, document.dates, document.figures, document.claims]
        .map(documentScoreCell)
        .join('')}`.trimEnd(),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
