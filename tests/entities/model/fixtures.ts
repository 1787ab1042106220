import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small annotated corpus in the layout `quarry train` reads: texts in one folder, gold files (FORMAT.md) in another. */
export interface AnnotatedCorpus {
  corpus: string;
  gold: string;
}

type Annotation = [type: string, text: string, optional?: boolean];

/** Writes texts with their entities (found in order of appearance, each occurrence once) as a corpus and its gold. */
export function writeCorpus(documents: Record<string, [text: string, entities: Annotation[]]>): AnnotatedCorpus {
  const root = mkdtempSync(path.join(tmpdir(), 'quarry-train-'));
  const corpus = path.join(root, 'corpus');
  const gold = path.join(root, 'gold');
  mkdirSync(corpus);
  mkdirSync(gold);
  for (const [id, [text, entities]] of Object.entries(documents)) {
    writeFileSync(path.join(corpus, `${id}.txt`), text);
    let from = 0;
    const items = entities.map(([type, name, optional]) => {
      const start = text.indexOf(name, from);
      if (start < 0) throw new Error(`fixture: "${name}" is not in ${id} after ${from}`);
      from = start + name.length;
      return { type, start, end: start + name.length, text: name, ...(optional === true ? { optional } : {}) };
    });
    writeFileSync(path.join(gold, `${id}.json`), JSON.stringify({ doc_id: id, entities: items }));
  }
  return { corpus, gold };
}

/** Three short news texts: people, places, organisations, and a misc item. */
export const SMALL_NEWS: Record<string, [string, Annotation[]]> = {
  one: [
    'Maria Lopez joined Acme Widgets in Springfield on Monday.\nAcme Widgets said Lopez would run its German sales.\n',
    [
      ['person', 'Maria Lopez'],
      ['organization', 'Acme Widgets'],
      ['place', 'Springfield'],
      ['organization', 'Acme Widgets'],
      ['person', 'Lopez'],
      ['misc', 'German'],
    ],
  ],
  two: [
    'Tom Baker of Norland Energy visited Oslo.\nBaker said Norland Energy would open an office in Oslo next year.\n',
    [
      ['person', 'Tom Baker'],
      ['organization', 'Norland Energy'],
      ['place', 'Oslo'],
      ['person', 'Baker'],
      ['organization', 'Norland Energy'],
      ['place', 'Oslo'],
    ],
  ],
  three: [
    'Officials in Lagos met Ana Silva, who leads Blue River Group.\nSilva told reporters in Lagos that Blue River Group would grow.\n',
    [
      ['place', 'Lagos'],
      ['person', 'Ana Silva'],
      ['organization', 'Blue River Group'],
      ['person', 'Silva'],
      ['place', 'Lagos'],
      ['organization', 'Blue River Group'],
    ],
  ],
};
