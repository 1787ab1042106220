import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, type TableName } from '../../src/schemas/index.ts';
import { csvCell, tableColumns, toCsv, toJsonl } from '../../src/output/csv.ts';
import { tableJsonSchema } from '../../src/output/table-writer.ts';

const TRUNCATION_MARK = '…[truncated]';

describe('csvCell', () => {
  it.each<[unknown, string]>([
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['plain', 'plain'],
    ['Li Dayong, "quoted"', 'Li Dayong, "quoted"'],
    ['two\nlines', 'two\nlines'],
    [3, '3'],
    [0, '0'],
    [-2.5, '-2.5'],
    [16000000, '16000000'],
    [true, 'true'],
    [false, 'false'],
    [['a', 'b'], 'a; b'],
    [['organization:ccp', 'person:li-dayong', 'place:beijing'], 'organization:ccp; person:li-dayong; place:beijing'],
    [[], ''],
    [['only'], 'only'],
  ])('%j -> %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['- a list item', "'- a list item"],
    ['@cmd', "'@cmd"],
    ['\tindented', "'\tindented"],
    ['\rreturn', "'\rreturn"],
  ])('neutralises the formula-like text %j -> %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([[' =not first'], ['a=b'], ['Li said: =x'], ['\nnewline first']])('leaves %j alone: it does not start with a formula character', (value) => {
    expect(csvCell(value)).toBe(value);
  });

  it('neutralises a list whose first item looks like a formula', () => {
    expect(csvCell(['=a', 'b'])).toBe("'=a; b");
  });

  it('keeps a cell of exactly 32,767 characters', () => {
    const value = 'x'.repeat(32767);
    expect(csvCell(value)).toBe(value);
  });

  it('cuts a longer cell to 32,767 characters ending with a truncation mark', () => {
    const cell = csvCell('x'.repeat(40000));
    expect(cell).toHaveLength(32767);
    expect(cell).toBe('x'.repeat(32755) + TRUNCATION_MARK);
  });

  it('counts the neutralising apostrophe against the limit', () => {
    const cell = csvCell(`=${'x'.repeat(32766)}`);
    expect(cell).toHaveLength(32767);
    expect(cell).toBe(`'=${'x'.repeat(32753)}${TRUNCATION_MARK}`);
  });

  it('does not cut a surrogate pair when truncating', () => {
    // 32,754 x then an emoji: the cut at 32,755 would fall between its two halves.
    const cell = csvCell(`${'x'.repeat(32754)}😀${'y'.repeat(100)}`);
    expect(cell).toBe('x'.repeat(32754) + TRUNCATION_MARK);
    expect(cell).toHaveLength(32766);
  });
});

describe('tableColumns', () => {
  it.each<[TableName, string[]]>([
    [
      'documents',
      [
        'doc_id',
        'source',
        'origin',
        'format',
        'sha256',
        'chars',
        'title',
        'published',
        'reference_date',
        'reference_source',
        'passages',
        'status',
        'error',
        'warnings',
        'text',
      ],
    ],
    ['passages', ['passage_id', 'doc_id', 'index', 'start', 'end', 'heading', 'is_heading', 'text']],
    ['mentions', ['mention_id', 'doc_id', 'passage_id', 'text', 'start', 'end', 'entity_id', 'type']],
    ['entities', ['entity_id', 'type', 'name', 'aliases', 'mentions', 'documents']],
  ])('%s columns in schema order', (table, expected) => {
    expect(tableColumns(table)).toEqual(expected);
  });

  it.each<[TableName, string[]]>([
    ['documents', ['doc_id', 'source', 'origin', 'format', 'sha256', 'chars', 'title', 'published', 'passages', 'status', 'error']],
    ['passages', ['passage_id', 'doc_id', 'index', 'start', 'end', 'heading', 'text']],
    ['mentions', ['mention_id', 'doc_id', 'passage_id', 'entity_id', 'type', 'text', 'start', 'end']],
    ['entities', ['entity_id', 'type', 'name', 'aliases', 'mentions', 'documents']],
    ['dates', ['date_id', 'doc_id', 'passage_id', 'text', 'start', 'end', 'value', 'start_date', 'end_date', 'granularity', 'kind']],
    ['figures', ['figure_id', 'doc_id', 'passage_id', 'text', 'start', 'end', 'value', 'value_max', 'qualifier', 'kind', 'unit', 'item']],
    [
      'claims',
      [
        'claim_id',
        'doc_id',
        'passage_id',
        'kind',
        'text',
        'start',
        'end',
        'speaker',
        'speaker_start',
        'speaker_end',
        'speaker_entity_id',
        'cue',
        'entity_ids',
        'figure_ids',
        'date_ids',
      ],
    ],
    ['claim_links', ['claim_id', 'role', 'target_id']],
  ])('%s has every column SPEC.md requires', (table, required) => {
    expect(tableColumns(table)).toEqual(expect.arrayContaining(required));
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated record per row, quoting per RFC 4180', () => {
    const csv = toCsv('entities', [
      { entity_id: 'person:li', type: 'person', name: 'Li, "the" one', aliases: ['A', 'B'], mentions: 2, documents: 1 },
      { entity_id: 'place:x', type: 'place', name: '=cmd', aliases: [], mentions: 1, documents: 1 },
      { entity_id: 'organization:y', type: 'organization', name: 'Comma, inside', aliases: ['Y', 'Z'], mentions: 3, documents: 2 },
    ]);
    expect(csv).toBe(
      'entity_id,type,name,aliases,mentions,documents\r\n' +
        'person:li,person,"Li, ""the"" one",A; B,2,1\r\n' +
        "place:x,place,'=cmd,,1,1\r\n" +
        'organization:y,organization,"Comma, inside",Y; Z,3,2\r\n',
    );
  });

  it('leaves the text column out of documents.csv', () => {
    const csv = toCsv('documents', [
      {
        doc_id: 'a',
        source: 'a.txt',
        origin: null,
        format: 'txt',
        sha256: 'f'.repeat(64),
        chars: 5,
        title: null,
        published: '2016-01-07',
        reference_date: null,
        reference_source: null,
        passages: 1,
        status: 'ok',
        error: null,
        warnings: ['W1: one', 'W2: two'],
        text: 'Hello',
      },
    ]);
    expect(csv).toBe(
      'doc_id,source,origin,format,sha256,chars,title,published,reference_date,reference_source,passages,status,error,warnings\r\n' +
        `a,a.txt,,txt,${'f'.repeat(64)},5,,2016-01-07,,,1,ok,,W1: one; W2: two\r\n`,
    );
  });

  it('writes only the header for an empty table', () => {
    expect(toCsv('passages', [])).toBe('passage_id,doc_id,index,start,end,heading,is_heading,text\r\n');
  });

  it('writes columns in schema order whatever the key order of the row', () => {
    const csv = toCsv('passages', [{ text: 'Body.', is_heading: false, heading: null, end: 5, start: 0, index: 0, doc_id: 'd', passage_id: 'd#p0' }]);
    expect(csv).toBe('passage_id,doc_id,index,start,end,heading,is_heading,text\r\nd#p0,d,0,0,5,,false,Body.\r\n');
  });

  it('keeps non-ASCII text as UTF-8 characters', () => {
    const csv = toCsv('passages', [{ passage_id: 'd#p0', doc_id: 'd', index: 0, start: 0, end: 4, heading: '北京', is_heading: false, text: 'é😀𠀀中' }]);
    expect(csv).toBe('passage_id,doc_id,index,start,end,heading,is_heading,text\r\nd#p0,d,0,0,4,北京,false,é😀𠀀中\r\n');
  });
});

