import { describe, expect, it } from 'vitest';
import { diagnosticAt, diagnosticOn } from '../src/diagnostics.ts';
import { createDocument, failDocument } from '../src/document.ts';

const REQUIRED = { id: 'd', source: 'd.txt', format: 'txt', sha256: '0'.repeat(64), text: 'Some text.' } as const;
const WARNING = diagnosticOn('warning', 'DATE_UNRESOLVED', 'd.txt', '1 date left out');
const STAGE_FAILED = diagnosticAt('error', 'STAGE_FAILED', { source: 'd.txt', line: null }, 'stage segment failed: boom');

describe('createDocument', () => {
  it('starts with nothing extracted and status ok', () => {
    expect(createDocument(REQUIRED)).toEqual({
      ...REQUIRED,
      origin: null,
      title: null,
      published: null,
      status: 'ok',
      error: null,
      warnings: [],
      referenceDate: null,
      referenceSource: null,
      passages: [],
      analyses: [],
      mentions: [],
      dates: [],
      figures: [],
      claims: [],
      entityClusters: [],
      order: [0, 0],
    });
  });

  it('keeps the fields it is given', () => {
    const document = createDocument({ ...REQUIRED, title: 'T', published: '2016-01-07', warnings: [WARNING] });
    expect([document.title, document.published, document.warnings]).toEqual(['T', '2016-01-07', [WARNING]]);
  });

  it('gives each document its own lists', () => {
    const first = createDocument(REQUIRED);
    const second = createDocument(REQUIRED);
    first.warnings.push(WARNING);
    first.mentions.push({ start: 0, end: 4, passageIndex: 0, type: 'person', text: 'Some' });
    expect(second.warnings).toEqual([]);
    expect(second.mentions).toEqual([]);
  });
});

describe('failDocument', () => {
  it.each([
    ['failed', undefined, 'failed'],
    ['failed', 'failed', 'failed'],
    ['skipped', 'skipped', 'skipped'],
  ] as const)('marks the document %s (status argument %s) and drops its extracted data', (_label, status, expected) => {
    const document = createDocument({ ...REQUIRED, warnings: [WARNING] });
    document.passages = [{ start: 0, end: 10, index: 0, isHeading: false, heading: null }];
    document.mentions = [{ start: 0, end: 4, passageIndex: 0, type: 'person', text: 'Some' }];
    document.entityClusters = [{ type: 'person', name: 'Some', forms: ['Some'] }];
    if (status === undefined) failDocument(document, STAGE_FAILED);
    else failDocument(document, STAGE_FAILED, status);
    expect(document).toMatchObject({
      status: expected,
      error: STAGE_FAILED,
      warnings: [WARNING],
      text: 'Some text.',
      passages: [],
      analyses: [],
      mentions: [],
      dates: [],
      figures: [],
      claims: [],
      entityClusters: [],
    });
  });
});
