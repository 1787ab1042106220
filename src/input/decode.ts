import { createHash } from 'node:crypto';
import type { Finding } from '../diagnostics.ts';
import { MessageCode } from '../schemas/index.ts';

/** SHA-256 of bytes or text, as hex. */
export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Windows-1252 differs from Latin-1 in 0x80-0x9F (curly quotes, dashes, the
 * euro sign). Node's TextDecoder without full ICU decodes 'windows-1252' as
 * Latin-1, so those 32 code points are mapped here.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes bytes as Windows-1252. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}

/** Result of decoding raw bytes to text. */
export interface Decoded {
  text: string;
  /** Set when the bytes were not UTF-8; the caller knows the file it is about. */
  warning: Finding | null;
}

/**
 * Decodes file bytes: UTF-8 (byte-order mark dropped), UTF-16 with a
 * byte-order mark, and, for bytes that are not valid UTF-8, Windows-1252 with
 * a warning. Returns null for binary data: a sample with more than 1% NUL
 * bytes or 10% other control bytes. A text with a stray NUL stays text.
 */
export function decodeBytes(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warning: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warning: null };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (looksBinary(body.subarray(0, 8192))) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), warning: null };
  } catch {
    return {
      text: decodeWindows1252(body),
      warning: {
        code: MessageCode.LOAD_DECODE_FALLBACK,
        reason: 'not valid UTF-8; decoded as Windows-1252 (check accented letters and quotes; save the file as UTF-8 to silence this)',
      },
    };
  }
}

/** Whether a sample of bytes is binary rather than text in some encoding. */
export function looksBinary(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let nul = 0;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) nul++;
    // Tab, LF, VT, FF, CR and ESC appear in real text files; other C0 controls do not.
    else if (byte < 0x20 && !(byte >= 0x09 && byte <= 0x0d) && byte !== 0x1b) control++;
  }
  return nul / sample.length > 0.01 || control / sample.length > 0.1;
}
