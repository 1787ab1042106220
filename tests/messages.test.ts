import { describe, expect, it } from 'vitest';
import { formatMessage, MessageCode } from '../src/messages.ts';

describe('MessageCode', () => {
  it('maps every code to its own name, so codes stay stable in the data', () => {
    for (const [key, value] of Object.entries(MessageCode)) expect(value).toBe(key);
  });

  it.each([['LOAD_EMPTY'], ['LOAD_TOO_LARGE'], ['LOAD_UNSUPPORTED'], ['LOAD_DECODE_FALLBACK'], ['LOAD_DUPLICATE_ID'], ['LOAD_BAD_JSONL_LINE'], ['STAGE_FAILED'], ['ROW_INVALID'], ['DATE_UNRESOLVED']])('has the code %s', (code) => {
    expect(Object.values(MessageCode)).toContain(code);
  });
});

describe('formatMessage', () => {
  it.each([
    [MessageCode.LOAD_EMPTY, 'a.txt has no text', 'LOAD_EMPTY: a.txt has no text'],
    [MessageCode.STAGE_FAILED, 'stage segment failed: boom', 'STAGE_FAILED: stage segment failed: boom'],
    [MessageCode.ROW_INVALID, '', 'ROW_INVALID: '],
  ])('%s + %j -> %j', (code, text, expected) => {
    expect(formatMessage(code, text)).toBe(expected);
  });
});
