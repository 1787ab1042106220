import { describe, expect, it } from 'vitest';
import { documentWith } from '../helpers/documents.ts';
import type { PipelineDocument } from '../../src/document.ts';
import { clusterDocumentMentions, clusterEntities } from '../../src/stages/cluster-entities.ts';
import { resolveConfig } from '../../src/config.ts';

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
    expect(clusters.filter((cluster) => cluster.forms.length > 0)).toEqual([
      { type: 'organization', name: 'Chinese Communist Party', forms: ['Chinese Communist Party', 'CCP'] },
    ]);
  });

  it('adds a defined acronym as a form even when it is not mentioned again', () => {
    const document = documentWith('d', 'The Global Service Centre for Quitting the CCP (GSCQC) counts them.', [
      ['Global Service Centre for Quitting the CCP', 'organization'],
    ]);
    expect(clusterDocumentMentions(document)).toEqual([
      { type: 'organization', name: 'Global Service Centre for Quitting the CCP', forms: ['Global Service Centre for Quitting the CCP', 'GSCQC'] },
    ]);
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

describe('clusterEntities stage', () => {
  it('sets the document clusters', () => {
    const document = documentWith('ok', 'Falun Gong grew.', [['Falun Gong', 'organization']]);
    clusterEntities.run(document, resolveConfig({}));
    expect(document.entityClusters).toEqual([{ type: 'organization', name: 'Falun Gong', forms: ['Falun Gong'] }]);
    expect(document.mentions.map((mention) => mention.cluster)).toEqual([0]);
  });
});
