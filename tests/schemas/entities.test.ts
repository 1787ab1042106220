import { describe, expect, it } from 'vitest';
import { EntityRow } from '../../src/schemas/entities.ts';

const ROW = {
  entity_id: 'organization:chinese-communist-party',
  type: 'organization',
  name: 'Chinese Communist Party',
  aliases: ['CCP'],
  mentions: 4,
  documents: 3,
};

describe('EntityRow', () => {
  it.each([['person:li-dayong'], ['place:5317-4eac'], ['organization:610-office']])('accepts the id %j', (entityId) => {
    expect(EntityRow.safeParse({ ...ROW, entity_id: entityId }).success).toBe(true);
  });

  it.each([['Organization:ccp'], ['organization:CCP'], ['organization:chinese communist party'], ['event:x'], ['organization:'], ['ccp']])(
    'rejects the id %j',
    (entityId) => {
      const result = EntityRow.safeParse({ ...ROW, entity_id: entityId });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('expected <type>:<slug>');
    },
  );

  it.each([
    [{ ...ROW, mentions: 0 }, ['mentions']],
    [{ ...ROW, documents: 0 }, ['documents']],
    [{ ...ROW, name: '' }, ['name']],
    [{ ...ROW, aliases: 'CCP' }, ['aliases']],
    [{ ...ROW, type: 'demonym' }, ['type']],
  ])('rejects %o at %j', (row, path) => {
    const result = EntityRow.safeParse(row);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
