/**
 * A trie over token keys: inserting phrases costs their length, and finding
 * the longest phrase that starts at a position walks at most as many tokens
 * as the longest phrase, so scanning a text is linear in its length whatever
 * the number of phrases.
 */
export class TokenTrie<Value> {
  private readonly root: TrieNode<Value> = { children: new Map(), value: undefined };
  private longest = 0;

  /** Adds a phrase (its token keys) with a value; a phrase added twice keeps its first value. */
  insert(keys: readonly string[], value: Value): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      let child = node.children.get(key);
      if (child === undefined) {
        child = { children: new Map(), value: undefined };
        node.children.set(key, child);
      }
      node = child;
    }
    if (node.value === undefined) node.value = value;
    this.longest = Math.max(this.longest, keys.length);
  }

  /** Number of tokens in the longest phrase. */
  get maxLength(): number {
    return this.longest;
  }

  /**
   * The longest phrase starting at `start` of `keys` whose tokens all pass
   * `accept` (called with the index of each token walked), or null.
   */
  longestMatch(keys: readonly string[], start: number, accept: (index: number) => boolean = () => true): { length: number; value: Value } | null {
    let node = this.root;
    let found: { length: number; value: Value } | null = null;
    for (let index = start; index < keys.length; index++) {
      const child = node.children.get(keys[index] as string);
      if (child === undefined || !accept(index)) break;
      node = child;
      if (node.value !== undefined) found = { length: index - start + 1, value: node.value };
    }
    return found;
  }
}

interface TrieNode<Value> {
  children: Map<string, TrieNode<Value>>;
  value: Value | undefined;
}
