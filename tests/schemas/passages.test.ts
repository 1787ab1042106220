import { describe, expect, it } from 'vitest';
import { PassageRow } from '../../src/schemas/passages.ts';

const ROW = { passage_id: 'd#p0', doc_id: 'd', index: 0, start: 0, end: 11, heading: null, is_heading: false, text: 'First para.' };

describe('PassageRow', () => {
  it.each([[ROW], [{ ...ROW, heading: 'A Title', is_heading: true }], [{ ...ROW, start: 5, end: 5, text: '' }]])('accepts %o', (row) => {
    expect(PassageRow.safeParse(row).success).toBe(true);
  });

  it.each([
    [{ ...ROW, start: 11, end: 0 }, ['end']],
    [{ ...ROW, index: -1 }, ['index']],
    [{ ...ROW, start: 0.5 }, ['start']],
    [{ ...ROW, passage_id: '' }, ['passage_id']],
    [{ ...ROW, is_heading: 'no' }, ['is_heading']],
  ])('rejects %o at %j', (row, path) => {
    const result = PassageRow.safeParse(row);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
