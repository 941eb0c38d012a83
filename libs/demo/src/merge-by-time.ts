/** An item of one source's time-ordered list, with where it came from. */
export interface Scheduled<T> {
  source: number;
  index: number;
  item: T;
}

/** When each source's list starts (NaN for an empty one) and how long it is, by source number. */
export interface SourceStarts {
  firstAt: Float64Array;
  lengths: Uint32Array;
}

interface Cursor<T> {
  source: number;
  items: T[];
  index: number;
}

/** The starts of sources `from` to `to - 1` (indexed from 0), each list made once and dropped. */
export function scanSources<T extends { at: number }>(from: number, to: number, listOf: (source: number) => T[]): SourceStarts {
  const firstAt = new Float64Array(to - from);
  const lengths = new Uint32Array(to - from);
  for (let source = from; source < to; source++) {
    const items = listOf(source);
    firstAt[source - from] = items[0]?.at ?? NaN;
    lengths[source - from] = items.length;
  }
  return { firstAt, lengths };
}

/**
 * Merges many time-ordered lists into one, ordered by (at, source, index) so that equal
 * instants keep a stable order. Only the lists of sources that have started and not yet
 * finished are held in memory: the starts are known beforehand (`scanSources`), and a list is
 * asked for (it must be the same list the scan saw) when its turn comes, in `order`.
 */
export class MergeByTime<T extends { at: number }> implements AsyncIterable<Scheduled<T>> {
  readonly total: number;
  /** The sources with items, in the order their lists are asked for. */
  readonly order: Uint32Array;
  private readonly firstAt: Float64Array;
  private readonly lengths: Uint32Array;

  constructor(
    starts: SourceStarts,
    private readonly listOf: (source: number) => T[] | Promise<T[]>,
  ) {
    this.firstAt = starts.firstAt;
    this.lengths = starts.lengths;
    this.total = starts.lengths.reduce((sum, n) => sum + n, 0);
    const starting: number[] = [];
    starts.lengths.forEach((length, source) => length > 0 && starting.push(source));
    this.order = Uint32Array.from(starting).sort((a, b) => this.firstAt[a]! - this.firstAt[b]! || a - b);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Scheduled<T>> {
    const heap: Cursor<T>[] = [];
    let next = 0;
    for (;;) {
      // Start every source whose first item comes before the earliest item under way.
      while (next < this.order.length && (heap.length === 0 || this.startsBefore(this.order[next]!, heap[0]!))) {
        const source = this.order[next++]!;
        push(heap, { source, items: await this.sameList(source), index: 0 });
      }
      if (heap.length === 0) return;
      const cursor = heap[0]!;
      yield { source: cursor.source, index: cursor.index, item: cursor.items[cursor.index]! };
      cursor.index++;
      if (cursor.index < cursor.items.length) siftDown(heap, 0);
      else removeTop(heap);
    }
  }

  /**
   * The source's list, which must start as the scan saw (a changed start would break the order)
   * and be no longer (it may end early: a list of decided commands ends at a refused one).
   */
  private async sameList(source: number): Promise<T[]> {
    const items = await this.listOf(source);
    if (items.length === 0 || items.length > this.lengths[source]! || items[0]!.at !== this.firstAt[source]) {
      throw new Error(`Source ${source} made another list than when its start was scanned`);
    }
    return items;
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
