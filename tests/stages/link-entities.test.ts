import { describe, expect, it } from 'vitest';
import { documentWith } from '../helpers/documents.ts';
import { resolveConfig } from '../../src/config.ts';
import type { PipelineDocument } from '../../src/document.ts';
import { loadGazetteer, type Gazetteer } from '../../src/entities/gazetteer.ts';
import type { EntityRow } from '../../src/schemas/index.ts';
import { clusterDocumentMentions } from '../../src/stages/cluster-entities.ts';
import { linkEntities, NameGraphLinker } from '../../src/stages/link-entities.ts';
import { documentResult } from '../../src/output/rows.ts';
import { validate } from '../../src/stages/validate.ts';
import type { EntityType } from '../../src/schemas/index.ts';

/** Clusters a document in place, as the cluster-entities stage does. */
function clustered(document: PipelineDocument): PipelineDocument {
  document.entityClusters = clusterDocumentMentions(document);
  return document;
}

/** Runs both passes of the linker over the documents (in order); the entity id of each mention, per document, lands in `ids`. */
function linkCorpus(documents: PipelineDocument[], gazetteer: Gazetteer | null = null, ids = new Map<string, string[]>()): EntityRow[] {
  const linker = new NameGraphLinker(gazetteer);
  const results = documents.map((document) => {
    validate.run(document, resolveConfig({}));
    return documentResult(document);
  });
  for (const result of results) linker.add(result.clusters);
  linker.finish();
  for (const result of results)
    ids.set(
      result.document.doc_id,
      linker.resolve(result).mentions.map((mention) => mention.entity_id),
    );
  return linker.entities();
}

describe('NameGraphLinker', () => {
  it('merges a name, its acronym and its variants across documents into one entity with id type:slug', () => {
    const first = clustered(
      documentWith('d1', 'The Chinese Communist Party (CCP) denied it. The CCP said so. Ms. Li Dayong said Li left.', [
        ['Chinese Communist Party', 'organization'],
        ['CCP', 'organization'],
        ['Li Dayong', 'person'],
        ['Li', 'person'],
      ]),
    );
    const second = clustered(
      documentWith('d2', 'The CCP arrested Li Dayong in Beijing.', [
        ['CCP', 'organization'],
        ['Li Dayong', 'person'],
        ['Beijing', 'place'],
      ]),
    );
    const third = clustered(
      documentWith('d3', 'The Chinese Communist Party ruled Beijing.', [
        ['Chinese Communist Party', 'organization'],
        ['Beijing', 'place'],
      ]),
    );
    const ids = new Map<string, string[]>();
    expect(linkCorpus([first, second, third], null, ids)).toEqual([
      { entity_id: 'organization:chinese-communist-party', type: 'organization', name: 'Chinese Communist Party', aliases: ['CCP'], mentions: 4, documents: 3 },
      { entity_id: 'person:li-dayong', type: 'person', name: 'Li Dayong', aliases: ['Li'], mentions: 3, documents: 2 },
      { entity_id: 'place:beijing', type: 'place', name: 'Beijing', aliases: [], mentions: 2, documents: 2 },
    ]);
    expect(ids.get('d1')).toEqual(['organization:chinese-communist-party', 'organization:chinese-communist-party', 'person:li-dayong', 'person:li-dayong']);
    expect(ids.get('d2')).toEqual(['organization:chinese-communist-party', 'person:li-dayong', 'place:beijing']);
    expect(ids.get('d3')).toEqual(['organization:chinese-communist-party', 'place:beijing']);
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
    const document = clustered(
      documentWith('d', '北京 and Москва.', [
        ['北京', 'place'],
        ['Москва', 'place'],
      ]),
    );
    expect(linkCorpus([document]).map((entity) => entity.entity_id)).toEqual(['place:43c-43e-441-43a-432-430', 'place:5317-4eac']);
  });

  it('returns no entities for documents without clusters', () => {
    expect(linkCorpus([documentWith('d', 'Nothing.', [])])).toEqual([]);
  });
});

