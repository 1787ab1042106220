import { describe, expect, it } from 'vitest';
import { documentFileName, documentPagePath, rowAnchor } from '../../src/report/file-names.ts';

describe('documentFileName', () => {
  it.each([
    ['000_0796cd7eea2f6637', '000_0796cd7eea2f6637.html'],
    ['report-7.v2', 'report-7.v2.html'],
    ['2016/jan/report-7', '2016-jan-report-7--74c7669c60e0.html'],
    ['feed/2016-01:17', 'feed-2016-01-17--a517bd354479.html'],
    ['Report', 'report--b6ce788d9786.html'],
    ['con', 'con--1143da2bc54c.html'],
    ['.hidden', 'hidden--1692419006a8.html'],
    ['a--b', 'a-b--90827a2e5636.html'],
    ['日本語', 'document--77710aedc74e.html'],
    ['Café', 'cafe--73473dcc12b7.html'],
    ['x'.repeat(120), `${'x'.repeat(80)}--13f05a0b5947.html`],
  ])('%j -> %j', (documentId, expected) => {
    expect(documentFileName(documentId)).toBe(expected);
  });

  it('gives distinct names to ids that differ only in separators or case', () => {
    const ids = ['a/b', 'a:b', 'A/B', 'a-b', 'a b', 'a_b', 'A-B'];
    expect(new Set(ids.map(documentFileName)).size).toBe(ids.length);
  });

  it('gives names made of safe characters only', () => {
    for (const id of ['../../etc/passwd', 'C:\\Windows\\x', 'a?b*c|d"e<f>', 'feed/2016-01:17'])
      expect(documentFileName(id)).toMatch(/^[a-z0-9][a-z0-9_.-]*\.html$/);
  });
});

describe('documentPagePath', () => {
  it('puts the page in the documents folder', () => {
    expect(documentPagePath('a/b')).toBe('documents/a-b--c14cddc033f6.html');
  });
});

describe('rowAnchor', () => {
  it.each([
    ['doc#c3', 'doc', 'c3'],
    ['2016/jan/report-7#m12', '2016/jan/report-7', 'm12'],
    ['feed/2016-01:17#p0', 'feed/2016-01:17', 'p0'],
    ['other#c1', 'doc', 'row-6f74686572236331'],
    ['doc#1 2', 'doc', 'row-646f6323312032'],
  ])('%j in %j -> %j', (rowId, documentId, expected) => {
    expect(rowAnchor(rowId, documentId)).toBe(expected);
  });
});
