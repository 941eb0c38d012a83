import type { Highs } from 'highs';
import { determinedCells } from './determined-cells';
import { FeasibleIntervals } from './feasible-intervals';
import { addsUp, Line, LinkedTable, valueOf } from './linked-table';
import { isSmall, suppressionOn } from './small-count';

/**
 * Small-count suppression over every additive relation an export publishes at once (threshold T;
 * T of 0 or 1 turns it off). Returns the hidden count cells.
 *
 * 1. Primary: every count of 1..T-1. A line whose total is 1..T-1 is hidden whole, zeros included:
 *    with fewer than T people even which parts are empty says too much. Forced cells are hidden.
 * 2. Closure: cells that publish the same figure are hidden together; a follower goes with its leader.
 * 3. Secondary (complementary) suppression, repeated until nothing changes:
 *    a. line by line: a line with a single unknown cell gives it away (total minus the rest), and so
 *       does a line whose hidden parts can only all sit at their least possible value (a hidden cell is
 *       at least 1 when zeros are shown for it); then the smallest published non-zero cell of the line
 *       is hidden too (ties: the first in table order), or the whole line when none is left;
 *    b. across lines: a hidden cell that a combination of lines determines exactly (see
 *       determined-cells.ts) takes the smallest published non-zero cell of one of its lines with it;
 *    c. with a solver given: a hidden non-zero cell whose feasible interval, by linear programming
 *       over the lines, the bounds (inequalities) and the least values a reader knows, is narrower
 *       than one whole unit, takes the smallest published non-zero cell of its lines and bounds with it
 *       (feasible-intervals.ts). a and b are fast and catch nearly everything; c is exact.
 *
 * This is the classic iterative approach to secondary suppression in linked tables: check the
 * pattern against every relation, add the cheapest complementary cell, repeat (Hundepool et al.,
 * "Statistical Disclosure Control", Wiley 2012, ch. 4.4; tau-argus manual, sect. 2.5 on "linked
 * tables" and the modular/hypercube methods). Cost is the cell value, so few people are hidden.
 * Only relations that hold for the figures at hand count (a relation that does not hold is none a
 * reader could use). The test suite audits the result with a linear-programming solver: no hidden
 * cell may be pinned to one value by the published cells, the relations and non-negativity.
 *
 * Deterministic: the order of `counts` and `lines` decides every tie, so the same figures always hide
 * the same cells.
 */
