import { parse as parseYaml } from 'yaml';
import type { Finding } from '../diagnostics.ts';
import { isCalendarDay } from '../schemas/calendar-day.ts';
import { MessageCode } from '../schemas/index.ts';
import { dayValue } from '../text/calendar.ts';

/** Normalises a `published` value (string or YAML date) to YYYY-MM-DD, or null when it is not a date. */
export function normalizePublished(value: unknown): string | null {
  // YAML dates are UTC midnight; the calendar day is the UTC one.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (match) return isoDayIfValid(Number(match[1]), Number(match[2]), Number(match[3]));
  // Other spellings ("January 7, 2016") parse as local midnight: take the local calendar day, whatever the time zone.
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : isoDayIfValid(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate());
}

/** YYYY-MM-DD when the day exists in the calendar, else null. */
function isoDayIfValid(year: number, month: number, day: number): string | null {
  return isCalendarDay(year, month, day) ? dayValue(year, month, day).value : null;
}

/** Front matter fields a document may carry. */
export interface Metadata {
  title: string | null;
  /** The document's own `source` field: where it says it comes from (a URL, a publication). */
  origin: string | null;
  published: string | null;
  /** Problems with the fields; the caller knows the file or record they are about. */
  warnings: Finding[];
}

export function readMetadata(fields: Record<string, unknown>): Metadata {
  const warnings: Finding[] = [];
  const title = typeof fields.title === 'string' && fields.title.trim() !== '' ? fields.title.trim() : null;
  const origin = typeof fields.source === 'string' && fields.source.trim() !== '' ? fields.source : null;
  let published: string | null = null;
  if (fields.published !== undefined && fields.published !== null) {
    published = normalizePublished(fields.published);
    if (published === null)
      warnings.push({
        code: MessageCode.LOAD_BAD_PUBLISHED,
        reason: `published "${String(fields.published)}" is not a date; ignored (write it as YYYY-MM-DD)`,
      });
  }
  return { title, origin, published, warnings };
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits YAML front matter off a Markdown text. The document text is what follows it. */
export function splitFrontMatter(text: string): { text: string } & Metadata {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { text, title: null, origin: null, published: null, warnings: [] };
  let fields: unknown;
  try {
    fields = parseYaml(match[1] ?? '');
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return {
      text,
      title: null,
      origin: null,
      published: null,
      warnings: [
        {
          code: MessageCode.LOAD_BAD_FRONT_MATTER,
          reason: `front matter is not YAML (${reason}); kept as text (fix the YAML between the --- lines to read title and published)`,
        },
      ],
    };
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    // Two "---" lines around prose are a thematic break, not metadata: keep everything.
    return {
      text,
      title: null,
      origin: null,
      published: null,
      warnings: [{ code: MessageCode.LOAD_BAD_FRONT_MATTER, reason: 'front matter is not a YAML mapping (key: value lines); kept as text' }],
    };
  }
  return { text: text.slice(match[0].length), ...readMetadata(fields as Record<string, unknown>) };
}
