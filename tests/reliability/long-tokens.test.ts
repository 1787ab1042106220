import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { createDocument } from '../../src/document.ts';
import { DOCUMENT_STAGES } from '../../src/stages/index.ts';
import { runDocumentStages } from '../../src/run/extract-document.ts';
import { analyzePassage } from '../../src/text/analysis.ts';

const CONFIG = resolveConfig({});

/**
 * Budgets far above the measured times (on a loaded two-core machine: at most
 * 6 ms for compromise on a 2,000-character token, 2.2 s for every document
 * stage on 100,000 dots, the slowest text found) and far below what a
 * quadratic pass over a 100,000-character token would take (minutes), so a
 * stall fails the test without slow CI machines making it flaky.
 */
const TOKEN_BUDGET_MILLISECONDS = 500;
const DOCUMENT_BUDGET_MILLISECONDS = 20_000;

describe('compromise on one 2,000-character token', () => {
  it.each<[string, string]>([
    ['letters', 'a'.repeat(2000)],
    ['capitals', 'A'.repeat(2000)],
    ['digits', '9'.repeat(2000)],
    ['dots', '.'.repeat(2000)],
    ['hyphenated', 'a-'.repeat(1000)],
    ['apostrophes', "a'".repeat(1000)],
    ['quotes', '"'.repeat(2000)],
    ['CJK', '中'.repeat(2000)],
    ['emoji', '😀'.repeat(1000)],
  ])('%s: analysed within the budget', (_, token) => {
    analyzePassage(token, 0);
    const started = performance.now();
    const analysis = analyzePassage(token, 0);
    expect(performance.now() - started).toBeLessThan(TOKEN_BUDGET_MILLISECONDS);
    expect(analysis.tokens.length).toBeGreaterThan(0);
  });
});

describe('every document stage on a text with no usable break', () => {
  it.each<[string, string, number]>([
    ['a 100,000-character word', `Before the word. ${'x'.repeat(100_000)} after the word.`, 52],
    ['200,000 characters with no space or newline', 'abcdefghij'.repeat(20_000), 100],
    ['a 100,000-digit number', `About ${'9'.repeat(100_000)} people.`, 52],
    ['100,000 dots', '.'.repeat(100_000), 50],
    ['100,000 CJK characters', '中文'.repeat(50_000), 50],
    ['50,000 emoji (100,000 UTF-16 units)', '😀'.repeat(50_000), 50],
    ['100,000 zero-width spaces between letters', 'a\u200b'.repeat(50_000), 50],
  ])('%s: finishes within the budget, split into passages that lose no character', (_, text, passages) => {
    const document = createDocument({ id: 'long', source: 'long.txt', format: 'txt', sha256: '0'.repeat(64), text });
    const started = performance.now();
    runDocumentStages(document, DOCUMENT_STAGES, CONFIG, {});
    expect(performance.now() - started).toBeLessThan(DOCUMENT_BUDGET_MILLISECONDS);
    expect(document.status).toBe('ok');
    expect(document.passages).toHaveLength(passages);
    expect(document.passages.every((passage) => passage.end - passage.start <= CONFIG.segment.maxPassageChars)).toBe(true);
    expect(
      document.passages
        .map((passage) => text.slice(passage.start, passage.end))
        .join('')
        .replace(/\s/g, ''),
    ).toBe(text.replace(/\s/g, ''));
  });
});
