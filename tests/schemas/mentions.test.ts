import { describe, expect, it } from 'vitest';
import { EntityType, MentionRow } from '../../src/schemas/mentions.ts';

const ROW = { mention_id: 'd#m0', doc_id: 'd', passage_id: 'd#p0', text: 'Li Dayong', start: 4, end: 13, entity_id: 'person:li-dayong', type: 'person' };

describe('EntityType', () => {
  it('is person, place or organization', () => {
    expect(EntityType.options).toEqual(['person', 'place', 'organization']);
  });
});

describe('MentionRow', () => {
  it('accepts a mention', () => {
    expect(MentionRow.safeParse(ROW).success).toBe(true);
  });

  it.each([
    [{ ...ROW, type: 'event' }, ['type']],
    [{ ...ROW, entity_id: '' }, ['entity_id']],
    [{ ...ROW, start: 13, end: 4 }, ['end']],
    [{ ...ROW, start: -1 }, ['start']],
  ])('rejects %o at %j', (row, path) => {
    const result = MentionRow.safeParse(row);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
