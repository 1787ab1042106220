import { describe, expect, it } from 'vitest';
import { createDocument, type EntityMention, type PipelineDocument } from '../../src/document.ts';
import type { Corpus } from '../../src/stage.ts';
import { clusterDocumentMentions, entityIdOf, linkCorpus, linkEntities } from '../../src/stages/link-entities.ts';
import { resolveConfig } from '../../src/config.ts';
import type { EntityType } from '../../src/schemas/index.ts';
import { loadGazetteer } from '../../src/entities/gazetteer.ts';

/** A document whose mentions are the given names, found in order in its text. */
function documentWith(id: string, text: string, names: [string, EntityType][]): PipelineDocument {
  const mentions: EntityMention[] = [];
  let from = 0;
  for (const [name, type] of names) {
    const start = text.indexOf(name, from);
    if (start === -1) throw new Error(`"${name}" is not in the text after ${from}`);
    mentions.push({ start, end: start + name.length, passageIndex: 0, type, text: name });
    from = start + name.length;
  }
  return createDocument({ id, source: `${id}.txt`, format: 'txt', sha256: '0'.repeat(64), text, mentions });
}

/** Clusters a document in place, as link-entities does. */
function clustered(document: PipelineDocument): PipelineDocument {
  document.entityClusters = clusterDocumentMentions(document);
  return document;
}

/** Each mention's cluster as [mention text, cluster name, cluster forms]. */
const clusterOfEachMention = (document: PipelineDocument, clusters = clusterDocumentMentions(document)) =>
  document.mentions.map((mention) => {
    const cluster = clusters[mention.cluster as number];
    return [mention.text, cluster?.name, cluster?.forms];
  });

describe('clusterDocumentMentions', () => {
  it('puts a surname after the full name in the full name’s cluster', () => {
    const document = documentWith('d', 'Ms. Li Dayong said that Ms. Li had left. Li was afraid.', [
      ['Li Dayong', 'person'],
      ['Li', 'person'],
      ['Li', 'person'],
    ]);
    expect(clusterOfEachMention(document)).toEqual([
      ['Li Dayong', 'Li Dayong', ['Li Dayong', 'Li']],
      ['Li', 'Li Dayong', ['Li Dayong', 'Li']],
      ['Li', 'Li Dayong', ['Li Dayong', 'Li']],
    ]);
  });

  it('joins a surname that comes before the full name too', () => {
    const document = documentWith('d', 'Li spoke first. Later Li Dayong spoke.', [
      ['Li', 'person'],
      ['Li Dayong', 'person'],
    ]);
    expect(clusterOfEachMention(document)).toEqual([
      ['Li', 'Li Dayong', ['Li Dayong', 'Li']],
      ['Li Dayong', 'Li Dayong', ['Li Dayong', 'Li']],
    ]);
  });

  it('joins a given name to the full name', () => {
    const document = documentWith('d', 'Benita Smith arrived. Benita smiled.', [
      ['Benita Smith', 'person'],
      ['Benita', 'person'],
    ]);
    expect(clusterOfEachMention(document)).toEqual([
      ['Benita Smith', 'Benita Smith', ['Benita Smith', 'Benita']],
      ['Benita', 'Benita Smith', ['Benita Smith', 'Benita']],
    ]);
  });

  it('keeps an ambiguous surname apart when two full names share it', () => {
    const document = documentWith('d', 'Li Dayong and Li Hong met. Li spoke.', [
      ['Li Dayong', 'person'],
      ['Li Hong', 'person'],
      ['Li', 'person'],
    ]);
    expect(clusterOfEachMention(document)).toEqual([
      ['Li Dayong', 'Li Dayong', ['Li Dayong']],
      ['Li Hong', 'Li Hong', ['Li Hong']],
      ['Li', 'Li', ['Li']],
    ]);
  });

  it('does not join a surname to a name of another type', () => {
    const document = documentWith('d', 'Jiaozuo City is big. Jiaozuo said no.', [
      ['Jiaozuo City', 'place'],
      ['Jiaozuo', 'person'],
    ]);
    expect(clusterOfEachMention(document)).toEqual([
      ['Jiaozuo City', 'Jiaozuo City', ['Jiaozuo City']],
      ['Jiaozuo', 'Jiaozuo', ['Jiaozuo']],
    ]);
  });

  it('makes an acronym defined in brackets a form of the full name', () => {
    const document = documentWith('d', 'The Chinese Communist Party (CCP) denied it. The CCP said so.', [
      ['Chinese Communist Party', 'organization'],
      ['CCP', 'organization'],
    ]);
    const clusters = clusterDocumentMentions(document);
    expect(clusterOfEachMention(document, clusters)).toEqual([
      ['Chinese Communist Party', 'Chinese Communist Party', ['Chinese Communist Party', 'CCP']],
      ['CCP', 'Chinese Communist Party', ['Chinese Communist Party', 'CCP']],
    ]);
    expect(clusters.filter((cluster) => cluster.forms.length > 0)).toEqual([{ type: 'organization', name: 'Chinese Communist Party', forms: ['Chinese Communist Party', 'CCP'] }]);
  });

  it('adds a defined acronym as a form even when it is not mentioned again', () => {
    const document = documentWith('d', 'The Global Service Centre for Quitting the CCP (GSCQC) counts them.', [['Global Service Centre for Quitting the CCP', 'organization']]);
    expect(clusterDocumentMentions(document)).toEqual([{ type: 'organization', name: 'Global Service Centre for Quitting the CCP', forms: ['Global Service Centre for Quitting the CCP', 'GSCQC'] }]);
  });

  it.each([
    ['Falun Gong (FLG) practitioners', 'Falun Gong', 'FLG'],
    ['the Chinese Communist Party ( CCP ) said', 'Chinese Communist Party', 'CCP'],
    ['the United States (U.S.) said', 'United States', 'US'],
  ])('reads the acronym in %j', (text, name, acronym) => {
    const document = documentWith('d', text, [[name, 'organization']]);
    expect(clusterDocumentMentions(document)[0]?.forms).toEqual([name, acronym]);
  });

  it.each([
    ['Falun Gong (Beijing) said', 'Falun Gong'],
    ['Falun Gong (XYZ) said', 'Falun Gong'],
    ['Falun Gong, (FG) said', 'Falun Gong'],
  ])('finds no acronym in %j', (text, name) => {
    const document = documentWith('d', text, [[name, 'organization']]);
    expect(clusterDocumentMentions(document)[0]?.forms).toEqual([name]);
  });

  it('gives every mention a cluster index and keeps mention order', () => {
    const document = documentWith('d', 'Gao met Zhang Wei in Beijing. Zhang Wei left Beijing.', [
      ['Gao', 'person'],
      ['Zhang Wei', 'person'],
      ['Beijing', 'place'],
      ['Zhang Wei', 'person'],
      ['Beijing', 'place'],
    ]);
    const clusters = clusterDocumentMentions(document);
    expect(clusters).toEqual([
      { type: 'person', name: 'Zhang Wei', forms: ['Zhang Wei'] },
      { type: 'place', name: 'Beijing', forms: ['Beijing'] },
      { type: 'person', name: 'Gao', forms: ['Gao'] },
    ]);
    expect(document.mentions.map((mention) => mention.cluster)).toEqual([2, 0, 1, 0, 1]);
  });

  it('returns no clusters for a document without mentions', () => {
    expect(clusterDocumentMentions(documentWith('d', 'Nothing here.', []))).toEqual([]);
  });
});

