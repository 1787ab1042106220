import { describe, expect, it } from 'vitest';
import { DocumentRow } from '../../src/schemas/documents.ts';

const ROW = {
  doc_id: '2016/jan/report-7',
  source: '2016/jan/report-7.md',
  origin: 'https://en.minghui.org/html/articles/2016/1/7/report-7.html',
  format: 'md',
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  chars: 5,
  title: null,
  published: '2016-01-07',
  reference_date: '2016-01-07',
  reference_source: 'published',
  passages: 1,
  status: 'ok',
  error: null,
  warnings: [],
  text: 'Hello',
};

describe('DocumentRow', () => {
  it('accepts a complete row', () => {
    expect(DocumentRow.safeParse(ROW).success).toBe(true);
  });

  it('accepts a failed row without text', () => {
    expect(
      DocumentRow.safeParse({
        ...ROW,
        status: 'failed',
        error: 'LOAD_TOO_LARGE: x',
        passages: 0,
        text: '',
        chars: 0,
        published: null,
        reference_date: null,
        reference_source: null,
      }).success,
    ).toBe(true);
  });

  it.each([
    ['format', 'pdf', 'format'],
    ['status', 'done', 'status'],
    ['sha256', 'ABC', 'sha256'],
    ['sha256', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'sha256'],
    ['chars', -1, 'chars'],
    ['published', '07/01/2016', 'published'],
    ['reference_source', 'guess', 'reference_source'],
    ['doc_id', '', 'doc_id'],
    ['warnings', 'W: x', 'warnings'],
  ])('rejects %s = %j at path %s', (column, value, path) => {
    const result = DocumentRow.safeParse({ ...ROW, [column]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([path]);
  });

  it.each([['doc_id'], ['sha256'], ['status'], ['text']])('requires %s', (column) => {
    const row: Record<string, unknown> = { ...ROW };
    delete row[column];
    expect(DocumentRow.safeParse(row).success).toBe(false);
  });
});
