import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.ts';
import { createExtractor, ExtractInputError, type Extraction, type Extractor } from '../src/extractor.ts';

// The library in the main thread; tests/api-runs.test.ts runs it on worker threads and beside folder runs.

const TEXT = 'Boris Johnson said on Tuesday that the NHS would get £350 million a week. "We will deliver 🙂," Johnson told the BBC in London.';

let nlp: Extractor;
beforeAll(() => {
  nlp = createExtractor();
});

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
      kind,
      text,
      start,
      end,
      speaker,
      speaker_entity_id,
      cue,
    ]);
    const figureClaim = 'Boris Johnson said on Tuesday that the NHS would get £350 million a week.';
    expect(claims).toEqual([
      ['figure', figureClaim, 0, 73, 'Boris Johnson', 'person:boris-johnson', null],
      ['reported', 'the NHS would get £350 million a week', 35, 72, 'Boris Johnson', 'person:boris-johnson', 'said'],
      ['quote', 'We will deliver 🙂,', 75, 93, 'Johnson', 'person:boris-johnson', 'told'],
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
    expect(() => nlp.extract('text', { published: bad(20200101) })).toThrow('extract: "published" must be a YYYY-MM-DD string, a Date or null, got a number');
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
