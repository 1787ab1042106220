import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/document.ts';
import { ANALYSIS_BATCH_CHARS, analyze } from '../../src/stages/analyze.ts';
import { resolveConfig } from '../../src/config.ts';

/** A document whose passages are its lines, as the segmenter would give them. */
function documentOf(lines: string[]) {
  const text = lines.join('\n');
  const document = createDocument({ id: 'test', source: 'test.txt', format: 'txt', sha256: '0'.repeat(64), text });
  let start = 0;
  for (const [index, line] of lines.entries()) {
    document.passages.push({ start, end: start + line.length, index, isHeading: false, heading: null });
    start += line.length + 1;
  }
  return document;
}

describe('analyze', () => {
  it('gives every passage its analysis, in document offsets, in order', () => {
    const document = documentOf(['Li Dayong spoke.', 'She left Beijing on Monday.']);
    analyze.run(document, resolveConfig({}));
    expect(document.analyses.map((analysis) => analysis.offset)).toEqual([0, 17]);
    expect(document.analyses[1]?.tokens.map((token) => document.text.slice(token.start, token.end))).toEqual(['She', 'left', 'Beijing', 'on', 'Monday']);
  });

  it('tags passages longer together than a batch in several calls, with the same result as one by one', () => {
    const line = 'The official in Jiaozuo City said that many officials had quit the party. '.repeat(60).trim();
    const lines = [line, line, line, line, line];
    expect(lines.join('\n').length).toBeGreaterThan(ANALYSIS_BATCH_CHARS);
    const batched = documentOf(lines);
    analyze.run(batched, resolveConfig({}));
    const alone = documentOf([line]);
    analyze.run(alone, resolveConfig({}));
    expect(batched.analyses).toHaveLength(5);
    const shifted = (batched.analyses[4]?.tokens ?? []).map((token) => [token.text, token.start - (batched.analyses[4]?.offset ?? 0), [...token.tags].sort()]);
    expect(shifted).toEqual((alone.analyses[0]?.tokens ?? []).map((token) => [token.text, token.start, [...token.tags].sort()]));
  });
});
