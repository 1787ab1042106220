import { createDocument, type EntityMention, type PipelineDocument } from '../../src/document.ts';
import type { EntityType } from '../../src/schemas/index.ts';

/** A document whose mentions are the given names, found in order in its text. */
export function documentWith(id: string, text: string, names: [string, EntityType][]): PipelineDocument {
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
