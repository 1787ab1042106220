import { describe, expect, it } from 'vitest';
import { groupByPassage, SpanIndex } from '../../src/text/spans.ts';

describe('SpanIndex.within', () => {
  const spans = [
    { start: 10, end: 15 },
    { start: 0, end: 4 },
    { start: 12, end: 30 },
    { start: 20, end: 20 },
    { start: 5, end: 9 },
    { start: 10, end: 15 },
  ];
  const index = new SpanIndex(spans);

  it.each([
    [{ start: 0, end: 30 }, [0, 1, 2, 3, 4, 5]],
    [{ start: 5, end: 15 }, [0, 4, 5]],
    [{ start: 10, end: 20 }, [0, 3, 5]],
    [{ start: 20, end: 20 }, [3]],
    [{ start: 31, end: 40 }, []],
    [{ start: 1, end: 3 }, []],
  ])('inside %j: %j, in array order', (outer, expected) => {
    expect(index.within(outer)).toEqual(expected);
  });

  it('agrees with a scan of every span on random spans', () => {
    const random = Array.from({ length: 300 }, (_, n) => {
      const start = (n * 7919) % 500;
      return { start, end: start + ((n * 104729) % 40) };
    });
    const randomIndex = new SpanIndex(random);
    for (let start = 0; start < 520; start += 13) {
      const outer = { start, end: start + 57 };
      const scan = random.flatMap((span, n) => (span.start >= outer.start && span.end <= outer.end ? [n] : []));
      expect(randomIndex.within(outer)).toEqual(scan);
    }
  });
});

describe('groupByPassage', () => {
  it('groups items by passage index, keeping their order, with an empty group for a passage without items', () => {
    const items = [
      { passageIndex: 2, name: 'a' },
      { passageIndex: 0, name: 'b' },
      { passageIndex: 2, name: 'c' },
    ];
    expect(groupByPassage(items, 4).map((group) => group.map((item) => item.name))).toEqual([['b'], [], ['a', 'c'], []]);
  });
});
