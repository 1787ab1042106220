import type { Span } from '../document.ts';

/** Items grouped by the passage they were found in, in one pass. */
export function groupByPassage<Item extends { passageIndex: number }>(items: readonly Item[], passages: number): Item[][] {
  const groups: Item[][] = Array.from({ length: passages }, () => []);
  for (const item of items) groups[item.passageIndex]?.push(item);
  return groups;
}

/**
 * Spans sorted by start once, so that the ones inside a range are found in
 * O(log n + k) rather than by a scan of every span for every range (which is
 * quadratic on a long document with many claims).
 */
export class SpanIndex {
  /** Indices of the spans, by start (then by index). */
  private readonly order: number[];

  constructor(private readonly spans: readonly Span[]) {
    this.order = spans.map((_, index) => index).sort((a, b) => (spans[a] as Span).start - (spans[b] as Span).start || a - b);
  }

  /** Indices, ascending, of the spans that lie within `outer` (start and end inclusive of its bounds). */
  within(outer: Span): number[] {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.spans[this.order[middle] as number] as Span).start < outer.start) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let position = low; position < this.order.length; position++) {
      const index = this.order[position] as number;
      const span = this.spans[index] as Span;
      if (span.start > outer.end) break;
      if (span.end <= outer.end) found.push(index);
    }
    return found.sort((a, b) => a - b);
  }
}
