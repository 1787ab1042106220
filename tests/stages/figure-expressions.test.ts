import { describe, expect, it } from 'vitest';
import { FIGURE_EXPRESSIONS, type ExpectedFigure } from '../fixtures/figures/expressions.ts';
import { figuresOf } from '../helpers/figures.ts';

/** The figures the stage finds in a sentence, in the table's terms. */
const found = (sentence: string): ExpectedFigure[] =>
  figuresOf(sentence).figures.map((figure) => [figure.text, figure.value, figure.valueMax, figure.unit, figure.qualifier]);

const results = new Map(FIGURE_EXPRESSIONS.map(([sentence]) => [sentence, found(sentence)]));

describe('the table of number expressions', () => {
  it('holds at least 400 expressions', () => {
    expect(FIGURE_EXPRESSIONS.reduce((sum, [, figures]) => sum + figures.length, 0)).toBeGreaterThanOrEqual(400);
  });

  it.each(FIGURE_EXPRESSIONS)('%j', (sentence, expected) => {
    expect(results.get(sentence)).toEqual(expected);
  });

  it('scores strict span F1 of at least 98% and every matched value right', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    let valuesRight = 0;
    for (const [sentence, expected] of FIGURE_EXPRESSIONS) {
      const predicted = results.get(sentence) ?? [];
      for (const figure of predicted) {
        const gold = expected.find(([span]) => span === figure[0]);
        if (gold === undefined) falsePositives++;
        else {
          truePositives++;
          if (gold[1] === figure[1] && gold[2] === figure[2]) valuesRight++;
        }
      }
      falseNegatives += expected.filter(([span]) => !predicted.some(([found]) => found === span)).length;
    }
    const f1 = (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
    console.log(
      `figure expressions: ${truePositives} found, ${falsePositives} extra, ${falseNegatives} missed; strict F1 ${(100 * f1).toFixed(1)}, values right ${valuesRight}/${truePositives}`,
    );
    expect(f1).toBeGreaterThanOrEqual(0.98);
    expect(valuesRight).toBe(truePositives);
  });
});
