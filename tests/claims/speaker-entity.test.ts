import { describe, expect, it } from 'vitest';
import { SpeakerEntities } from '../../src/claims/speaker-entity.ts';
import type { Claim, Span } from '../../src/document.ts';
import type { EntityType } from '../../src/schemas/index.ts';
import { documentWith } from '../helpers/documents.ts';

const TEXT = 'David Cameron met an official in Jiaozuo City and the BBC. Later, Lord David Cameron spoke to Cameron.';
/** The mentions of TEXT with their clusters: 0 David Cameron, 1 Jiaozuo City, 2 BBC. */
const MENTIONS: [string, EntityType, number][] = [
  ['David Cameron', 'person', 0],
  ['Jiaozuo City', 'place', 1],
  ['BBC', 'organization', 2],
  ['David Cameron', 'person', 0],
];

function entities(): SpeakerEntities {
  const document = documentWith(
    'd',
    TEXT,
    MENTIONS.map(([name, type]) => [name, type]),
  );
  document.mentions.forEach((mention, index) => {
    mention.cluster = (MENTIONS[index] as [string, EntityType, number])[2];
  });
  document.entityClusters = [
    { type: 'person', name: 'David Cameron', forms: ['David Cameron', 'Cameron'] },
    { type: 'place', name: 'Jiaozuo City', forms: ['Jiaozuo City'] },
    { type: 'organization', name: 'British Broadcasting Corporation', forms: ['British Broadcasting Corporation'] },
  ];
  return new SpeakerEntities(document);
}

/** A speaker taken from the `occurrence`-th place `words` stand in TEXT. */
function speakerAt(words: string, occurrence = 0, speaker = words): Pick<Claim, 'speaker' | 'speakerSpan'> {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = TEXT.indexOf(words, start + 1);
  const span: Span = { start, end: start + words.length };
  return { speaker, speakerSpan: span };
}

describe('SpeakerEntities.clusterOf', () => {
  it.each<[string, Pick<Claim, 'speaker' | 'speakerSpan'>, number | null]>([
    ['a speaker that is a mention', speakerAt('David Cameron'), 0],
    ['an honorific before the mention ("Lord")', speakerAt('Lord David Cameron'), 0],
    ['an article before the mention, whose name is no form of the entity', speakerAt('the BBC'), 2],
    ['a pronoun resolved to a mention: its span is the mention', speakerAt('David Cameron', 1), 0],
    ['a description holding a place is not the place', speakerAt('an official in Jiaozuo City'), null],
    ['a name with no mention at its span, by the forms of the entities', { speaker: 'Cameron', speakerSpan: null }, 0],
    ['an honorific and a name matched by form', { speaker: 'Lord Cameron', speakerSpan: null }, 0],
    ['no speaker', { speaker: null, speakerSpan: null }, null],
  ])('%s', (_name, claim, cluster) => {
    expect(entities().clusterOf(claim)).toBe(cluster);
  });
});
