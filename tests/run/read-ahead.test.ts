import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/run/read-ahead.ts';

/** Reads whose outcome the test decides, item by item, recording which items were started and the most under way at once. */
function manualReads<Item>() {
  const started: Item[] = [];
  const pending = new Map<Item, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  let underWay = 0;
  const record = { started, mostUnderWay: 0 };
  const read = (item: Item): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      started.push(item);
      record.mostUnderWay = Math.max(record.mostUnderWay, ++underWay);
      pending.set(item, { resolve, reject });
    }).finally(() => underWay--);
  const resolve = (item: Item, value: string): void => pending.get(item)?.resolve(value);
  return { read, resolve, record };
}

/** Every value of an iteration, and the message of the error that ended it (null when none did). */
async function collect<Value>(values: AsyncIterable<Value>): Promise<{ values: Value[]; error: string | null }> {
  const seen: Value[] = [];
  try {
    for await (const value of values) seen.push(value);
    return { values: seen, error: null };
  } catch (error) {
    return { values: seen, error: (error as Error).message };
  }
}

describe('readAhead', () => {
  it('yields the values in the order of the items, whatever order the reads end in', async () => {
    const delays = new Map([
      ['a', 40],
      ['b', 30],
      ['c', 20],
      ['d', 10],
      ['e', 0],
    ]);
    const read = async (item: string): Promise<string> => sleep(delays.get(item), item.toUpperCase());
    expect(await collect(readAhead(['a', 'b', 'c', 'd', 'e'], read, 3))).toEqual({ values: ['A', 'B', 'C', 'D', 'E'], error: null });
  });

  it('has at most `ahead` reads under way, and starts the next only when the next value is asked for', async () => {
    const { read, resolve, record } = manualReads<number>();
    const values = readAhead([1, 2, 3, 4], read, 2);
    const first = values.next();
    expect(record.started).toEqual([1, 2]);
    resolve(2, 'two');
    resolve(1, 'one');
    expect(await first).toEqual({ value: 'one', done: false });
    expect(record.started).toEqual([1, 2]);
    // The read of item 2 is done: asking for its value starts item 3's read and gives item 2's value at once.
    expect(await values.next()).toEqual({ value: 'two', done: false });
    expect(record.started).toEqual([1, 2, 3]);
    const third = values.next();
    expect(record.started).toEqual([1, 2, 3, 4]);
    resolve(4, 'four');
    resolve(3, 'three');
    expect(await third).toEqual({ value: 'three', done: false });
    expect(await values.next()).toEqual({ value: 'four', done: false });
    expect(await values.next()).toEqual({ value: undefined, done: true });
    expect(record.mostUnderWay).toBe(2);
  });

  it('fails at the turn of the item whose read failed, after every earlier value, while later reads are under way', async () => {
    const read = async (item: number): Promise<string> => {
      if (item === 3) throw new Error('item 3 cannot be read');
      await sleep(10);
      return `value ${item}`;
    };
    expect(await collect(readAhead([1, 2, 3, 4, 5], read, 5))).toEqual({ values: ['value 1', 'value 2'], error: 'item 3 cannot be read' });
  });

  it('fails at the right turn for a read that throws before returning a promise', async () => {
    const read = (item: number): Promise<string> => {
      if (item === 2) throw new Error('item 2 threw');
      return sleep(10, `value ${item}`);
    };
    expect(await collect(readAhead([1, 2, 3], read, 3))).toEqual({ values: ['value 1'], error: 'item 2 threw' });
  });

  it('gives a missing value (null) at its own item', async () => {
    const read = async (item: string): Promise<string | null> => (item === 'gone' ? null : sleep(5, item));
    expect(await collect(readAhead(['first', 'gone', 'last'], read, 2))).toEqual({ values: ['first', null, 'last'], error: null });
  });

  it('starts no further read when the consumer stops early', async () => {
    const started: number[] = [];
    const read = async (item: number): Promise<number> => {
      started.push(item);
      return item * 10;
    };
    const seen: number[] = [];
    for await (const value of readAhead([1, 2, 3, 4, 5, 6], read, 2)) {
      seen.push(value);
      if (seen.length === 2) break;
    }
    expect([seen, started]).toEqual([
      [10, 20],
      [1, 2, 3],
    ]);
  });

  it('reads nothing for no items, and refuses fewer than 1 item ahead', async () => {
    const { read, record } = manualReads<number>();
    expect(await collect(readAhead([], read, 4))).toEqual({ values: [], error: null });
    expect(await collect(readAhead([1], read, 0))).toEqual({ values: [], error: 'readAhead needs at least 1 item ahead, not 0' });
    expect(record.started).toEqual([]);
  });
});