describe('linkCorpus', () => {
  it('merges a name, its acronym and its variants across documents into one entity with id type:slug', () => {
    const first = clustered(
      documentWith('d1', 'The Chinese Communist Party (CCP) denied it. The CCP said so. Ms. Li Dayong said Li left.', [
        ['Chinese Communist Party', 'organization'],
        ['CCP', 'organization'],
        ['Li Dayong', 'person'],
        ['Li', 'person'],
      ]),
    );
    const second = clustered(documentWith('d2', 'The CCP arrested Li Dayong in Beijing.', [['CCP', 'organization'], ['Li Dayong', 'person'], ['Beijing', 'place']]));
    const third = clustered(documentWith('d3', 'The Chinese Communist Party ruled Beijing.', [['Chinese Communist Party', 'organization'], ['Beijing', 'place']]));
    expect(linkCorpus([first, second, third])).toEqual([
      { entity_id: 'organization:chinese-communist-party', type: 'organization', name: 'Chinese Communist Party', aliases: ['CCP'], mentions: 4, documents: 3 },
      { entity_id: 'person:li-dayong', type: 'person', name: 'Li Dayong', aliases: ['Li'], mentions: 3, documents: 2 },
      { entity_id: 'place:beijing', type: 'place', name: 'Beijing', aliases: [], mentions: 2, documents: 2 },
    ]);
    expect(first.mentions.map((mention) => entityIdOf(first, mention))).toEqual(['organization:chinese-communist-party', 'organization:chinese-communist-party', 'person:li-dayong', 'person:li-dayong']);
    expect(second.mentions.map((mention) => entityIdOf(second, mention))).toEqual(['organization:chinese-communist-party', 'person:li-dayong', 'place:beijing']);
    expect(third.mentions.map((mention) => entityIdOf(third, mention))).toEqual(['organization:chinese-communist-party', 'place:beijing']);
  });

  it('merges names that differ only in case, accents or punctuation', () => {
    const first = clustered(documentWith('d1', 'Zürich is here.', [['Zürich', 'place']]));
    const second = clustered(documentWith('d2', 'Zurich is there.', [['Zurich', 'place']]));
    expect(linkCorpus([first, second])).toEqual([{ entity_id: 'place:zurich', type: 'place', name: 'Zurich', aliases: ['Zürich'], mentions: 2, documents: 2 }]);
  });

  it('does not merge a lone surname in one document with a full name in another', () => {
    const first = clustered(documentWith('d1', 'Li Dayong spoke.', [['Li Dayong', 'person']]));
    const second = clustered(documentWith('d2', 'Li spoke.', [['Li', 'person']]));
    expect(linkCorpus([first, second]).map((entity) => [entity.entity_id, entity.mentions, entity.documents])).toEqual([
      ['person:li', 1, 1],
      ['person:li-dayong', 1, 1],
    ]);
  });

  it('keeps the same name of different types apart', () => {
    const first = clustered(documentWith('d1', 'Washington said no.', [['Washington', 'person']]));
    const second = clustered(documentWith('d2', 'He went to Washington.', [['Washington', 'place']]));
    expect(linkCorpus([first, second]).map((entity) => entity.entity_id)).toEqual(['person:washington', 'place:washington']);
  });

  it('sorts entities by id and aliases alphabetically', () => {
    const document = clustered(
      documentWith('d', 'Zhang Wei met Zhang. Falun Gong (FG) began. Beijing and Anhui.', [
        ['Zhang Wei', 'person'],
        ['Zhang', 'person'],
        ['Falun Gong', 'organization'],
        ['Beijing', 'place'],
        ['Anhui', 'place'],
      ]),
    );
    expect(linkCorpus([document]).map((entity) => [entity.entity_id, entity.aliases])).toEqual([
      ['organization:falun-gong', ['FG']],
      ['person:zhang-wei', ['Zhang']],
      ['place:anhui', []],
      ['place:beijing', []],
    ]);
  });

  it('gives ids that fit the entities schema for names in other scripts', () => {
    const document = clustered(documentWith('d', '北京 and Москва.', [['北京', 'place'], ['Москва', 'place']]));
    expect(linkCorpus([document]).map((entity) => entity.entity_id)).toEqual(['place:43c-43e-441-43a-432-430', 'place:5317-4eac']);
  });

  it('returns no entities for documents without clusters', () => {
    expect(linkCorpus([documentWith('d', 'Nothing.', [])])).toEqual([]);
  });
});

