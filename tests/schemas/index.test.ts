import { describe, expect, it } from 'vitest';
import { ID_COLUMNS, TABLE_NAMES, TABLE_SCHEMAS } from '../../src/schemas/index.ts';

describe('TABLE_NAMES', () => {
  it('lists the tables of the contract in writing order', () => {
    expect(TABLE_NAMES).toEqual(['documents', 'passages', 'mentions', 'entities', 'dates', 'figures', 'claims', 'claim_links']);
  });
});

describe('ID_COLUMNS', () => {
  it.each([
    ['documents', 'doc_id'],
    ['passages', 'passage_id'],
    ['mentions', 'mention_id'],
    ['entities', 'entity_id'],
    ['dates', 'date_id'],
    ['figures', 'figure_id'],
    ['claims', 'claim_id'],
  ] as const)('%s rows are identified by %s, a column of the table', (table, column) => {
    expect(ID_COLUMNS[table]).toBe(column);
    expect(Object.keys(TABLE_SCHEMAS[table].shape)).toContain(column);
  });
});
