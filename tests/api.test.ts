import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.ts';
import { createExtractor, ExtractInputError, type Extraction, type Extractor } from '../src/extractor.ts';
import { ROOT, readTable, runOn, temporaryDirectory } from './helpers/run.ts';

const RAW = path.join(ROOT, 'data', 'raw');
const TEXT =
  'Boris Johnson said on Tuesday that the NHS would get £350 million a week. "We will deliver 🙂," Johnson told the BBC in London.';

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
    entities: (await readTable<Extraction['entities'][number]>(output, 'entities')).filter((entity) =>
      entityIds.has(entity.entity_id),
    ),
    dates: await of('dates'),
    figures: await of('figures'),
    claims,
    claim_links: (await readTable<Extraction['claim_links'][number]>(output, 'claim_links')).filter((link) =>
      claimIds.has(link.claim_id),
    ),
  };
}

describe('createExtractor().extract', () => {
  it('returns the rows of a small text: code point offsets, entities linked in the document, claim links', () => {
    const result = nlp.extract(TEXT, { published: '2016-06-21', title: ' Brexit ', source: 'https://example.org/a' });
    expect(result.document).toMatchObject({
      doc_id: 'doc-1',
      source: 'doc-1',
      origin: 'https://example.org/a',
      format: 'txt',
      title: 'Brexit',
      published: '2016-06-21',
      reference_date: '2016-06-21',
      reference_source: 'published',
      chars: 126,
      passages: 1,
      status: 'ok',
      error: null,
      warnings: [],
    });
    // "🙂" is one code point (two UTF-16 units): the mentions after it start one earlier than in UTF-16.
    const mentions = result.mentions.map(({ mention_id, text, type, entity_id, start, end }) => [mention_id, text, type, entity_id, start, end]);
    expect(mentions).toEqual([
      ['doc-1#m0', 'Boris Johnson', 'person', 'person:boris-johnson', 0, 13],
      ['doc-1#m1', 'NHS', 'organization', 'organization:nhs', 39, 42],
      ['doc-1#m2', 'Johnson', 'person', 'person:boris-johnson', 95, 102],
      ['doc-1#m3', 'BBC', 'organization', 'organization:bbc', 112, 115],
      ['doc-1#m4', 'London', 'place', 'place:london', 119, 125],
    ]);
    expect(result.entities).toEqual([
      { entity_id: 'organization:bbc', type: 'organization', name: 'BBC', aliases: [], mentions: 1, documents: 1 },
      { entity_id: 'organization:nhs', type: 'organization', name: 'NHS', aliases: [], mentions: 1, documents: 1 },
      { entity_id: 'person:boris-johnson', type: 'person', name: 'Boris Johnson', aliases: ['Johnson'], mentions: 2, documents: 1 },
      { entity_id: 'place:london', type: 'place', name: 'London', aliases: [], mentions: 1, documents: 1 },
    ]);
    const dates = result.dates.map((date) => [date.date_id, date.text, date.value, date.kind, date.start, date.end]);
    expect(dates).toEqual([['doc-1#d0', 'Tuesday', '2016-06-21', 'relative', 22, 29]]);
    const figures = result.figures.map((figure) => [figure.figure_id, figure.text, figure.value, figure.kind, figure.unit]);
    expect(figures).toEqual([['doc-1#f0', '£350 million', 350_000_000, 'money', 'GBP']]);
    const claims = result.claims.map(({ kind, text, start, end, speaker, speaker_entity_id, cue }) => [
      kind, text, start, end, speaker, speaker_entity_id, cue,
    ]);
    const figureClaim = 'Boris Johnson said on Tuesday that the NHS would get £350 million a week.';
    expect(claims).toEqual([
      ['figure', figureClaim, 0, 73, 'Boris Johnson', 'person:boris-johnson', null],
      ['reported', 'the NHS would get £350 million a week', 35, 72, 'Boris Johnson', 'person:boris-johnson', 'said'],
      ['quote', 'We will deliver 🙂,', 75, 93, 'Boris Johnson', 'person:boris-johnson', 'told'],
    ]);
    expect(result.claim_links.filter((link) => link.claim_id === 'doc-1#c0')).toEqual([
      { claim_id: 'doc-1#c0', role: 'speaker', target_id: 'person:boris-johnson' },
      { claim_id: 'doc-1#c0', role: 'entity', target_id: 'person:boris-johnson' },
      { claim_id: 'doc-1#c0', role: 'entity', target_id: 'organization:nhs' },
      { claim_id: 'doc-1#c0', role: 'figure', target_id: 'doc-1#f0' },
      { claim_id: 'doc-1#c0', role: 'date', target_id: 'doc-1#d0' },
    ]);
    expect(result.claim_links).toHaveLength(9);
  });

  it('takes the id given, and reads published as a JSONL record does (a Date, or a warning for a non-date)', () => {
    const dated = nlp.extract('The council met in Leeds.', { id: 'news/leeds', published: new Date('2020-03-04T00:00:00Z') });
    const ids = [dated.document.doc_id, dated.document.published, dated.passages[0]?.passage_id];
    expect(ids).toEqual(['news/leeds', '2020-03-04', 'news/leeds#p0']);
    const undated = nlp.extract('The council met in Leeds.', { published: 'soon' });
    expect([undated.document.published, undated.document.warnings]).toEqual([
      null,
      ['LOAD_BAD_PUBLISHED: doc-1: published "soon" is not a date; ignored (write it as YYYY-MM-DD)'],
    ]);
  });

  it('gives a blank text a skipped document row with no other rows, as a run does', () => {
    const result = nlp.extract(' \n ');
    expect([result.document.status, result.document.error, result.passages, result.entities, result.claim_links]).toEqual([
      'skipped',
      'LOAD_EMPTY: doc-1: the text is empty or only whitespace; nothing to extract',
      [],
      [],
      [],
    ]);
  });

  it('throws ExtractInputError naming the bad field, and ConfigError for a bad config', () => {
    const bad = (value: unknown): string => value as string;
    expect(() => nlp.extract(bad(42))).toThrow(ExtractInputError);
    expect(() => nlp.extract(bad(42))).toThrow('extract: "text" must be a string, got a number');
    expect(() => nlp.extract('text', { id: ' ' })).toThrow('extract: "id" must be a non-blank string, got " "');
    expect(() => nlp.extract('text', { id: bad(7) })).toThrow('extract: "id" must be a non-blank string, got a number');
    expect(() => nlp.extract('text', { title: bad(['a']) })).toThrow('extract: "title" must be a string or null, got an array');
    expect(() => nlp.extract('text', { published: bad(20200101) })).toThrow(
      'extract: "published" must be a YYYY-MM-DD string, a Date or null, got a number',
    );
    expect(() => createExtractor({ segment: { maxPassageChar: 500 } } as never)).toThrow(ConfigError);
  });
});

