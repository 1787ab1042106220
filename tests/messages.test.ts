import { describe, expect, it } from 'vitest';
import { formatMessage, messageAbout, MessageCode } from '../src/messages.ts';

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

describe('messageAbout', () => {
  it.each([
    ['LOAD_DECODE_FALLBACK: not valid UTF-8', 'a.txt', 'LOAD_DECODE_FALLBACK: a.txt: not valid UTF-8'],
    ['LOAD_BAD_PUBLISHED: published "x" is not a date', 'feed.jsonl:3', 'LOAD_BAD_PUBLISHED: feed.jsonl:3: published "x" is not a date'],
    ['W: a: b', 'f', 'W: f: a: b'],
    ['NO_TEXT', 'f', 'NO_TEXT: f'],
  ])('%j about %j -> %j', (message, where, expected) => {
    expect(messageAbout(message, where)).toBe(expected);
  });
});
