import { describe, expect, it } from 'vitest';
import { isPinyinName, phraseKeys, tokenKey } from '../../src/text/names.ts';

describe('tokenKey', () => {
  it.each([
    ['CCP’s', 'ccp'],
    ["Party's", 'party'],
    ['U.S.', 'us'],
    ['Zürich', 'zurich'],
    ['Minghui.org', 'minghuiorg'],
  ])('%s -> %s', (token, expected) => {
    expect(tokenKey(token)).toBe(expected);
  });
});

describe('phraseKeys', () => {
  it.each([
    ['Coca-Cola', ['coca', 'cola']],
    ['Global Service Centre for Quitting the CCP', ['global', 'service', 'centre', 'for', 'quitting', 'the', 'ccp']],
    ["People's Daily", ['people', 'daily']],
  ])('%s', (name, expected) => {
    expect(phraseKeys(name)).toEqual(expected);
  });
});

describe('isPinyinName', () => {
  it.each([
    ['Dayong', true],
    ['Dongsheng', true],
    ['Xiaoping', true],
    ['Zhisheng', true],
    ['Jinping', true],
    ['Strength', false],
    ['Island', false],
    ['Province', false],
    ['A', false],
  ])('%s -> %s', (word, expected) => {
    expect(isPinyinName(word)).toBe(expected);
  });
});
