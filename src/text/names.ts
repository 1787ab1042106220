import { wordCache } from './word-cache.ts';

/** Lower case without diacritics ("São" -> "sao"): the common ground of the comparison keys below. */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Normalised comparison key of a name: lower case, letters and digits only, single spaces. */
export function nameKey(name: string): string {
  return folded(name)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A readable, stable id fragment: "Chinese Communist Party" -> "chinese-communist-party". */
export function slugify(name: string): string {
  const parts: string[] = [];
  for (const word of nameKey(name).split(' ')) {
    let ascii = '';
    for (const character of word) {
      const letter = LATIN_LETTERS[character] ?? character;
      if (/^[a-z0-9]+$/.test(letter)) ascii += letter;
      else {
        // Letters without an ASCII form keep a stable id through their code points, so no two names share a slug by losing them.
        if (ascii !== '') parts.push(ascii);
        ascii = '';
        parts.push((character.codePointAt(0) as number).toString(16));
      }
    }
    if (ascii !== '') parts.push(ascii);
  }
  return parts.join('-') || 'unnamed';
}

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LATIN_LETTERS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'ng',
});

/** Orders names from fullest to shortest: more words, then more characters, then alphabetically. */
export function compareFullness(a: string, b: string): number {
  const words = (name: string): number => name.split(/\s+/).length;
  return words(b) - words(a) || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The initials of a multi-word name, skipping function words: "Chinese Communist Party" -> "CCP". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

/**
 * Comparison key of one token, as gazetteers and the tagger's tokens are
 * matched: lower case, no diacritics, no periods ("U.S." -> "us"), no
 * possessive ("CCP's" -> "ccp").
 */
export function tokenKey(token: string): string {
  let key = tokenKeys.get(token);
  if (key === undefined) {
    key = folded(token)
      .replace(/['’]s?$/u, '')
      .replace(/[.’']/gu, '');
    // Words repeat: the rules and the model's features ask for the same keys, and Unicode normalisation costs more than a lookup.
    tokenKeys.set(token, key);
  }
  return key;
}

/** Keys of the words seen last (see wordCache). */
const tokenKeys = wordCache<string>();

/** The token keys of a name, split as the tagger splits text: at spaces and hyphens ("Coca-Cola" -> coca, cola). */
export function phraseKeys(name: string): string[] {
  return name
    .split(/[\s\-–]+/u)
    .map(tokenKey)
    .filter((key) => key !== '');
}

const PINYIN_SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)/;

/**
 * Whether a word reads as a Chinese given name in pinyin: one to three
 * syllables ("Dayong", "Dongsheng", "Xiaoping"). Tried longest syllable
 * first with backtracking, so "Xian" splits as "xian" or "xi an".
 */
export function isPinyinName(word: string): boolean {
  const letters = word.toLowerCase().replace(/[-']/g, '');
  if (!/^[a-zü]{2,12}$/.test(letters)) return false;
  const split = (rest: string, syllables: number): boolean => {
    if (rest === '') return syllables > 0;
    if (syllables === 3) return false;
    for (let length = Math.min(6, rest.length); length >= 1; length--) {
      const head = rest.slice(0, length);
      const match = PINYIN_SYLLABLE.exec(head.replace(/ü/g, 'v'));
      if (match && match[0].length === length && split(rest.slice(length), syllables + 1)) return true;
    }
    return false;
  };
  return split(letters, 0);
}