export function suppressLinked(table: LinkedTable, threshold: number, solver?: Highs): Set<string> {
  for (const [cell, count] of [...table.counts, ...table.unpublished]) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Counts must be whole numbers of at least 0, got ${cell} = ${count}`);
  }
  const hidden = new Set<string>();
  if (!suppressionOn(threshold)) return hidden;

  const lines = table.lines.filter((line) => addsUp(table, line));
  const same = table.same.filter((group) => group.every((cell) => valueOf(table, cell) === valueOf(table, group[0]!)));
  const hide = (cell: string) => { if (table.counts.has(cell)) hidden.add(cell); };

  for (const [cell, count] of table.counts) if (isSmall(count, threshold) || table.forced?.has(cell)) hide(cell);
  for (const line of lines) {
    if (table.counts.has(line.total) && isSmall(valueOf(table, line.total), threshold)) line.parts.forEach(hide);
  }
  close(table, same, hidden);

  const bounds = (table.bounds ?? []).filter((line) => addsUp(table, line));
  const linesOf = new Map<string, Line[]>();
  for (const line of [...lines, ...bounds]) for (const cell of [line.total, ...line.parts]) linesOf.set(cell, [...(linesOf.get(cell) ?? []), line]);
  const least = (cell: string) => leastValue(table, lines, hidden, cell);
  // Unpublished cells on exact lines (the bounds' own slacks can never cancel out of a combination).
  const onLines = new Set(lines.flatMap((line) => line.parts));
  const linked = [...table.unpublished.keys()].filter((cell) => onLines.has(cell));
  // Cells the LP found wide enough stay so: hiding more only frees variables.
  const wide = new Set<string>();
  let lp: FeasibleIntervals | undefined;

  try {
    for (;;) {
      const weak = lines.find((line) => givesAway(table, line, hidden, least));
      if (weak) {
        protect(table, [weak], hidden);
      } else {
        const unknown = [...table.counts.keys()].filter((c) => hidden.has(c)).concat(linked);
        const exposed = determinedCells(lines, unknown).find((cell) => hidden.has(cell))
          ?? (solver && pinned(lp ??= new FeasibleIntervals(solver, table, [...lines, ...bounds]), table, hidden, least, wide));
        if (!exposed) return hidden;
        protect(table, linesOf.get(exposed) ?? [], hidden);
      }
      close(table, same, hidden);
    }
  } finally {
    lp?.dispose();
  }
}

/**
 * The first hidden non-zero cell that linear programming pins to less than one whole unit of width,
 * from the published cells, every line and bound, and what a reader knows of hidden cells' least values.
 */
function pinned(
  lp: FeasibleIntervals, table: LinkedTable, hidden: ReadonlySet<string>, least: (cell: string) => number, wide: Set<string>,
): string | undefined {
  for (const cell of hidden) lp.hide(cell, least(cell));
  const open = [...table.counts].filter(([cell, count]) => hidden.has(cell) && count > 0 && !wide.has(cell)).map(([cell]) => cell);
  // Most cells are cleared by two solutions at opposite ends of a summed objective (all +1, then
  // signs alternating in blocks of 1, 2 and 4); only the rest are asked one by one.
  for (const sign of SPREADS) {
    const rest = open.filter((cell) => !wide.has(cell));
    if (rest.length > 0) for (const cell of lp.spread(new Map(rest.map((c, i) => [c, sign(i)])), 1 - 1e-6)) wide.add(cell);
  }
  for (const cell of open) {
    if (wide.has(cell)) continue;
    const [min, max] = lp.interval(cell);
    if (max - min < 1 - 1e-6) return cell;
    wide.add(cell);
  }
  return undefined;
}

const SPREADS = [() => 1, ...[0, 1, 2].map((bit) => (i: number) => (((i >> bit) & 1) === 0 ? 1 : -1))];

/** Hide the smallest published non-zero cell of the lines, or every published cell of them if none is left. */
function protect(table: LinkedTable, lines: readonly Line[], hidden: Set<string>): void {
  const members = new Set(lines.flatMap((line) => [...line.parts, line.total]));
  let best: string | undefined;
  for (const [cell, count] of table.counts) {
    if (members.has(cell) && !hidden.has(cell) && count > 0 && (best === undefined || count < table.counts.get(best)!)) best = cell;
  }
  if (best !== undefined) hidden.add(best);
  else for (const cell of members) if (table.counts.has(cell)) hidden.add(cell);
}

/** A single unknown cell on a line, or hidden parts that can only all be at their least, under a published total. */
function givesAway(table: LinkedTable, line: Line, hidden: ReadonlySet<string>, least: (cell: string) => number): boolean {
  const members = [line.total, ...line.parts];
  const unknown = members.filter((cell) => hidden.has(cell) || table.unpublished.has(cell));
  if (!unknown.some((cell) => hidden.has(cell))) return false;
  if (unknown.length === 1) return true;
  if (hidden.has(line.total) || unknown.some((cell) => table.unpublished.has(cell))) return false;
  const sum = unknown.reduce((s, cell) => s + valueOf(table, cell), 0);
  return sum === unknown.reduce((s, cell) => s + least(cell), 0);
}

/**
 * The least value a reader can be sure a hidden cell has: 1, since zeros are shown, unless it may be a
 * zero hidden on purpose: forced, a follower of a hidden leader, or a part of a line whose total is
 * hidden (a line with a small total is hidden whole). Never more than the cell's true value.
 */
function leastValue(table: LinkedTable, lines: readonly Line[], hidden: ReadonlySet<string>, cell: string): number {
  const value = valueOf(table, cell);
  if (value === 0 || table.forced?.has(cell)) return 0;
  if (table.follows.some(([leader, follower]) => follower === cell && hidden.has(leader))) return 0;
  if (lines.some((line) => hidden.has(line.total) && line.parts.includes(cell))) return 0;
  return 1;
}

/** Hides the rest of a group of equal cells when one is hidden, and followers with their leaders, until stable. */
function close(table: LinkedTable, same: ReadonlyArray<readonly string[]>, hidden: Set<string>): void {
  for (let changed = true; changed;) {
    changed = false;
    const add = (cell: string) => {
      if (!hidden.has(cell) && table.counts.has(cell)) { hidden.add(cell); changed = true; }
    };
    for (const group of same) if (group.some((cell) => hidden.has(cell))) group.forEach(add);
    for (const [leader, follower] of table.follows) if (hidden.has(leader)) add(follower);
  }
}