describe('createExtractor().extractMany', () => {
  it('yields in input order what extract yields, with ids doc-<position> by default, from an async iterable', async () => {
    async function* inputs(): AsyncGenerator<string | { text: string; id?: string }> {
      yield 'Angela Merkel visited Paris on 3 May 2019.';
      yield { text: 'The BBC said 40 people came.', id: 'bbc' };
      yield 'Leeds City Council met in Leeds.';
    }
    const results: Extraction[] = [];
    for await (const result of nlp.extractMany(inputs())) results.push(result);
    expect(results.map((result) => result.document.doc_id)).toEqual(['doc-1', 'bbc', 'doc-3']);
    expect(results).toEqual([
      nlp.extract('Angela Merkel visited Paris on 3 May 2019.', { id: 'doc-1' }),
      nlp.extract('The BBC said 40 people came.', { id: 'bbc' }),
      nlp.extract('Leeds City Council met in Leeds.', { id: 'doc-3' }),
    ]);
  });

  it('rejects a bad input by its position, after yielding the ones before it', async () => {
    const seen: string[] = [];
    const run = async (): Promise<void> => {
      const inputs = ['One text.', { text: null } as unknown as string];
      for await (const result of nlp.extractMany(inputs)) seen.push(result.document.doc_id);
    };
    await expect(run()).rejects.toThrow(new ExtractInputError('extractMany input 2: "text" must be a string, got null'));
    expect(seen).toEqual(['doc-1']);
  });
});

describe('createExtractor().extractMany on worker threads', () => {
  it('yields the rows of the main thread, in input order, and the documents before a bad input', async () => {
    const texts = ['Angela Merkel visited Paris on 3 May 2019.', 'The BBC said 40 people came.', 'Leeds City Council met in Leeds.', 'Boris Johnson said the NHS would get £350 million a week.', 'Ms. Li of the centre said 12 officials quit.'];
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
      expect(alone.entities.map((entity) => [entity.entity_id, entity.mentions, entity.documents])).toEqual(
        entityIds.map((id) => [id, mentionsOf(id), 1]),
      );
    }
  });
});
