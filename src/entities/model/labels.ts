import type { EntityType } from '../../schemas/index.ts';

/**
 * What the model tags a span as: the three entity types of the contract, and
 * `misc` (nationalities, events, works, as in CoNLL-2003), which the model
 * learns so that those words are not taken for names, and which never
 * becomes a mention.
 */
export type SpanType = EntityType | 'misc';

export const SPAN_TYPES: readonly SpanType[] = ['person', 'place', 'organization', 'misc'];

/** BILOU position of a token in a span: Begin, Inside, Last, Unit (a one-token span). */
export type Position = 'B' | 'I' | 'L' | 'U';

/** The position of the token at `index` in a span of `length` tokens. */
export function positionIn(index: number, length: number): Position {
  return length === 1 ? 'U' : index === 0 ? 'B' : index === length - 1 ? 'L' : 'I';
}
const POSITIONS: readonly Position[] = ['B', 'I', 'L', 'U'];

/** One label: outside any span, or a position in a span of a type. */
export type Label = { position: 'O' } | { position: Position; type: SpanType };

/** The label set, in a fixed order: index 0 is O. */
export const LABELS: readonly Label[] = [{ position: 'O' }, ...SPAN_TYPES.flatMap((type) => POSITIONS.map((position): Label => ({ position, type })))];

export const OUTSIDE = 0;

/** The index of a label. */
export function labelIndex(position: Position, type: SpanType): number {
  return 1 + SPAN_TYPES.indexOf(type) * POSITIONS.length + POSITIONS.indexOf(position);
}

/** A label's name as written in model files and messages: "O", "B-person". */
export function labelName(label: Label): string {
  return label.position === 'O' ? 'O' : `${label.position}-${label.type}`;
}

/**
 * Whether label `next` may follow label `previous` in BILOU (`previous`
 * null: the sentence start; `next` null: the sentence end). A span opens
 * with B or U and closes with L or U, and I and L continue a span of their
 * own type.
 */
export function allowedTransition(previous: number | null, next: number | null): boolean {
  const before = previous === null ? null : (LABELS[previous] as Label);
  const after = next === null ? null : (LABELS[next] as Label);
  const open = before !== null && (before.position === 'B' || before.position === 'I');
  if (after === null) return !open;
  if (after.position === 'I' || after.position === 'L')
    return before !== null && (before.position === 'B' || before.position === 'I') && after.type === before.type;
  return !open;
}

/** Labels for a sentence of `length` tokens with spans given as token ranges [first, last] (inclusive). */
export function encodeSpans(length: number, spans: readonly { first: number; last: number; type: SpanType }[]): number[] {
  const labels = new Array<number>(length).fill(OUTSIDE);
  for (const { first, last, type } of spans) {
    for (let index = first; index <= last; index++) labels[index] = labelIndex(positionIn(index - first, last - first + 1), type);
  }
  return labels;
}

/** The spans a valid label sequence marks, as token ranges. */
export function decodeSpans(labels: readonly number[]): { first: number; last: number; type: SpanType }[] {
  const spans: { first: number; last: number; type: SpanType }[] = [];
  let first = -1;
  labels.forEach((index, at) => {
    const label = LABELS[index] as Label;
    if (label.position === 'O') return;
    if (label.position === 'B') first = at;
    else if (label.position === 'U') spans.push({ first: at, last: at, type: label.type });
    else if (label.position === 'L' && first >= 0) {
      spans.push({ first, last: at, type: label.type });
      first = -1;
    }
  });
  return spans;
}
