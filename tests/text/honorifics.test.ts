import { describe, expect, it } from 'vitest';
import { honorificGender, isHonorific, withoutHonorifics } from '../../src/text/honorifics.ts';

describe('isHonorific', () => {
  it.each([['mr'], ['mrs'], ['ms'], ['miss'], ['dr'], ['prof'], ['sir'], ['lord'], ['dame'], ['lady'], ['mme'], ['herr']])('%s is one', (word) => {
    expect(isHonorific(word)).toBe(true);
  });

  it.each([['president'], ['drew'], ['missy'], ['lo'], ['Mr'], ['mr.']])('%s is not (lower case, without the period)', (word) => {
    expect(isHonorific(word)).toBe(false);
  });
});

describe('honorificGender', () => {
  it.each<[string, string | null]>([
    ['mr', 'male'],
    ['sir', 'male'],
    ['lord', 'male'],
    ['ms', 'female'],
    ['dame', 'female'],
    ['lady', 'female'],
    ['dr', null],
    ['prof', null],
    ['president', null],
  ])('%s -> %s', (word, gender) => {
    expect(honorificGender(word)).toBe(gender);
  });
});

describe('withoutHonorifics', () => {
  it.each([
    ['Lord David Cameron', 'David Cameron'],
    ['Mr. Li', 'Li'],
    ['Dr Jane Goodall', 'Jane Goodall'],
    ['Sir Dr. Who', 'Who'],
    ['Drew Barrymore', 'Drew Barrymore'],
    ['Missy Elliott', 'Missy Elliott'],
    ['Lordes', 'Lordes'],
  ])('%s -> %s', (name, bare) => {
    expect(withoutHonorifics(name)).toBe(bare);
  });
});
