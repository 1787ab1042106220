import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimLinkRows } from '../../src/output/claim-links.ts';
import { ClaimLinkRow, type ClaimRow } from '../../src/schemas/index.ts';
import { readTable, ROOT, runOn } from '../helpers/run.ts';

const claim = (fields: Partial<ClaimRow>): ClaimRow => ({
  claim_id: 'doc#c0',
  doc_id: 'doc',
  passage_id: 'doc#p0',
  kind: 'quote',
  text: 'x',
  start: 0,
  end: 1,
  speaker: null,
  speaker_start: null,
  speaker_end: null,
  speaker_entity_id: null,
  cue: null,
  entity_ids: [],
  figure_ids: [],
  date_ids: [],
  ...fields,
});

describe('claimLinkRows', () => {
  it('gives one row per link: the speaker first, then entities, figures and dates', () => {
    const claims = [
      claim({
        claim_id: 'doc#c0',
        speaker: 'Li',
        speaker_start: 0,
        speaker_end: 2,
        speaker_entity_id: 'person:li-dayong',
        entity_ids: ['person:li-dayong', 'place:beijing'],
        figure_ids: ['doc#f0'],
        date_ids: ['doc#d0', 'doc#d1'],
      }),
      claim({ claim_id: 'doc#c1' }),
      claim({ claim_id: 'doc#c2', entity_ids: ['organization:un'] }),
    ];
    expect(claimLinkRows(claims)).toEqual([
      { claim_id: 'doc#c0', role: 'speaker', target_id: 'person:li-dayong' },
      { claim_id: 'doc#c0', role: 'entity', target_id: 'person:li-dayong' },
      { claim_id: 'doc#c0', role: 'entity', target_id: 'place:beijing' },
      { claim_id: 'doc#c0', role: 'figure', target_id: 'doc#f0' },
      { claim_id: 'doc#c0', role: 'date', target_id: 'doc#d0' },
      { claim_id: 'doc#c0', role: 'date', target_id: 'doc#d1' },
      { claim_id: 'doc#c2', role: 'entity', target_id: 'organization:un' },
    ]);
  });

  it('rejects a role that is not one of the four', () => {
    expect(ClaimLinkRow.safeParse({ claim_id: 'doc#c0', role: 'mention', target_id: 'x' }).success).toBe(false);
  });
});

describe('the claim_links table of a run', () => {
  it('holds exactly the links of the claims table, in JSONL and CSV', async () => {
    const { output, counts } = await runOn([path.join(ROOT, 'data', 'raw')], { workers: 0, report: false });
    const claims = await readTable<ClaimRow>(output, 'claims');
    const links = await readTable<ClaimLinkRow>(output, 'claim_links');
    const expected = claims.flatMap((row) => [
      ...(row.speaker_entity_id === null ? [] : [`${row.claim_id} speaker ${row.speaker_entity_id}`]),
      ...row.entity_ids.map((id) => `${row.claim_id} entity ${id}`),
      ...row.figure_ids.map((id) => `${row.claim_id} figure ${id}`),
      ...row.date_ids.map((id) => `${row.claim_id} date ${id}`),
    ]);
    expect(links.map((link) => `${link.claim_id} ${link.role} ${link.target_id}`)).toEqual(expected);
    expect(links.length).toBeGreaterThan(claims.length);
    expect(counts.claim_links).toBe(links.length);
    const csv = (await readFile(path.join(output, 'claim_links.csv'), 'utf8')).split('\r\n');
    expect(csv[0]).toBe('claim_id,role,target_id');
    expect(csv.length).toBe(links.length + 2);
  });
});
