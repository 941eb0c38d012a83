/** An item of one source's time-ordered list, with where it came from. */
export interface Scheduled<T> {
  source: number;
  index: number;
  item: T;
}

interface Cursor<T> {
  source: number;
  items: T[];
  index: number;
}

/**
 * Merges many time-ordered lists into one, ordered by (at, source, index) so that equal
 * instants keep a stable order. Only the lists of sources that have started and not yet
 * finished are held in memory: each list is made once up front to learn when it starts and
 * how long it is, then dropped, and made again (it must be deterministic) when its turn comes.
 */
export class MergeByTime<T extends { at: number }> implements Iterable<Scheduled<T>> {
  readonly total: number;
  private readonly firstAt: Float64Array;
  private readonly order: Uint32Array;

  constructor(
    sources: number,
    private readonly listOf: (source: number) => T[],
  ) {
    this.firstAt = new Float64Array(sources);
    let total = 0;
    const starting: number[] = [];
    for (let source = 0; source < sources; source++) {
      const items = listOf(source);
      total += items.length;
      if (items.length === 0) continue;
      this.firstAt[source] = items[0]!.at;
      starting.push(source);
    }
    this.total = total;
    this.order = Uint32Array.from(starting).sort((a, b) => this.firstAt[a]! - this.firstAt[b]! || a - b);
  }

  *[Symbol.iterator](): Iterator<Scheduled<T>> {
    const heap: Cursor<T>[] = [];
    let next = 0;
    for (;;) {
      // Start every source whose first item comes before the earliest item under way.
      while (next < this.order.length && (heap.length === 0 || this.startsBefore(this.order[next]!, heap[0]!))) {
        const source = this.order[next++]!;
        push(heap, { source, items: this.listOf(source), index: 0 });
      }
      if (heap.length === 0) return;
      const cursor = heap[0]!;
      yield { source: cursor.source, index: cursor.index, item: cursor.items[cursor.index]! };
      cursor.index++;
      if (cursor.index < cursor.items.length) siftDown(heap, 0);
      else removeTop(heap);
    }
  }

  private startsBefore(source: number, cursor: Cursor<T>): boolean {
    const at = cursor.items[cursor.index]!.at;
    return this.firstAt[source]! < at || (this.firstAt[source] === at && source < cursor.source);
  }
}

function before<T extends { at: number }>(a: Cursor<T>, b: Cursor<T>): boolean {
  const atA = a.items[a.index]!.at;
  const atB = b.items[b.index]!.at;
  return atA < atB || (atA === atB && a.source < b.source);
}

function push<T extends { at: number }>(heap: Cursor<T>[], cursor: Cursor<T>): void {
  heap.push(cursor);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function removeTop<T extends { at: number }>(heap: Cursor<T>[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  siftDown(heap, 0);
}

function siftDown<T extends { at: number }>(heap: Cursor<T>[], from: number): void {
  let i = from;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}
