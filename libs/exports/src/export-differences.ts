import { ExportRow, Published } from './export-row';

/** One count of a funder export that differs between two exports of the same period. */
export interface ExportDifference {
  code: string;
  breakdown: string;
  /** Which count of the row: an indicator's `value`, or a rate's `numerator` or `denominator`. */
  part: 'value' | 'numerator' | 'denominator';
  /** The count in the earlier export (`suppressed` when withheld there); null when the row was not in it. */
  then: Published | null;
  now: Published | null;
}

/**
 * The counts that differ between two funder exports of one period, both already suppressed by
 * `buildFunderExport` (this compares published cells, never participants, and applies no rule of
 * its own). Counts only: an indicator's value and a rate's numerator and denominator; a rate's
 * value follows from those. Rows are matched by code and breakdown, in the order of `now`, then
 * rows only `then` has. A cell suppressed on both sides is equal: nothing is known to differ.
 */
export function exportDifferences(then: readonly ExportRow[], now: readonly ExportRow[]): ExportDifference[] {
  const key = (row: ExportRow) => `${row.code}|${row.breakdown}`;
  const before = new Map(then.map((row) => [key(row), row]));
  const after = new Map(now.map((row) => [key(row), row]));
  const differences: ExportDifference[] = [];
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  for (const k of keys) {
    const a = before.get(k);
    const b = after.get(k);
    const row = (b ?? a)!;
    const parts = row.kind === 'rate' ? (['numerator', 'denominator'] as const) : (['value'] as const);
    for (const part of parts) {
      const was = a ? (a[part] as Published) : null;
      const is = b ? (b[part] as Published) : null;
      if (was !== is) differences.push({ code: row.code, breakdown: row.breakdown, part, then: was, now: is });
    }
  }
  return differences;
}
