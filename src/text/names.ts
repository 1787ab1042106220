/** Normalised comparison key of a name: lower case, letters and digits only, single spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A readable, stable id fragment: "Chinese Communist Party" -> "chinese-communist-party". */
export function slugify(name: string): string {
  const slug = nameKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (slug !== '') return slug;
  // Names in scripts without Latin letters keep a stable id through their code points.
  return [...nameKey(name)].filter((character) => character !== ' ').map((character) => character.codePointAt(0)?.toString(16)).join('-') || 'unnamed';
}

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
