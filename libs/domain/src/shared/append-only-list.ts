/**
 * An immutable list with O(1) append and fast lookup by key, for states folded from long streams.
 *
 * Copying an array on every event makes a fold quadratic (a 3,000-event participant took 1.2 s per
 * command). Here every version of the list shares one backing array and one index, and sees only
 * its first `length` items: appending to the newest version pushes in place; appending to an older
 * version (a branch) copies its prefix first, so no version ever sees another's items. From the
 * outside it behaves as a value: `append` never changes the list it is called on.
 */
export class AppendOnlyList<T> implements Iterable<T> {
  readonly #items: T[];
  /** Key -> indexes in #items, ascending; an index at or beyond `length` belongs to a later version. */
  readonly #index: Map<string, number[]>;
  readonly #keyOf: (item: T) => string;

  private constructor(items: T[], index: Map<string, number[]>, keyOf: (item: T) => string, readonly length: number) {
    this.#items = items;
    this.#index = index;
    this.#keyOf = keyOf;
  }

  /** An empty list whose items are found by `keyOf(item)`. */
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
      index = new Map();
      for (const [key, at] of this.#index) {
        const ours = at.filter((i) => i < this.length);
        if (ours.length > 0) index.set(key, ours);
      }
    }
    items.push(item);
    const key = this.#keyOf(item);
    const at = index.get(key);
    if (at) at.push(this.length);
    else index.set(key, [this.length]);
    return new AppendOnlyList(items, index, this.#keyOf, this.length + 1);
  }

  /** The latest item with this key in this version, if any. */
  get(key: string): T | undefined {
    const at = this.#index.get(key);
    if (!at) return undefined;
    for (let i = at.length - 1; i >= 0; i--) if (at[i]! < this.length) return this.#items[at[i]!];
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every item with this key in this version, in order. */
  allWith(key: string): T[] {
    return (this.#index.get(key) ?? []).filter((i) => i < this.length).map((i) => this.#items[i]!);
  }

  /** The last item that passes `test`, looking from the end. */
  findLast(test: (item: T) => boolean): T | undefined {
    for (let i = this.length - 1; i >= 0; i--) if (test(this.#items[i]!)) return this.#items[i];
    return undefined;
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
