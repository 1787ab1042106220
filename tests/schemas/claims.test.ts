import { describe, expect, it } from 'vitest';
import { ClaimKind, ClaimRow } from '../../src/schemas/claims.ts';

const ROW = {
  claim_id: 'd#c0',
  doc_id: 'd',
  passage_id: 'd#p1',
  kind: 'reported',
  text: 'many people wanted to quit',
  start: 19,
  end: 45,
  speaker: 'Ms. Li',
  speaker_start: 0,
  speaker_end: 6,
  speaker_entity_id: 'person:li-dayong',
  cue: 'said',
  entity_ids: [],
  figure_ids: [],
  date_ids: [],
};

describe('ClaimRow', () => {
  it.each([
    [ROW],
    [{ ...ROW, kind: 'quote', speaker: null, speaker_start: null, speaker_end: null, speaker_entity_id: null, cue: null }],
    [{ ...ROW, kind: 'figure', figure_ids: ['d#f0', 'd#f1'] }],
  ])('accepts %o', (row) => {
    expect(ClaimRow.safeParse(row).success).toBe(true);
  });

  it.each([
    [{ ...ROW, kind: 'rumour' }, ['kind']],
    [{ ...ROW, entity_ids: 'person:li' }, ['entity_ids']],
    [{ ...ROW, figure_ids: [1] }, ['figure_ids', 0]],
    [{ ...ROW, start: 45, end: 19 }, ['end']],
    [{ ...ROW, claim_id: '' }, ['claim_id']],
    [{ ...ROW, speaker_start: -1 }, ['speaker_start']],
    [{ ...ROW, speaker_end: 1.5 }, ['speaker_end']],
    [{ ...ROW, speaker_start: null, speaker_end: null }, ['speaker_start']],
    [{ ...ROW, speaker_end: null }, ['speaker_start']],
    [{ ...ROW, speaker_start: 6, speaker_end: 6 }, ['speaker_start']],
    [{ ...ROW, speaker: null }, ['speaker_start']],
    [(({ speaker_start: _start, speaker_end: _end, ...row }) => row)(ROW), ['speaker_start']],
  ])('rejects %o at %j', (row, path) => {
    const result = ClaimRow.safeParse(row);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('has the columns of SPEC.md, in its order', () => {
    expect(Object.keys(ClaimRow.shape)).toEqual([
      'claim_id',
      'doc_id',
      'passage_id',
      'kind',
      'text',
      'start',
      'end',
      'speaker',
      'speaker_start',
      'speaker_end',
      'speaker_entity_id',
      'cue',
      'entity_ids',
      'figure_ids',
      'date_ids',
    ]);
  });

  it('lists the claim kinds of the contract', () => {
    expect(ClaimKind.options).toEqual(['quote', 'reported', 'figure']);
  });
});
