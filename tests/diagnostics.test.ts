import { describe, expect, it } from 'vitest';
import { diagnosticAt, diagnosticOn, findingAt, renderDiagnostic } from '../src/diagnostics.ts';
import { Diagnostic, MessageCode } from '../src/schemas/index.ts';

describe('MessageCode', () => {
  it('maps every code to its own name, so codes stay stable in the data', () => {
    for (const [key, value] of Object.entries(MessageCode)) expect(value).toBe(key);
  });

  it.each([
    ['LOAD_EMPTY'],
    ['LOAD_TOO_LARGE'],
    ['LOAD_UNSUPPORTED'],
    ['LOAD_DECODE_FALLBACK'],
    ['LOAD_DUPLICATE_ID'],
    ['LOAD_BAD_JSONL_LINE'],
    ['STAGE_FAILED'],
    ['ROW_INVALID'],
    ['DATE_UNRESOLVED'],
  ])('has the code %s', (code) => {
    expect(Object.values(MessageCode)).toContain(code);
  });
});

describe('diagnostics', () => {
  it('keep their code, severity, place and reason as fields', () => {
    expect(diagnosticAt('error', MessageCode.LOAD_BAD_JSONL_LINE, { source: 'feed.jsonl', line: 3 }, 'not JSON (x); fix or remove the line')).toEqual({
      code: 'LOAD_BAD_JSONL_LINE',
      severity: 'error',
      source: 'feed.jsonl',
      line: 3,
      reason: 'not JSON (x); fix or remove the line',
      prefixed: true,
    });
    expect(diagnosticOn('warning', MessageCode.DATE_UNRESOLVED, 'a.txt', '2 dates left out')).toEqual({
      code: 'DATE_UNRESOLVED',
      severity: 'warning',
      source: 'a.txt',
      line: null,
      reason: '2 dates left out',
      prefixed: false,
    });
  });

  it('give a finding the place it was found at', () => {
    expect(findingAt('warning', { code: MessageCode.LOAD_BAD_PUBLISHED, reason: 'published "x" is not a date' }, { source: 'feed.jsonl', line: 7 })).toEqual({
      code: 'LOAD_BAD_PUBLISHED',
      severity: 'warning',
      source: 'feed.jsonl',
      line: 7,
      reason: 'published "x" is not a date',
      prefixed: true,
    });
  });

  it('pass their schema, which rejects an unknown code and a line below 1', () => {
    const diagnostic = diagnosticAt('error', MessageCode.LOAD_TOO_LARGE, { source: 'f.jsonl', line: 1 }, 'too large');
    expect(Diagnostic.safeParse(diagnostic).success).toBe(true);
    expect(Diagnostic.safeParse({ ...diagnostic, code: 'NOT_A_CODE' }).success).toBe(false);
    expect(Diagnostic.safeParse({ ...diagnostic, line: 0 }).success).toBe(false);
  });
});

describe('renderDiagnostic', () => {
  // The texts are the ones the documents table held before diagnostics were data: they must not change.
  it.each([
    [
      diagnosticAt('error', MessageCode.LOAD_BAD_JSONL_LINE, { source: 'broken.jsonl', line: 2 }, 'not JSON (Unexpected token); fix or remove the line'),
      'LOAD_BAD_JSONL_LINE: broken.jsonl:2: not JSON (Unexpected token); fix or remove the line',
    ],
    [
      findingAt('warning', { code: MessageCode.LOAD_DECODE_FALLBACK, reason: 'not valid UTF-8; decoded as Windows-1252' }, { source: 'a.txt', line: null }),
      'LOAD_DECODE_FALLBACK: a.txt: not valid UTF-8; decoded as Windows-1252',
    ],
    [
      diagnosticAt('error', MessageCode.STAGE_FAILED, { source: 'feed.jsonl:4', line: null }, 'stage segment failed: boom'),
      'STAGE_FAILED: feed.jsonl:4: stage segment failed: boom',
    ],
    [diagnosticOn('error', MessageCode.LOAD_EMPTY, 'a.txt', 'a.txt has no text; nothing to extract'), 'LOAD_EMPTY: a.txt has no text; nothing to extract'],
    [
      diagnosticOn('warning', MessageCode.LOAD_DUPLICATE_ID, 'same.txt', 'doc_id "same" is already taken by another input; this one is "same.txt"'),
      'LOAD_DUPLICATE_ID: doc_id "same" is already taken by another input; this one is "same.txt"',
    ],
    [diagnosticOn('error', MessageCode.ROW_INVALID, 'a.txt', ''), 'ROW_INVALID: '],
  ])('%j -> %j', (diagnostic, expected) => {
    expect(renderDiagnostic(diagnostic)).toBe(expected);
  });

  it('reads the place from the fields, whatever the reason holds', () => {
    // A reason with ": " in it is not split: the place comes from source and line, never from searching the text.
    const diagnostic = diagnosticAt(
      'warning',
      MessageCode.LOAD_BAD_FRONT_MATTER,
      { source: 'notes/a: b.md', line: null },
      'front matter is not YAML (bad: indent); kept as text',
    );
    expect(renderDiagnostic(diagnostic)).toBe('LOAD_BAD_FRONT_MATTER: notes/a: b.md: front matter is not YAML (bad: indent); kept as text');
    expect(renderDiagnostic({ ...diagnostic, line: 12 })).toBe('LOAD_BAD_FRONT_MATTER: notes/a: b.md:12: front matter is not YAML (bad: indent); kept as text');
  });
});
