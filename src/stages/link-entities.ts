import type { EntityCluster, EntityMention, PipelineDocument } from '../document.ts';
import type { EntityRow, EntityType } from '../schemas/index.ts';
import { loadGazetteer, type Gazetteer } from '../entities/gazetteer.ts';
import type { CorpusStage } from '../stage.ts';
import { compareFullness, initials, nameKey, slugify } from '../text/names.ts';

const ACRONYM_AFTER = /^\s*\(\s*(\p{Lu}[\p{Lu}\p{N}&.-]{1,11})\s*\)/u;

/**
 * Groups one document's mentions into clusters that name the same thing:
 * same name; a person's surname or given name alone ("Li" after "Li Dayong");
 * an acronym defined in the text ("... Party (CCP)").
 */
export function clusterDocumentMentions(document: Pick<PipelineDocument, 'text' | 'mentions'>): EntityCluster[] {
  const clusters: EntityCluster[] = [];
  const byKey = new Map<string, number>();
  const keyOf = (type: EntityType, name: string): string => `${type}|${nameKey(name)}`;
  const addForm = (clusterIndex: number, form: string, type: EntityType): void => {
    const cluster = clusters[clusterIndex] as EntityCluster;
    if (!cluster.forms.includes(form)) cluster.forms.push(form);
    byKey.set(keyOf(type, form), clusterIndex);
  };
  const ordered = [...document.mentions].sort((a, b) => compareFullness(a.text, b.text));
  // Fullest names first, so shorter forms can join them.
  for (const mention of ordered) {
    const key = keyOf(mention.type, mention.text);
    let clusterIndex = byKey.get(key);
    if (clusterIndex === undefined && mention.type === 'person' && !mention.text.includes(' ')) {
      const word = nameKey(mention.text);
      const matches = clusters.flatMap((cluster, index) => {
        if (cluster.type !== 'person') return [];
        const parts = nameKey(cluster.name).split(' ');
        return parts.length > 1 && (parts[0] === word || parts.at(-1) === word) ? [index] : [];
      });
      if (matches.length === 1) clusterIndex = matches[0];
    }
    if (clusterIndex === undefined) {
      clusterIndex = clusters.length;
      clusters.push({ type: mention.type, name: mention.text, forms: [] });
    }
    addForm(clusterIndex, mention.text, mention.type);
  }
  // In-text acronym definitions: "Full Name (ACR)" makes ACR a form of Full Name.
  for (const mention of document.mentions) {
    const definition = ACRONYM_AFTER.exec(document.text.slice(mention.end, mention.end + 20));
    if (!definition || !mention.text.includes(' ')) continue;
    const acronym = (definition[1] as string).replace(/\./g, '');
    if (initials(mention.text).toUpperCase() !== acronym.toUpperCase() && !acronym.split('').every((letter) => mention.text.toUpperCase().includes(letter))) continue;
    const fullIndex = byKey.get(keyOf(mention.type, mention.text)) as number;
    const acronymIndex = byKey.get(keyOf(mention.type, acronym));
    if (acronymIndex !== undefined && acronymIndex !== fullIndex) {
      for (const form of (clusters[acronymIndex] as EntityCluster).forms) addForm(fullIndex, form, mention.type);
      (clusters[acronymIndex] as EntityCluster).forms = [];
    } else addForm(fullIndex, acronym, mention.type);
  }
  for (const mention of document.mentions) mention.cluster = byKey.get(keyOf(mention.type, mention.text)) as number;
  return clusters;
}

/** Union-find over indices. */
class DisjointSet {
  private readonly parents: number[];
  constructor(size: number) {
    this.parents = Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    let root = index;
    while (this.parents[root] !== root) root = this.parents[root] as number;
    while (this.parents[index] !== root) [this.parents[index], index] = [root, this.parents[index] as number];
    return root;
  }
  union(a: number, b: number): void {
    this.parents[this.find(a)] = this.find(b);
  }
}

/**
 * Merges document clusters into corpus-wide entities: clusters of one type
 * join when they share their name, when one's name is a multi-character
 * form (an alias or defined acronym) of the other, or when the gazetteer
 * knows their forms as names of one entity ("CCP", "Communist Party").
 * Each entity gets the id `<type>:<slug of its fullest name>`, set on the
 * clusters.
 */
