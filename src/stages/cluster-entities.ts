import type { EntityCluster, PipelineDocument } from '../document.ts';
import type { EntityType } from '../schemas/index.ts';
import type { DocumentStage } from '../stage.ts';
import { compareFullness, initials, nameKey } from '../text/names.ts';

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
    if (initials(mention.text).toUpperCase() !== acronym.toUpperCase() && !acronym.split('').every((letter) => mention.text.toUpperCase().includes(letter)))
      continue;
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

/** Groups each document's mentions into the clusters corpus-wide linking works on. */
export const clusterEntities: DocumentStage = {
  kind: 'document',
  name: 'clusterEntities',
  requires: ['document.mentions'],
  assigns: ['document.entityClusters'],
  run(document) {
    document.entityClusters = clusterDocumentMentions(document);
  },
};
