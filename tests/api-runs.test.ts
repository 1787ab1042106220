import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, ExtractInputError, type Extraction, type Extractor } from '../src/extractor.ts';
import { ROOT, readTable, runOn, temporaryDirectory } from './helpers/run.ts';

// The library beside whole runs: extractMany on worker threads, and extract against the tables of folder runs.

const RAW = path.join(ROOT, 'data', 'raw');

let nlp: Extractor;
beforeAll(() => {
  nlp = createExtractor();
});

/** A folder run's rows of one document, in the shape `extract` returns. */
async function folderRows(output: string, docId: string): Promise<Extraction> {
  const of = async <Row extends { doc_id: string }>(table: string): Promise<Row[]> =>
    (await readTable<Row>(output, table)).filter((row) => row.doc_id === docId);
  const claims = await of<Extraction['claims'][number]>('claims');
  const claimIds = new Set(claims.map((claim) => claim.claim_id));
  const mentions = await of<Extraction['mentions'][number]>('mentions');
  const entityIds = new Set(mentions.map((mention) => mention.entity_id));
  return {
    document: (await of<Extraction['document']>('documents'))[0] as Extraction['document'],
    passages: await of('passages'),
    mentions,
    entities: (await readTable<Extraction['entities'][number]>(output, 'entities')).filter((entity) => entityIds.has(entity.entity_id)),
    dates: await of('dates'),
    figures: await of('figures'),
    claims,
    claim_links: (await readTable<Extraction['claim_links'][number]>(output, 'claim_links')).filter((link) => claimIds.has(link.claim_id)),
  };
}

describe('createExtractor().extractMany on worker threads', () => {
  it('yields the rows of the main thread, in input order, and the documents before a bad input', async () => {
    const texts = [
      'Angela Merkel visited Paris on 3 May 2019.',
      'The BBC said 40 people came.',
      'Leeds City Council met in Leeds.',
      'Boris Johnson said the NHS would get £350 million a week.',
      'Ms. Li of the centre said 12 officials quit.',
    ];
    const threaded = createExtractor({ workers: 2 });
    const seen: Extraction[] = [];
    const run = async (): Promise<void> => {
      for await (const result of threaded.extractMany([...texts, { text: 5 } as unknown as string])) seen.push(result);
    };
    await expect(run()).rejects.toThrow(new ExtractInputError('extractMany input 6: "text" must be a string, got a number'));
    expect(seen.map((result) => result.document.doc_id)).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-4', 'doc-5']);
    expect(seen).toEqual(texts.map((text, index) => nlp.extract(text, { id: `doc-${index + 1}` })));
  }, 60_000);
});

describe('extract against a folder run', () => {
  it('gives the rows a one-document run writes, all tables, but documents.source (the file there, the id here)', async () => {
    const folder = await temporaryDirectory();
    const file = (await readdir(RAW)).sort()[0] as string;
    await copyFile(path.join(RAW, file), path.join(folder, file));
    const { output } = await runOn([folder], { workers: 0, report: false });
    const docId = file.replace(/\.txt$/, '');
    const expected = await folderRows(output, docId);
    const result = nlp.extract(await readFile(path.join(RAW, file), 'utf8'), { id: docId });
    expect(expected.document.source).toBe(file);
    expect(result).toEqual({ ...expected, document: { ...expected.document, source: docId } });
    expect(result.claims.length).toBeGreaterThan(0);
  });

  it('matches a corpus run over every seed document once its entity ids are mapped to the corpus ones', async () => {
    const { output } = await runOn([RAW], { workers: 0, report: false });
    for (const file of (await readdir(RAW)).sort()) {
      const docId = file.replace(/\.txt$/, '');
      const corpus = await folderRows(output, docId);
      const alone = nlp.extract(await readFile(path.join(RAW, file), 'utf8'), { id: docId });
      expect(alone.document).toEqual({ ...corpus.document, source: docId });
      expect([alone.passages, alone.dates, alone.figures]).toEqual([corpus.passages, corpus.dates, corpus.figures]);
      // Corpus linking may only merge a document's entities: each entity id here stands for one corpus entity id.
      const corpusIds = new Map<string, Set<string>>();
      for (const [index, mention] of alone.mentions.entries()) {
        const ids = corpusIds.get(mention.entity_id) ?? new Set<string>();
        corpusIds.set(mention.entity_id, ids.add(corpus.mentions[index]?.entity_id ?? ''));
      }
      expect([...corpusIds.values()].filter((ids) => ids.size !== 1)).toEqual([]);
      const corpusId = (id: string): string => [...(corpusIds.get(id) ?? [id])][0] as string;
      expect(alone.mentions.map((mention) => ({ ...mention, entity_id: corpusId(mention.entity_id) }))).toEqual(corpus.mentions);
      const claims = alone.claims.map((claim) => ({
        ...claim,
        entity_ids: [...new Set(claim.entity_ids.map(corpusId))],
        speaker_entity_id: claim.speaker_entity_id === null ? null : corpusId(claim.speaker_entity_id),
      }));
      expect(claims).toEqual(corpus.claims);
      const links = alone.claim_links.map((link) =>
        link.role === 'entity' || link.role === 'speaker' ? { ...link, target_id: corpusId(link.target_id) } : link,
      );
      expect([...new Map(links.map((link) => [JSON.stringify(link), link])).values()]).toEqual(corpus.claim_links);
      // The entities rows count this one document: every mention of it, one document each.
      const entityIds = [...new Set(alone.mentions.map((mention) => mention.entity_id))].sort();
      const mentionsOf = (id: string): number => alone.mentions.filter((mention) => mention.entity_id === id).length;
      expect(alone.entities.map((entity) => [entity.entity_id, entity.mentions, entity.documents])).toEqual(entityIds.map((id) => [id, mentionsOf(id), 1]));
    }
  });
});
