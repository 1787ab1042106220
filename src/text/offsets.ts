/**
 * Offsets inside the pipeline are JavaScript string (UTF-16) indices, the
 * unit every library we call speaks; the contract publishes Unicode code
 * point offsets. An OffsetIndex converts one document's UTF-16 offsets to
 * code points in O(log n) per lookup, and in O(1) when the text has no
 * astral characters (the common case).
 */
export class OffsetIndex {
  /** UTF-16 indices of the low surrogates of astral characters, ascending. */
  private readonly lowSurrogates: number[] = [];

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.lowSurrogates.push(++index);
      }
    }
  }

  /** Length of the text in code points. */
  get codePointLength(): number {
    return this.text.length - this.lowSurrogates.length;
  }

  /** Converts a UTF-16 index to a code point index. */
  toCodePoint(utf16Index: number): number {
    const surrogates = this.lowSurrogates;
    if (surrogates.length === 0) return utf16Index;
    // Count low surrogates strictly before utf16Index.
    let low = 0;
    let high = surrogates.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((surrogates[middle] as number) < utf16Index) low = middle + 1;
      else high = middle;
    }
    return utf16Index - low;
  }
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    length++;
  }
  return length;
}
