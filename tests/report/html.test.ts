import { describe, expect, it } from 'vitest';
import { escapeHtml, formatCount, page, truncate } from '../../src/report/html.ts';

describe('escapeHtml', () => {
  it.each([
    ['plain text', 'plain text'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["Tom & Jerry's", 'Tom &amp; Jerry&#39;s'],
    ['&amp; stays visible as written', '&amp;amp; stays visible as written'],
    ['line one\r\nline two', 'line one&#13;\nline two'],
    ['😀 code points pass through', '😀 code points pass through'],
  ])('%j -> %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('truncate', () => {
  it.each([
    ['short', 5, 'short'],
    ['longer text', 6, 'longe…'],
    ['😀😀😀😀', 3, '😀😀…'],
  ])('%j to %i code points -> %j', (text, limit, expected) => {
    expect(truncate(text, limit)).toBe(expected);
  });
});

describe('formatCount', () => {
  it.each([
    [7, '7'],
    [16000000, '16,000,000'],
  ])('%i -> %j', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });
});

describe('page', () => {
  it('escapes the title and inlines the styles and script', () => {
    const html = page({ title: 'A <b> title', styles: 'body{}', body: '<p>x</p>', script: 'void 0;' });
    expect(html).toContain('<title>A &lt;b&gt; title</title>');
    expect(html).toContain('<style>body{}</style>');
    expect(html).toContain('<script>void 0;</script>');
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  });
});
