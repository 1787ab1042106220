import { describe, expect, it } from 'vitest';
import { isPinyinName, phraseKeys, slugify, tokenKey } from '../../src/text/names.ts';

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

describe('slugify', () => {
  it.each([
    ['Chinese Communist Party', 'chinese-communist-party'],
    ['Minghui.org', 'minghui-org'],
    ["CCP's", 'ccp'],
    ['Zürich', 'zurich'],
    ['Ørsted', 'orsted'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['北京', '5317-4eac'],
    ['Москва River', '43c-43e-441-43a-432-430-river'],
    ['Нева River', '43d-435-432-430-river'],
    ['!!!', 'unnamed'],
  ])('%s -> %s', (name, expected) => {
    expect(slugify(name)).toBe(expected);
  });
});
