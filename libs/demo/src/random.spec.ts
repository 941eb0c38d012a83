import { mixSeed, Random } from './random';

describe('Random', () => {
  it('gives the same numbers for the same seed, and others for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new Random(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps whole numbers within both ends', () => {
    const random = new Random(1);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws in proportion to the weights, never a value of weight 0', () => {
    const random = new Random(7);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[random.weighted([['a', 3], ['b', 1], ['c', 0]] as const)]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.7);
    expect(counts.a / counts.b).toBeLessThan(3.3);
  });

  it('mixes keys into distinct seeds, so neighbouring participants do not share a stream', () => {
    const seeds = new Set<number>();
    for (let project = 0; project < 4; project++) for (let n = 1; n <= 1000; n++) seeds.add(mixSeed(1, project, n));
    expect(seeds.size).toBe(4000);
    expect(mixSeed(1, 0, 1)).not.toBe(mixSeed(2, 0, 1));
  });
});
