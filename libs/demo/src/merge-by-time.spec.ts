import { MergeByTime, scanSources } from './merge-by-time';

describe('MergeByTime', () => {
  const lists = [
    [{ at: 5 }, { at: 9 }],
    [{ at: 1 }, { at: 5 }, { at: 5 }],
    [],
    [{ at: 5 }, { at: 20 }],
  ];
  const listOf = (s: number) => lists[s]!;
  const all = async <T>(merge: AsyncIterable<T>) => {
    const items: T[] = [];
    for await (const item of merge) items.push(item);
    return items;
  };

  it('merges by instant, ties by source then index, skipping empty sources', async () => {
    const merge = new MergeByTime(scanSources(0, lists.length, listOf), listOf);
    const merged = (await all(merge)).map(({ source, index, item }) => [item.at, source, index]);
    expect(merged).toEqual([
      [1, 1, 0],
      [5, 0, 0],
      [5, 1, 1],
      [5, 1, 2],
      [5, 3, 0],
      [9, 0, 1],
      [20, 3, 1],
    ]);
    expect(merge.total).toBe(7);
    expect([...merge.order]).toEqual([1, 0, 3]);
  });

  it('scans a slice of the sources, numbered from its start', () => {
    const { firstAt, lengths } = scanSources(1, 4, listOf);
    expect([...firstAt]).toEqual([1, NaN, 5]);
    expect([...lengths]).toEqual([3, 0, 2]);
  });

  it('asks for each list in `order`, when its turn comes, and holds only the lists of sources under way', async () => {
    // Source s runs from 10s to 10s + 5: at most one is under way at a time.
    const sources = 100;
    const listOf = (s: number) => [{ at: 10 * s }, { at: 10 * s + 5 }];
    const made: number[] = [];
    const merge = new MergeByTime(scanSources(0, sources, listOf), async (s) => (made.push(s), listOf(s)));
    let finished = 0;
    let maxUnderWay = 0;
    for await (const { index } of merge) {
      maxUnderWay = Math.max(maxUnderWay, made.length - finished);
      if (index === 1) finished++;
    }
    expect(made).toEqual([...merge.order]);
    expect(maxUnderWay).toBe(1);
  });

  it('refuses a list that starts elsewhere or is longer than the scan saw, and takes one cut short', async () => {
    const starts = scanSources(0, lists.length, listOf);
    await expect(all(new MergeByTime(starts, (s) => (s === 0 ? [{ at: 4 }, { at: 9 }] : listOf(s))))).rejects.toThrow(
      'Source 0 made another list than when its start was scanned',
    );
    await expect(all(new MergeByTime(starts, (s) => (s === 3 ? [...listOf(s), { at: 21 }] : listOf(s))))).rejects.toThrow(
      'Source 3 made another list than when its start was scanned',
    );
    const cut = await all(new MergeByTime(starts, (s) => (s === 1 ? listOf(s).slice(0, 1) : listOf(s))));
    expect(cut.map(({ source }) => source)).toEqual([1, 0, 3, 0, 3]);
  });
});
