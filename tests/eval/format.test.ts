import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/eval/format.ts';
import { scoreDataset } from '../../src/eval/score.ts';
import { goldDocument, predictionTables } from './helpers.ts';

const report = scoreDataset(
  predictionTables({
    mentions: [
      { doc_id: 'doc', type: 'person', start: 0, end: 10 },
      { doc_id: 'doc', type: 'place', start: 20, end: 25 },
      { doc_id: 'doc', type: 'organization', start: 55, end: 60 },
    ],
    claims: [{ doc_id: 'doc', kind: 'quote', start: 0, end: 9, speaker: 'Mr. Li' }],
  }),
  [
    goldDocument({
      doc_id: 'doc',
      entities: [
        { type: 'person', start: 0, end: 10, text: 'Li Dayong' },
        { type: 'place', start: 20, end: 27, text: 'Beijing' },
        { type: 'organization', start: 40, end: 50, text: 'Falun Gong' },
      ],
      claims: [
        { kind: 'reported', start: 0, end: 10, text: 'r', speaker: 'Li' },
        { kind: 'figure', start: 30, end: 40, text: 'f', speaker: null },
      ],
    }),
    goldDocument({ doc_id: 'a-rather-long-document-identifier', entities: [] }),
  ],
);
const lines = formatReport(report).split('\n');

/** The cells after the label of the row that starts with `label`. */
function cells(label: string): string[] {
  const line = lines.find((candidate) => candidate.startsWith(`${label} `));
  if (line === undefined) throw new Error(`no row ${label}`);
  return line.slice(label.length).trim().split(/\s+/u);
}

describe('formatReport', () => {
  it('puts every headline row and attribute line in the first 25 lines', () => {
    const head = lines.slice(0, 25).join('\n');
    for (const label of [
      'entities (all)',
      'entities/person',
      'entities/place',
      'entities/organization',
      'dates',
      'figures',
      'claims (all)',
      'claims/quote+reported',
      'claims/figure',
      'dates value',
      'figures value',
      'figures item',
      'figures qualifier',
      'figures kind',
      'claims speaker',
    ]) {
      expect(head).toContain(`\n${label} `);
    }
  });

  it.each([
    // strict P R F1, lenient P R F1, strict tp fp fn ignored
    ['entities (all)', ['33.3', '33.3', '33.3', '66.7', '66.7', '66.7', '1', '2', '2', '0']],
    ['entities/person', ['100.0', '100.0', '100.0', '100.0', '100.0', '100.0', '1', '0', '0', '0']],
    ['entities/place', ['0.0', '0.0', '0.0', '100.0', '100.0', '100.0', '0', '1', '1', '0']],
    ['dates', ['-', '-', '-', '-', '-', '-', '0', '0', '0', '0']],
    ['claims (all)', ['0.0', '0.0', '0.0', '100.0', '50.0', '66.7', '0', '1', '2', '0']],
    ['claims/figure', ['-', '0.0', '0.0', '-', '0.0', '0.0', '0', '0', '1', '0']],
  ])('renders %s', (label, expected) => {
    expect(cells(label)).toEqual(expected);
  });

  it('renders attribute accuracy, lenient then strict, with denominators', () => {
    expect(cells('claims speaker')).toEqual(['100.0%', '(1/1)', '-', '(0/0)']);
  });

  it('renders F1 per document, strict/lenient, n/a for tables the gold file lacks', () => {
    expect(cells('doc')).toEqual(['33.3/66.7', 'n/a', 'n/a', '0.0/66.7']);
    expect(cells('a-rather-long-document-identifier')).toEqual(['-/-', 'n/a', 'n/a', 'n/a']);
  });
});