describe('toJsonl', () => {
  it.each<[unknown[], string]>([
    [[], ''],
    [[{ a: 1 }], '{"a":1}\n'],
    [[{ a: 1 }, { b: 'é\n"x"' }], '{"a":1}\n{"b":"é\\n\\"x\\""}\n'],
    [[{ list: ['x', 'y'], empty: null }], '{"list":["x","y"],"empty":null}\n'],
    [[{ text: '😀\u2028' }], '{"text":"😀\u2028"}\n'],
  ])('%j -> %j', (rows, expected) => {
    expect(toJsonl(rows)).toBe(expected);
  });

  it('round-trips its rows line by line', () => {
    const rows = [
      { doc_id: 'a', text: 'one\ntwo' },
      { doc_id: 'b', text: '"quoted", 北京' },
    ];
    expect(
      toJsonl(rows)
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(rows);
  });
});

describe('tableJsonSchema', () => {
  it('describes the entities table', () => {
    expect(JSON.parse(tableJsonSchema('entities'))).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        entity_id: { type: 'string', pattern: '^(person|place|organization):[a-z0-9-]+$' },
        type: { type: 'string', enum: ['person', 'place', 'organization'] },
        name: { type: 'string', minLength: 1, description: 'The fullest form of the name' },
        aliases: { type: 'array', items: { type: 'string' }, description: 'Other surface forms seen, sorted' },
        mentions: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991, description: 'Number of mentions across the corpus' },
        documents: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991, description: 'Number of documents that mention it' },
      },
      required: ['entity_id', 'type', 'name', 'aliases', 'mentions', 'documents'],
      additionalProperties: false,
    });
  });

  it.each(TABLE_NAMES)('the %s schema is pretty-printed JSON ending with a newline, requiring every column', (table) => {
    const text = tableJsonSchema(table);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "$schema"')).toBe(true);
    const schema = JSON.parse(text) as { type: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(tableColumns(table));
    expect([...schema.required].sort()).toEqual([...tableColumns(table)].sort());
  });

  it.each([
    ['passages', 'start', { type: 'integer', minimum: 0, maximum: 9007199254740991 }],
    ['documents', 'status', { type: 'string', enum: ['ok', 'failed', 'skipped'] }],
    ['documents', 'format', { type: 'string', enum: ['txt', 'md', 'html', 'jsonl', 'unknown'] }],
    ['figures', 'qualifier', { type: 'string', enum: ['exact', 'approximately', 'more_than', 'at_least', 'less_than', 'at_most'] }],
  ] as [TableName, string, unknown][])('%s.%s is %j', (table, column, expected) => {
    const schema = JSON.parse(tableJsonSchema(table)) as { properties: Record<string, unknown> };
    expect(schema.properties[column]).toMatchObject(expected as object);
  });
});

describe('CSV cells with line breaks', () => {
  it.each([
    ['Line one.\nLine two.', '"Line one.\nLine two."'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['\rstarts with CR', `"'\rstarts with CR"`],
  ])('quotes %j so the row stays one row', (text, expected) => {
    const csv = toCsv('passages', [{ passage_id: 'd#p0', doc_id: 'd', index: 0, start: 0, end: text.length, heading: null, is_heading: false, text }]);
    expect(csv.split('\r\n')[1]).toBe(`d#p0,d,0,0,${text.length},,false,${expected}`);
  });
});
