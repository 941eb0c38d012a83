import { Line } from './linked-table';

/**
 * The unknown cells a reader can work out exactly from the lines alone, whatever the bounds: cell x
 * is determined when the unit vector of x lies in the row space of the lines restricted to the
 * unknown cells (a linear combination of lines leaves x alone on one side). Found by Gauss-Jordan
 * elimination: x is determined iff its column holds a pivot whose row has no entry in a free column.
 *
 * This catches what line-by-line checks miss, e.g. in a two-way table (labour-market status x
 * gender) a hidden cell that is a "bridge" between two cycles of hidden cells, although each of its
 * lines holds two or more hidden cells (Cox 1980, "Suppression methodology and statistical disclosure
 * control", JASA 75; Hundepool et al. 2012, "Statistical Disclosure Control", sect. 4.4).
 *
 * Coefficients are small integers (0, +1, -1) and the system has a few hundred cells, so plain
 * floating point with a tolerance is exact enough and takes well under a millisecond.
 *
 * @param lines total = sum of parts
 * @param unknown the hidden and unpublished cells; every other cell is known
 * @returns the unknown cells that are determined, in the order of `unknown`
 */
export function determinedCells(lines: readonly Line[], unknown: readonly string[]): string[] {
  const column = new Map(unknown.map((cell, i) => [cell, i]));
  const rows: number[][] = [];
  for (const line of lines) {
    const row = new Array<number>(unknown.length).fill(0);
    let any = false;
    const add = (cell: string, coefficient: number) => {
      const j = column.get(cell);
      if (j !== undefined) { row[j] = row[j]! + coefficient; any = true; }
    };
    add(line.total, 1);
    for (const part of line.parts) add(part, -1);
    if (any) rows.push(row);
  }

  const pivotOfColumn = new Map<number, number>();
  let rank = 0;
  for (let j = 0; j < unknown.length && rank < rows.length; j++) {
    const found = rows.findIndex((r, i) => i >= rank && Math.abs(r[j]!) > 1e-9);
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found]!, rows[rank]!];
    const pivot = rows[rank]!;
    const scale = pivot[j]!;
    for (let k = 0; k < pivot.length; k++) pivot[k] = pivot[k]! / scale;
    rows.forEach((r, i) => {
      const factor = r[j]!;
      if (i === rank || Math.abs(factor) < 1e-9) return;
      for (let k = 0; k < r.length; k++) r[k] = r[k]! - factor * pivot[k]!;
    });
    pivotOfColumn.set(j, rank);
    rank++;
  }

  return unknown.filter((_, j) => {
    const at = pivotOfColumn.get(j);
    if (at === undefined) return false;
    const row = rows[at]!;
    // Other pivot columns are zero in this row after Gauss-Jordan; only free columns can remain.
    return row.every((v, k) => k === j || Math.abs(v) < 1e-9);
  });
}
