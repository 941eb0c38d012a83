/**
 * An immutable list with O(1) append and O(1) lookup by key, for states folded from long streams.
 *
 * Copying an array on every event makes a fold quadratic (a 3,000-event participant took 1.2 s per
 * command). Here every version of the list shares one backing array and one index, and sees only
 * its first `length` items: appending to the newest version pushes in place; appending to an older
 * version (a branch) copies its prefix first, so no version ever sees another's items. From the
 * outside it behaves as a value: `append` never changes the list it is called on.
 */
export class AppendOnlyList<T> implements Iterable<T> {
  readonly #items: T[];
  /** Key -> index in #items; an index at or beyond `length` belongs to a later version. */
  readonly #index: Map<string, number>;
  readonly #keyOf: (item: T) => string;

  private constructor(items: T[], index: Map<string, number>, keyOf: (item: T) => string, readonly length: number) {
    this.#items = items;
    this.#index = index;
    this.#keyOf = keyOf;
  }

  /** An empty list whose items are found by `keyOf(item)` (first one wins for a repeated key). */
  static empty<T>(keyOf: (item: T) => string): AppendOnlyList<T> {
    return new AppendOnlyList<T>([], new Map(), keyOf, 0);
  }

  /** A list with `item` after this list's items: amortised O(1). */
  append(item: T): AppendOnlyList<T> {
    let items = this.#items;
    let index = this.#index;
    if (items.length !== this.length) {
      // Someone appended to this version already: branch off with a copy of our prefix.
      items = items.slice(0, this.length);
      index = new Map([...index].filter(([, at]) => at < this.length));
    }
    items.push(item);
    const key = this.#keyOf(item);
    if (!index.has(key)) index.set(key, this.length);
    return new AppendOnlyList(items, index, this.#keyOf, this.length + 1);
  }

  /** The first item with this key, if this version holds one. */
  get(key: string): T | undefined {
    const at = this.#index.get(key);
    return at !== undefined && at < this.length ? this.#items[at] : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  filter(keep: (item: T) => boolean): T[] {
    return this.toArray().filter(keep);
  }

  toArray(): T[] {
    return this.#items.slice(0, this.length);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.#items[i]!;
  }
}
