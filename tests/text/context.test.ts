import { describe, expect, it } from 'vitest';
import { CONTEXT_BEFORE, textBefore } from '../../src/text/context.ts';

describe('textBefore', () => {
  it('is the whole text before the index when it is short', () => {
    expect(textBefore('between 5 and 7', 8)).toBe('between ');
    expect(textBefore('abc', 0)).toBe('');
  });

  it('is the last CONTEXT_BEFORE characters before the index in a long text', () => {
    const text = `${'x'.repeat(500)}minus 5`;
    expect(CONTEXT_BEFORE).toBe(200);
    expect(textBefore(text, 506)).toBe(`${'x'.repeat(194)}minus `);
  });
});
