/**
 * Yields `read(item)` for each item, in the items' order, with the reads of up to `ahead` items under way at once:
 * the item whose turn it is and those after it. The reads overlap the consumer's work on earlier values while memory
 * stays bounded by the window. A read that fails fails the iteration at its item's turn, after every earlier value.
 * Stopping the iteration early starts no further read (those under way finish, unheard).
 */
export async function* readAhead<Item, Value>(items: readonly Item[], read: (item: Item) => Promise<Value>, ahead: number): AsyncGenerator<Value> {
  if (!Number.isInteger(ahead) || ahead < 1) throw new RangeError(`readAhead needs at least 1 item ahead, not ${ahead}`);
  const window: Promise<Value>[] = [];
  let next = 0;
  for (let turn = 0; turn < items.length; turn++) {
    for (; next < items.length && window.length < ahead; next++) {
      const item = items[next] as Item;
      // An async wrapper, so a read that throws before its first await fails at its turn like one that rejects.
      const reading = (async () => read(item))();
      // Awaited at its turn below; marked handled now, so its failure is not an unhandled rejection while an earlier item is awaited.
      reading.catch(() => {});
      window.push(reading);
    }
    yield await (window.shift() as Promise<Value>);
  }
}
