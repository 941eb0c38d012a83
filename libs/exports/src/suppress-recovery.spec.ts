import { suppressRow } from './suppress';

/**
 * A reader tries to recover each hidden cell by arithmetic on what is published: the row adds up to
 * its total, zeros are always shown in a row whose total is published (so a hidden cell there is at
 * least 1, or at least 0 when forced), at least one hidden cell is below the threshold, and a row
 * hidden whole has a total below the threshold. A hidden cell is safe when it can take two values.
 */

type Cell = number | 'x';
interface View { total: Cell; cells: Cell[]; forced: boolean[] }

function view(cells: number[], threshold: number, forced: boolean[] = []): View {
  const total = cells.reduce((s, c) => s + c, 0);
  const withheld = suppressRow(total, cells, threshold, forced);
  return {
    total: withheld.total ? 'x' : total,
    cells: cells.map((c, i) => (withheld.cells[i] ? 'x' : c)),
    forced: cells.map((_, i) => forced[i] === true),
  };
}

/** Every value each hidden cell can take, by trying them all (the rows here are small). */
function possibleValues({ total, cells, forced }: View, threshold: number): Map<number, Set<number>> {
  const hidden = cells.flatMap((c, i) => (c === 'x' ? [i] : []));
  const shown = cells.reduce<number>((s, c) => (c === 'x' ? s : s + c), 0);
  const max = total === 'x' ? threshold - 1 : total - shown;
  const values = new Map(hidden.map((i) => [i, new Set<number>()]));
  const tryFrom = (k: number, picked: number[]) => {
    const sum = picked.reduce((s, v) => s + v, 0);
    if (k === hidden.length) {
      const fits = total === 'x' ? sum >= 1 && sum < threshold : sum === max;
      const someSmall = forced.some(Boolean) || picked.some((v) => v < threshold);
      if (fits && someSmall) picked.forEach((v, j) => values.get(hidden[j]!)!.add(v));
      return;
    }
    const least = total === 'x' || forced[hidden[k]!] ? 0 : 1;
    for (let v = least; sum + v <= max; v++) tryFrom(k + 1, [...picked, v]);
  };
  tryFrom(0, []);
  return values;
}

const seen = new Map<string, Map<number, Set<number>>>();

function expectNothingRecovered(v: View, threshold: number, row: number[]) {
  // Many rows look alike once hidden (every small row is all marks): work each view out once.
  const key = `${threshold}:${JSON.stringify(v)}`;
  if (!seen.has(key)) seen.set(key, possibleValues(v, threshold));
  for (const [cell, values] of seen.get(key)!) {
    if (values.size < 2) throw new Error(`Cell ${cell} of ${JSON.stringify(row)} is recoverable from ${JSON.stringify(v)}`);
  }
  if (v.total === 'x' && threshold - 1 < 2) throw new Error(`The hidden total of ${JSON.stringify(row)} is recoverable`);
}

/** Mulberry32: a small seeded generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('no hidden cell can be recovered by arithmetic', () => {
  it.each([3, 4, 5, 6, 10])('over every row of four gender cells with a total up to 20, threshold %i', (threshold) => {
    let hidden = 0;
    for (let a = 0; a <= 20; a++)
      for (let b = 0; a + b <= 20; b++)
        for (let c = 0; a + b + c <= 20; c++)
          for (let d = 0; a + b + c + d <= 20; d++) {
            const v = view([a, b, c, d], threshold);
            hidden += v.cells.filter((x) => x === 'x').length;
            expectNothingRecovered(v, threshold, [a, b, c, d]);
          }
    expect(hidden).toBeGreaterThan(1000);
  });

  const draw = (random: () => number, threshold: number) => {
    const kind = random();
    if (kind < 0.35) return 0;
    if (kind < 0.75) return 1 + Math.floor(random() * (threshold - 1));
    return threshold + Math.floor(random() * 40);
  };

  it.each([[3, 20260101], [5, 1234567], [5, 42], [7, 99], [10, 31337]])(
    'over 500 generated rows, threshold %i, seed %i, half of them with forced cells (rate numerators)',
    (threshold, seed) => {
      const random = prng(seed);
      let hidden = 0;
      for (let n = 0; n < 500; n++) {
        const row = [0, 1, 2, 3].map(() => draw(random, threshold));
        const forced = n % 2 === 0 ? [] : row.map(() => random() < 0.25);
        const v = view(row, threshold, forced);
        hidden += v.cells.filter((x) => x === 'x').length;
        expectNothingRecovered(v, threshold, row);
      }
      expect(hidden).toBeGreaterThan(300);
    },
  );
});