export function linkCorpus(documents: readonly PipelineDocument[], gazetteer: Gazetteer | null = null): EntityRow[] {
  const clusters = documents.flatMap((document) => document.entityClusters.map((cluster) => ({ cluster, document })).filter(({ cluster }) => cluster.forms.length > 0));
  const sets = new DisjointSet(clusters.length);
  const byName = new Map<string, number>();
  clusters.forEach(({ cluster }, index) => {
    const key = `${cluster.type}|${nameKey(cluster.name)}`;
    const existing = byName.get(key);
    if (existing === undefined) byName.set(key, index);
    else sets.union(index, existing);
  });
  clusters.forEach(({ cluster }, index) => {
    for (const form of cluster.forms) {
      if (form === cluster.name || (cluster.type === 'person' && !form.includes(' '))) continue;
      const other = byName.get(`${cluster.type}|${nameKey(form)}`);
      if (other !== undefined) sets.union(index, other);
    }
  });
  if (gazetteer !== null) {
    const byCanonical = new Map<string, number>();
    clusters.forEach(({ cluster }, index) => {
      for (const form of cluster.forms) {
        // A person's lone given name or surname is no evidence of which person is meant.
        if (cluster.type === 'person') continue;
        const entry = gazetteer.canonicalByName.get(nameKey(form));
        if (entry === undefined || entry.type !== cluster.type) continue;
        const key = `${entry.type}|${nameKey(entry.canonical)}`;
        const other = byCanonical.get(key);
        if (other === undefined) byCanonical.set(key, index);
        else sets.union(index, other);
      }
    });
  }
  const groups = new Map<number, number[]>();
  clusters.forEach((_, index) => {
    const root = sets.find(index);
    groups.set(root, [...(groups.get(root) ?? []), index]);
  });
  const rows = new Map<string, { type: EntityType; names: Set<string>; mentions: number; documents: Set<string> }>();
  for (const members of groups.values()) {
    const names = new Set(members.flatMap((index) => (clusters[index] as (typeof clusters)[number]).cluster.forms));
    const first = (clusters[members[0] as number] as (typeof clusters)[number]).cluster;
    const name = [...names].sort(compareFullness)[0] as string;
    const entityId = `${first.type}:${slugify(name)}`;
    const row = rows.get(entityId) ?? { type: first.type, names: new Set<string>(), mentions: 0, documents: new Set<string>() };
    for (const index of members) {
      const { cluster, document } = clusters[index] as (typeof clusters)[number];
      cluster.entityId = entityId;
      for (const form of cluster.forms) row.names.add(form);
      row.documents.add(document.id);
    }
    rows.set(entityId, row);
  }
  for (const document of documents) {
    for (const mention of document.mentions) {
      const entityId = entityIdOf(document, mention);
      if (entityId !== undefined) (rows.get(entityId) as { mentions: number }).mentions++;
    }
  }
  return [...rows.entries()]
    .map(([entityId, row]) => {
      const [name, ...aliases] = [...row.names].sort(compareFullness) as [string, ...string[]];
      return { entity_id: entityId, type: row.type, name, aliases: aliases.sort(), mentions: row.mentions, documents: row.documents.size };
    })
    .sort((a, b) => (a.entity_id < b.entity_id ? -1 : a.entity_id > b.entity_id ? 1 : 0));
}

/** The corpus-wide entity id of a mention, once linkCorpus has run. */
export function entityIdOf(document: Pick<PipelineDocument, 'entityClusters'>, mention: EntityMention): string | undefined {
  return mention.cluster === undefined ? undefined : document.entityClusters[mention.cluster]?.entityId;
}

/** Resolves mentions to canonical entities, within each document and across the corpus. */
export const linkEntities: CorpusStage = {
  kind: 'corpus',
  name: 'linkEntities',
  requires: ['document.mentions'],
  assigns: ['document.entityClusters', 'corpus.entities'],
  run(corpus, config) {
    for (const document of corpus.documents) if (document.status === 'ok') document.entityClusters = clusterDocumentMentions(document);
    corpus.entities = linkCorpus(corpus.documents, loadGazetteer(config.extractEntities.lexicons));
  },
};
