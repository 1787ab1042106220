import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { loadGazetteer, parseCsvLine, readLexicon } from '../../src/entities/gazetteer.ts';
import { phraseKeys } from '../../src/text/names.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'quarry-lexicon-'));
function file(name: string, content: string): string {
  const target = path.join(folder, name);
  writeFileSync(target, content);
  return target;
}

describe('parseCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['"Bosnia, Herzegovina",place,', ['Bosnia, Herzegovina', 'place', '']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
  ])('%s', (line, expected) => {
    expect(parseCsvLine(line)).toEqual(expected);
  });
});

describe('readLexicon', () => {
  it.each([
    [
      'csv',
      file('user.csv', 'name,type,aliases\nAcme Widget Works,organization,AWW;Acme\nDr Foo,person,\n'),
      [
        { name: 'Acme Widget Works', type: 'organization', aliases: ['AWW', 'Acme'] },
        { name: 'Dr Foo', type: 'person', aliases: [] },
      ],
    ],
    [
      'json',
      file('user.json', JSON.stringify([{ name: 'Gotham', type: 'place', aliases: ['Gotham City'] }])),
      [{ name: 'Gotham', type: 'place', aliases: ['Gotham City'] }],
    ],
  ])('reads a %s lexicon', (_format, target, expected) => {
    expect(readLexicon(target)).toEqual(expected);
  });

  it.each([
    ['a bad type', file('bad-type.csv', 'name,type,aliases\nAcme,company,\n'), /entry 1: type/],
    ['no header', file('no-header.csv', 'Acme,organization,\n'), /header row/],
    ['not an array', file('object.json', '{"name": "Acme"}'), /JSON array/],
    ['a missing file', path.join(folder, 'missing.csv'), /cannot read lexicon/],
  ])('fails fast on %s', (_case, target, message) => {
    expect(() => readLexicon(target)).toThrow(ConfigError);
    expect(() => readLexicon(target)).toThrow(message);
  });
});

describe('loadGazetteer', () => {
  const shipped = loadGazetteer();
  it.each([
    ['Chinese Communist Party', 'organization', 'Chinese Communist Party'],
    ['CCP', 'organization', 'Chinese Communist Party'],
    ['Communist Party', 'organization', 'Chinese Communist Party'],
    ['Yunnan Province', 'place', 'Yunnan'],
    ['U.S.', 'place', 'United States'],
    ['Epoch Times', 'organization', 'The Epoch Times'],
    ['Jiaozuo', 'place', 'Jiaozuo'],
    ['Knicks', 'organization', 'New York Knicks'],
    ['BCCI', 'organization', 'Board of Control for Cricket in India'],
    ['Etihad Stadium', 'place', 'Etihad Stadium'],
  ])('knows %s as %s %s', (name, type, canonical) => {
    const keys = phraseKeys(name);
    expect(shipped.phrases.longestMatch(keys, 0)).toMatchObject({ length: keys.length, value: { type, canonical } });
  });

  it.each([
    // The tagger keeps some hyphenated words whole: the unsplit form is a name too.
    [['t-mobile'], 'T-Mobile'],
    [['t', 'mobile'], 'T-Mobile'],
    [['coca-cola'], 'Coca-Cola'],
  ])('matches %j, split or whole, as %s', (keys, canonical) => {
    expect(shipped.phrases.longestMatch(keys, 0)).toMatchObject({ length: keys.length, value: { canonical } });
  });

  it('is loaded once per list of lexicons', () => {
    expect(loadGazetteer()).toBe(shipped);
  });

  it('puts user entries first, so they can retype a shipped name', () => {
    const user = loadGazetteer([file('retype.csv', 'name,type,aliases\nJordan,person,\nAcme Widget Works,organization,AWW\n')]);
    expect(user.phrases.longestMatch(['jordan'], 0)?.value.type).toBe('person');
    expect(user.canonicalByName.get('aww')?.canonical).toBe('Acme Widget Works');
  });
});