describe('linkEntities stage', () => {
  it('clusters the ok documents, leaves failed ones alone and sets the corpus entities', () => {
    const ok = documentWith('ok', 'Falun Gong grew.', [['Falun Gong', 'organization']]);
    const failed = documentWith('failed', 'Falun Gong again.', [['Falun Gong', 'organization']]);
    failed.status = 'failed';
    const corpus: Corpus = { documents: [ok, failed], entities: [], tables: null };
    linkEntities.run(corpus, resolveConfig({}));
    expect(ok.entityClusters).toEqual([{ type: 'organization', name: 'Falun Gong', forms: ['Falun Gong'], entityId: 'organization:falun-gong' }]);
    expect(failed.entityClusters).toEqual([]);
    expect(corpus.entities).toEqual([{ entity_id: 'organization:falun-gong', type: 'organization', name: 'Falun Gong', aliases: [], mentions: 1, documents: 1 }]);
  });
});

describe('linkCorpus with the gazetteer', () => {
  it.each([
    [[['CCP', 'organization'], ['Communist Party', 'organization'], ['Chinese Communist Party', 'organization']], [['organization:chinese-communist-party', ['CCP', 'Communist Party']]]],
    [[['Yunnan', 'place'], ['Yunnan Province', 'place']], [['place:yunnan-province', ['Yunnan']]]],
    [[['Minghui', 'organization'], ['Minghui.org', 'organization']], [['organization:minghui-org', ['Minghui']]]],
    [[['U.S.', 'place'], ['United States', 'place']], [['place:united-states', ['U.S.']]]],
    [[['Jordan', 'person'], ['Jordan', 'place']], [['person:jordan', []], ['place:jordan', []]]],
  ] as [[string, EntityType][], [string, string[]][]][])('merges names the gazetteer knows as one entity: %j', (names, expected) => {
    const documents = names.map(([name, type], index) => clustered(documentWith(`d${index}`, `Text about ${name}.`, [[name, type]])));
    expect(linkCorpus(documents, loadGazetteer()).map((entity) => [entity.entity_id, entity.aliases])).toEqual(expected);
  });

  it('does not merge by the gazetteer without it', () => {
    const documents = [clustered(documentWith('a', 'The CCP.', [['CCP', 'organization']])), clustered(documentWith('b', 'The Communist Party.', [['Communist Party', 'organization']]))];
    expect(linkCorpus(documents).map((entity) => entity.entity_id)).toEqual(['organization:ccp', 'organization:communist-party']);
  });
});