describe('linkEntities stage', () => {
  it('gives a linker that needs both passes in order', () => {
    const linker = linkEntities.createLinker(resolveConfig({}));
    const document = clustered(documentWith('d', 'Falun Gong grew.', [['Falun Gong', 'organization']]));
    validate.run(document, resolveConfig({}));
    const result = documentResult(document);
    expect(() => linker.resolve(result)).toThrow('NameGraphLinker.resolve before finish');
    linker.add(result.clusters);
    linker.finish();
    expect(() => linker.add(result.clusters)).toThrow('NameGraphLinker.add after finish');
    expect(linker.resolve(result).mentions.map((mention) => mention.entity_id)).toEqual(['organization:falun-gong']);
    expect(linker.entities()).toEqual([
      { entity_id: 'organization:falun-gong', type: 'organization', name: 'Falun Gong', aliases: [], mentions: 1, documents: 1 },
    ]);
  });

  it('names every entity once the first pass has ended, before any document is resolved', () => {
    const linker = linkEntities.createLinker(resolveConfig({}));
    const documents = [
      clustered(documentWith('a', 'Ms. Li spoke.', [['Li', 'person']])),
      clustered(
        documentWith('b', 'Li Dayong and the CCP.', [
          ['Li Dayong', 'person'],
          ['CCP', 'organization'],
        ]),
      ),
    ];
    const results = documents.map((document) => {
      validate.run(document, resolveConfig({}));
      return documentResult(document);
    });
    for (const result of results) linker.add(result.clusters);
    expect(() => linker.names()).toThrow('NameGraphLinker.names before finish');
    linker.finish();
    expect([...linker.names()].sort()).toEqual([
      ['organization:ccp', { name: 'CCP' }],
      ['person:li', { name: 'Li' }],
      ['person:li-dayong', { name: 'Li Dayong' }],
    ]);
  });

  it('links the same way whatever the order the documents arrive in', () => {
    const names: [string, EntityType][][] = [
      [['CCP', 'organization']],
      [
        ['Chinese Communist Party', 'organization'],
        ['CCP', 'organization'],
      ],
      [
        ['Li Dayong', 'person'],
        ['Li', 'person'],
      ],
      [['Li', 'person']],
    ];
    const texts = ['The CCP.', 'The Chinese Communist Party (CCP) ruled.', 'Li Dayong and Li.', 'Li spoke.'];
    const make = () => names.map((mentions, index) => clustered(documentWith(`d${index}`, texts[index] as string, mentions)));
    const forward = linkCorpus(make());
    const backward = linkCorpus(make().reverse());
    expect(backward).toEqual(forward);
  });
});

describe('NameGraphLinker with the gazetteer', () => {
  it.each([
    [
      [
        ['CCP', 'organization'],
        ['Communist Party', 'organization'],
        ['Chinese Communist Party', 'organization'],
      ],
      [['organization:chinese-communist-party', ['CCP', 'Communist Party']]],
    ],
    [
      [
        ['Yunnan', 'place'],
        ['Yunnan Province', 'place'],
      ],
      [['place:yunnan-province', ['Yunnan']]],
    ],
    [
      [
        ['Minghui', 'organization'],
        ['Minghui.org', 'organization'],
      ],
      [['organization:minghui-org', ['Minghui']]],
    ],
    [
      [
        ['U.S.', 'place'],
        ['United States', 'place'],
      ],
      [['place:united-states', ['U.S.']]],
    ],
    [
      [
        ['Jordan', 'person'],
        ['Jordan', 'place'],
      ],
      [
        ['person:jordan', []],
        ['place:jordan', []],
      ],
    ],
  ] as [[string, EntityType][], [string, string[]][]][])('merges names the gazetteer knows as one entity: %j', (names, expected) => {
    const documents = names.map(([name, type], index) => clustered(documentWith(`d${index}`, `Text about ${name}.`, [[name, type]])));
    expect(linkCorpus(documents, loadGazetteer()).map((entity) => [entity.entity_id, entity.aliases])).toEqual(expected);
  });

  it('does not merge by the gazetteer without it', () => {
    const documents = [
      clustered(documentWith('a', 'The CCP.', [['CCP', 'organization']])),
      clustered(documentWith('b', 'The Communist Party.', [['Communist Party', 'organization']])),
    ];
    expect(linkCorpus(documents).map((entity) => entity.entity_id)).toEqual(['organization:ccp', 'organization:communist-party']);
  });
});
