/**
 * The figures of an export as a reader doing arithmetic sees them: count cells, each published or
 * hidden, bound together by additive relations. A relation ("line") says a total equals the sum of
 * its parts; some parts may be unpublished (never shown, e.g. the women whose education is not
 * known), which a reader can still work out when everything else on their lines is known.
 */
export interface Line {
  total: string;
  parts: readonly string[];
}

export interface LinkedTable {
  /** Every count a reader may see, by cell id, in a fixed order (the order decides ties). */
  counts: ReadonlyMap<string, number>;
  /** Counts never published but bound by the lines (their true values, to check the lines add up). */
  unpublished: ReadonlyMap<string, number>;
  /** total = sum of parts, over counts and unpublished cells. */
  lines: readonly Line[];
  /**
   * Inequalities, each as a line with an unpublished slack of its own (EECO02 = EECO03 + the others):
   * they bound hidden cells without fixing them, and only a linear program sees what they pin.
   */
  bounds?: readonly Line[];
  /** Cells that always hold the same number (one figure published twice): hidden together. */
  same: ReadonlyArray<readonly string[]>;
  /**
   * [leader, follower]: when the leader is hidden, so is the follower, whatever its size (a share's
   * numerator goes with its denominator). A follower may then be zero.
   */
  follows: ReadonlyArray<readonly [string, string]>;
  /** Cells hidden whatever their size (and so possibly zero). */
  forced?: ReadonlySet<string>;
}

/** The value of a count or unpublished cell; a line naming an unknown cell is a bug. */
export function valueOf(table: LinkedTable, cell: string): number {
  const value = table.counts.get(cell) ?? table.unpublished.get(cell);
  if (value === undefined) throw new Error(`No cell ${cell} in the table`);
  return value;
}

/** Whether a line adds up with the true values (only lines that do are relations at all). */
export function addsUp(table: LinkedTable, line: Line): boolean {
  const sum = line.parts.reduce((s, part) => s + valueOf(table, part), 0);
  return sum === valueOf(table, line.total);
}
