import { loadGazetteer, type Gazetteer } from '../entities/gazetteer.ts';
import type { EntityCluster } from '../document.ts';
import { resolveEntityReferences, type DocumentResult } from '../run/document-result.ts';
import type { EntityRow, EntityType } from '../schemas/index.ts';
import type { CorpusStage, EntityLinker, EntityNames } from '../stage.ts';
import { compareFullness, nameKey, slugify } from '../text/names.ts';

interface Group {
  entityId: string;
  type: EntityType;
  name: string;
  forms: Set<string>;
}

/**
 * Links clusters across the corpus with a union-find over distinct names,
 * so memory grows with the number of different names, not of documents.
 * Clusters of one type join when they share their name; when a form of one
 * (an alias or a defined acronym, never a lone personal name) is the name of
 * another; or when the gazetteer knows their forms as names of one entity
 * ("CCP", "Communist Party"). Each entity's id is `<type>:<slug of its
 * fullest name>`; groups that come out with the same id are one entity.
 */
export class NameGraphLinker implements EntityLinker {
  private readonly nodeIndex = new Map<string, number>();
  private readonly parents: number[] = [];
  private readonly types: EntityType[] = [];
  /** Surface forms seen with each name node (only cluster names have any). */
  private readonly formsOf = new Map<number, Set<string>>();
  /** Links from a cluster's name to the names its other forms may be, applied once every name is known. */
  private readonly pendingLinks = new Map<number, Set<string>>();
  private readonly groupOfRoot = new Map<number, Group>();
  /** The entities, by id (set by finish). */
  private readonly groups = new Map<string, Group>();
  private readonly counts = new Map<string, { mentions: number; documents: number }>();
  private finished = false;

  constructor(private readonly gazetteer: Gazetteer | null) {}

  private node(key: string, type: EntityType): number {
    let index = this.nodeIndex.get(key);
    if (index === undefined) {
      index = this.parents.length;
      this.nodeIndex.set(key, index);
      this.parents.push(index);
      this.types.push(type);
    }
    return index;
  }

  private find(index: number): number {
    let root = index;
    while (this.parents[root] !== root) root = this.parents[root] as number;
    while (this.parents[index] !== root) [this.parents[index], index] = [root, this.parents[index] as number];
    return root;
  }

  private union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    // The smaller index wins, so the result does not depend on the order of the unions.
    if (rootA < rootB) this.parents[rootB] = rootA;
    else if (rootB < rootA) this.parents[rootA] = rootB;
  }

  private static nameKey(type: EntityType, name: string): string {
    return `${type}|${nameKey(name)}`;
  }

  add(clusters: readonly EntityCluster[]): void {
    if (this.finished) throw new Error('NameGraphLinker.add after finish');
    for (const cluster of clusters) {
      if (cluster.forms.length === 0) continue;
      const node = this.node(NameGraphLinker.nameKey(cluster.type, cluster.name), cluster.type);
      const forms = this.formsOf.get(node) ?? new Set<string>();
      for (const form of cluster.forms) forms.add(form);
      this.formsOf.set(node, forms);
      for (const form of cluster.forms) {
        // A person's lone given name or surname is no evidence of which person is meant.
        if (form === cluster.name || (cluster.type === 'person' && !form.includes(' '))) continue;
        const links = this.pendingLinks.get(node) ?? new Set<string>();
        links.add(NameGraphLinker.nameKey(cluster.type, form));
        this.pendingLinks.set(node, links);
      }
      if (this.gazetteer === null || cluster.type === 'person') continue;
      for (const form of cluster.forms) {
        const entry = this.gazetteer.canonicalByName.get(nameKey(form));
        if (entry !== undefined && entry.type === cluster.type) this.union(node, this.node(`gazetteer|${entry.type}|${nameKey(entry.canonical)}`, entry.type));
      }
    }
  }

  finish(): void {
    for (const [node, links] of this.pendingLinks) {
      for (const key of links) {
        const other = this.nodeIndex.get(key);
        if (other !== undefined && this.formsOf.has(other)) this.union(node, other);
      }
    }
    this.pendingLinks.clear();
    const formsOfRoot = new Map<number, Set<string>>();
    for (const [node, forms] of this.formsOf) {
      const root = this.find(node);
      const all = formsOfRoot.get(root) ?? new Set<string>();
      for (const form of forms) all.add(form);
      formsOfRoot.set(root, all);
    }
    for (const [root, forms] of formsOfRoot) {
      const type = this.types[root] as EntityType;
      const name = [...forms].sort(compareFullness)[0] as string;
      const entityId = `${type}:${slugify(name)}`;
      const group = this.groups.get(entityId) ?? { entityId, type, name, forms: new Set<string>() };
      for (const form of forms) group.forms.add(form);
      group.name = [...group.forms].sort(compareFullness)[0] as string;
      this.groups.set(entityId, group);
      this.groupOfRoot.set(root, group);
    }
    this.finished = true;
  }

  /** The entity id of a cluster of a document added before finish. */
  entityIdOf(cluster: EntityCluster): string {
    const node = this.nodeIndex.get(NameGraphLinker.nameKey(cluster.type, cluster.name));
    const group = node === undefined ? undefined : this.groupOfRoot.get(this.find(node));
    if (group === undefined) throw new Error(`cluster "${cluster.name}" (${cluster.type}) was not added to the linker before finish`);
    return group.entityId;
  }

  resolve(result: DocumentResult): DocumentResult {
    if (!this.finished) throw new Error('NameGraphLinker.resolve before finish');
    const entityIds = result.clusters.map((cluster) => (cluster.forms.length === 0 ? '' : this.entityIdOf(cluster)));
    const resolved = resolveEntityReferences(result, entityIds);
    const documentEntities = new Set<string>();
    for (const mention of resolved.mentions) {
      const counts = this.counts.get(mention.entity_id) ?? { mentions: 0, documents: 0 };
      counts.mentions++;
      if (!documentEntities.has(mention.entity_id)) {
        documentEntities.add(mention.entity_id);
        counts.documents++;
      }
      this.counts.set(mention.entity_id, counts);
    }
    return resolved;
  }

  names(): EntityNames {
    if (!this.finished) throw new Error('NameGraphLinker.names before finish');
    return new Map([...this.groups].map(([entityId, group]) => [entityId, { name: group.name }]));
  }

  entities(): EntityRow[] {
    return [...this.groups.values()]
      .flatMap((group) => {
        const counts = this.counts.get(group.entityId);
        if (counts === undefined) return [];
        const aliases = [...group.forms].filter((form) => form !== group.name).sort();
        return [{ entity_id: group.entityId, type: group.type, name: group.name, aliases, mentions: counts.mentions, documents: counts.documents }];
      })
      .sort((a, b) => (a.entity_id < b.entity_id ? -1 : a.entity_id > b.entity_id ? 1 : 0));
  }
}

/** Links the documents' entity clusters into canonical entities across the corpus. */
export const linkEntities: CorpusStage = {
  kind: 'corpus',
  name: 'linkEntities',
  requires: ['document.entityClusters'],
  assigns: ['corpus.entities'],
  createLinker(config) {
    return new NameGraphLinker(loadGazetteer(config.extractEntities.lexicons));
  },
};
