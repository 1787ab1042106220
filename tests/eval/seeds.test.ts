import { describe, expect, it } from 'vitest';
import { formatReport, loadGold, scoreDataset } from '../../src/eval/index.ts';
import type { GoldDocument } from '../../src/eval/index.ts';
import type { MatchScores, PredictionTables } from '../../src/eval/score.ts';

const seedsDirectory = new URL('../../../shared/eval/seeds', import.meta.url);

/** The gold annotations written out as if the pipeline had produced them. */
function goldAsPredictions(gold: readonly GoldDocument[]): PredictionTables {
  return {
    mentions: gold.flatMap((document) => (document.entities ?? []).map((item) => ({ doc_id: document.doc_id, ...item }))),
    dates: gold.flatMap((document) => (document.dates ?? []).map((item) => ({ doc_id: document.doc_id, ...item }))),
    figures: gold.flatMap((document) => (document.figures ?? []).map((item) => ({ doc_id: document.doc_id, ...item }))),
    claims: gold.flatMap((document) => (document.claims ?? []).map((item) => ({ doc_id: document.doc_id, ...item }))),
  };
}

/** Number of required (not optional) gold rows of a table. */
function requiredCount(gold: readonly GoldDocument[], table: 'entities' | 'dates' | 'figures' | 'claims'): number {
  return gold
    .map((document) => {
      const items: readonly { optional?: boolean | undefined }[] = document[table] ?? [];
      return items.filter((item) => item.optional !== true).length;
    })
    .reduce((sum, count) => sum + count, 0);
}

const gold = await loadGold(seedsDirectory);
const report = scoreDataset(goldAsPredictions(gold), gold);

describe('the seed gold set scored against itself', () => {
  it('loads every seed file', () => {
    expect(gold).toHaveLength(5);
    expect(report.documents).toBe(5);
  });

  const rows: [string, (scores: typeof report) => MatchScores, 'entities' | 'dates' | 'figures' | 'claims'][] = [
    ['entities', (scores) => scores.entities.overall, 'entities'],
    ['entities/person', (scores) => scores.entities.byType.person, 'entities'],
    ['entities/place', (scores) => scores.entities.byType.place, 'entities'],
    ['entities/organization', (scores) => scores.entities.byType.organization, 'entities'],
    ['dates', (scores) => scores.dates.overall, 'dates'],
    ['figures', (scores) => scores.figures.overall, 'figures'],
    ['claims', (scores) => scores.claims.overall, 'claims'],
    ['claims/quote+reported', (scores) => scores.claims.byKindGroup.quoteOrReported, 'claims'],
    ['claims/figure', (scores) => scores.claims.byKindGroup.figure, 'claims'],
  ];

  it.each(rows)('%s: 100%% strict and lenient F1', (_label, select, table) => {
    expect(requiredCount(gold, table)).toBeGreaterThan(0);
    const scores = select(report);
    expect(scores.strict.f1).toBe(1);
    expect(scores.lenient.f1).toBe(1);
    expect(scores.strict.falsePositives + scores.strict.falseNegatives).toBe(0);
  });

  it('counts every required gold row once, and ignores the copies of optional ones', () => {
    expect(report.entities.overall.strict.truePositives).toBe(requiredCount(gold, 'entities'));
    expect(report.claims.overall.strict.truePositives).toBe(requiredCount(gold, 'claims'));
    const optionalClaims = gold.flatMap((document) => document.claims ?? []).filter((item) => item.optional === true);
    expect(report.claims.overall.strict.ignoredPredictions).toBe(optionalClaims.length);
  });

  it('gets every attribute right', () => {
    for (const accuracy of [
      report.dates.value,
      report.figures.value,
      report.figures.item,
      report.figures.qualifier,
      report.figures.kind,
      report.claims.speaker,
    ]) {
      expect(accuracy.strict.accuracy).toBe(1);
      expect(accuracy.lenient.accuracy).toBe(1);
    }
  });

  it('gives every document 100% strict F1 on each table it annotates', () => {
    for (const document of report.perDocument) {
      for (const scores of [document.entities, document.dates, document.figures, document.claims]) {
        if (scores !== null && scores.strict.f1 !== null) expect(scores.strict.f1, document.docId).toBe(1);
      }
    }
  });

  it('formats without error', () => {
    expect(formatReport(report)).toContain('entities (all)');
  });
});
