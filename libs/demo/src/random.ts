/**
 * A tiny seeded PRNG (mulberry32), so demo data are the same on every machine and run
 * without a dependency. Not for anything secret: 32 bits of state, fine for sampling.
 */
export type Weights<T> = ReadonlyArray<readonly [T, number]>;

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: ReadonlyArray<T>): T {
    return values[Math.floor(this.next() * values.length)]!;
  }

  /** A value drawn in proportion to its weight. */
  weighted<T>(weights: Weights<T>): T {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of weights) {
      r -= weight;
      if (r < 0) return value;
    }
    return weights[weights.length - 1]![0];
  }

  /** The answer, or null ("not disclosed") with the given probability. */
  orNull<T>(probability: number, answer: () => T): T | null {
    return this.chance(probability) ? null : answer();
  }
}

/**
 * Mixes a seed with keys into a new 32-bit seed (murmur3's finaliser), so each participant
 * has its own stream of numbers: its pathway does not shift when another one changes.
 */
export function mixSeed(seed: number, ...keys: number[]): number {
  let h = seed >>> 0;
  for (const key of keys) {
    h = Math.imul(h ^ (key >>> 0), 0x9e3779b1) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h >>> 0;
}
