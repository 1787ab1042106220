import { describe, expect, it } from 'vitest';
import type { Phrase } from '../../src/claims/phrases.ts';
import { Discourse, genderOf, namesOrganization, namesPeople, type Referent } from '../../src/claims/speakers.ts';

const referent = (text: string, start: number, fields: Partial<Referent>): Referent => ({
  text,
  span: { start, end: start + text.length },
  head: text.split(' ').at(-1)?.toLowerCase() ?? '',
  plural: false,
  gender: null,
  kind: 'person',
  named: true,
  sentence: 0,
  subject: true,
  ...fields,
});

const phrase = (text: string, start: number, fields: Partial<Phrase>): Phrase => ({
  start,
  end: start + text.length,
  first: 0,
  last: 0,
  kind: 'name',
  text,
  head: text.split(' ').at(-1)?.toLowerCase() ?? '',
  plural: false,
  definite: false,
  honorific: null,
  ...fields,
});

describe('Discourse', () => {
  it('gives a short name as written, with its own span, though a fuller one was introduced before', () => {
    const discourse = new Discourse();
    discourse.add(referent('Li Dayong', 4, {}));
    expect(discourse.resolve(phrase('Li', 60, {}), 2)).toEqual({ text: 'Li', span: { start: 60, end: 62 } });
  });

  it('resolves "she" to the nearest person who is not male, preferring the subject of the latest sentence', () => {
    const discourse = new Discourse();
    discourse.add(referent('Anna Berg', 0, { gender: 'female', sentence: 0 }));
    discourse.add(referent('Tom Reed', 20, { gender: 'male', sentence: 1 }));
    discourse.add(referent('Maria Lopez', 40, { sentence: 1, subject: false }));
    discourse.add(referent('Julia Stone', 60, { sentence: 1 }));
    expect(discourse.resolve(phrase('she', 90, { kind: 'pronoun', head: 'she' }), 2)?.text).toBe('Julia Stone');
  });

  it('resolves "it" only to an organization, and "I" to no one', () => {
    const discourse = new Discourse();
    discourse.add(referent('the company', 0, { kind: 'organization', named: false }));
    discourse.add(referent('Tom Reed', 20, {}));
    expect(discourse.resolve(phrase('it', 40, { kind: 'pronoun', head: 'it' }), 1)?.text).toBe('the company');
    expect(discourse.resolve(phrase('I', 40, { kind: 'pronoun', head: 'i' }), 1)).toBeNull();
  });

  it('resolves a definite description to the indefinite one it repeats, not to a different one', () => {
    const discourse = new Discourse();
    discourse.add(referent('A police officer in Lyon', 0, { kind: 'description', head: 'officer', named: false }));
    expect(discourse.resolve(phrase('The officer', 40, { kind: 'description', head: 'officer', definite: true }), 1)?.text).toBe('A police officer in Lyon');
    expect(discourse.resolve(phrase('The junior officer', 40, { kind: 'description', head: 'officer', definite: true }), 1)?.text).toBe('The junior officer');
  });

  it('gives the last subject introduced from a sentence on, or null', () => {
    const discourse = new Discourse();
    discourse.add(referent('Tom Reed', 0, { sentence: 0 }));
    discourse.add(referent('Bernie Sanders', 30, { sentence: 3 }));
    discourse.add(referent('the crowd', 50, { sentence: 3, subject: false, kind: 'description' }));
    expect(discourse.lastSubjectFrom(3)?.text).toBe('Bernie Sanders');
    expect(discourse.lastSubjectFrom(4)).toBeNull();
  });
});

describe('what a speaker phrase names', () => {
  it('tells organizations and people by the head noun', () => {
    expect([
      namesOrganization('ministry'),
      namesOrganization('official'),
      namesPeople('official', false),
      namesPeople('ministry', false),
      namesPeople('ministry', true),
    ]).toEqual([true, false, true, false, true]);
  });

  it('takes gender from an honorific, a gendered noun, or the name', () => {
    expect(genderOf(phrase('Li', 0, { honorific: 'ms' }), null)).toBe('female');
    expect(genderOf(phrase('the spokesman', 0, { kind: 'description', head: 'spokesman' }), null)).toBe('male');
    expect(genderOf(phrase('Jordan Lee', 0, {}), 'male')).toBe('male');
    expect(genderOf(phrase('the official', 0, { kind: 'description', head: 'official' }), null)).toBeNull();
  });
});
