import { MergeByTime } from './merge-by-time';

describe('MergeByTime', () => {
  const lists = [
    [{ at: 5 }, { at: 9 }],
    [{ at: 1 }, { at: 5 }, { at: 5 }],
    [],
    [{ at: 5 }, { at: 20 }],
  ];

  it('merges by instant, ties by source then index, skipping empty sources', () => {
    const merged = [...new MergeByTime(lists.length, (s) => lists[s]!)].map(({ source, index, item }) => [item.at, source, index]);
    expect(merged).toEqual([
      [1, 1, 0],
      [5, 0, 0],
      [5, 1, 1],
      [5, 1, 2],
      [5, 3, 0],
      [9, 0, 1],
      [20, 3, 1],
    ]);
    expect(new MergeByTime(lists.length, (s) => lists[s]!).total).toBe(7);
  });

  it('holds only the lists of sources under way', () => {
    // Source s runs from 10s to 10s + 5: at most one is under way at a time.
    const sources = 100;
    const made: number[] = [];
    const merge = new MergeByTime(sources, (s) => (made.push(s), [{ at: 10 * s }, { at: 10 * s + 5 }]));
    made.length = 0;
    let finished = 0;
    let maxUnderWay = 0;
    for (const { index } of merge) {
      maxUnderWay = Math.max(maxUnderWay, made.length - finished);
      if (index === 1) finished++;
    }
    expect(made).toHaveLength(sources);
    expect(maxUnderWay).toBe(1);
  });
});
