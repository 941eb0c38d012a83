/**
 * Small-count suppression for funder exports, one row at a time. A row is a total and its parts
 * (the gender cells, which add up to the total). A funder reads the published cells and can do
 * arithmetic with them, so hiding the small cells alone is not enough: a single hidden cell is the
 * total minus the others. Every hidden cell is shown with the same mark (see export-row.ts), so a
 * reader cannot tell a small cell from one hidden only to protect it.
 *
 * Rules, in order (threshold T; T of 0 or 1 turns suppression off):
 * 1. A total of 1..T-1 hides the whole row, zeros included: with fewer than T people even which
 *    groups are empty says too much, and a row of non-zero hidden cells under a small total could
 *    be worked out (four hidden cells under a total below 5 can only be 1, 1, 1, 1).
 * 2. Otherwise a cell of 1..T-1 is hidden (primary suppression); zeros are shown, since a zero
 *    names no one; large cells are shown.
 * 3. While the hidden cells could be recovered from the published total (one hidden cell alone,
 *    or hidden cells that can only all be at their least possible value), the smallest published
 *    non-zero cell is hidden too (complementary suppression); if none is left, the whole row is hidden.
 *
 * What this does not cover: relations between rows (EECO03 is part of EECO02, a rate's numerator is
 * at most its denominator), which bound hidden cells without pinning them; and a reader who re-runs
 * these rules on every guess and keeps the guesses that publish alike. Such a reader can pin a few
 * rows where cells sit at the threshold: at 5, women 0, men 5, non-binary 5, not disclosed 4 hides men
 * and not disclosed (9 together), and every other split of 9 would have hidden the non-binary 5 instead.
 * Over every row with a total up to 30 that is 236 of 40,620 rows with hidden cells at threshold 5.
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** What to withhold in one row: the total, and each cell in the order given. */
export interface Withheld {
  total: boolean;
  cells: boolean[];
}

/**
 * A whole number of at least 0; 0 and 1 mean no suppression. 2 is refused: it would hide only ones,
 * and a hidden total could then only be one, so the mark itself would give the count away.
 */
export function checkThreshold(threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < 0 || threshold === 2) {
    throw new RangeError(`The suppression threshold must be 0 or 1 (off) or a whole number of at least 3, got ${threshold}`);
  }
  return threshold;
}

export const suppressionOn = (threshold: number): boolean => threshold > 1;

/** A count that could point at a person: 1..threshold-1 (never zero). */
export function isSmall(count: number, threshold: number): boolean {
  return suppressionOn(threshold) && count >= 1 && count < threshold;
}

/**
 * @param forced cells to hide whatever their size, e.g. a rate's numerator whose denominator is hidden;
 *   they may be zero, so a reader can only assume they are at least 0.
 */
export function suppressRow(total: number, cells: readonly number[], threshold: number, forced: readonly boolean[] = []): Withheld {
  checkRow(total, cells);
  if (!suppressionOn(threshold)) return { total: false, cells: cells.map(() => false) };
  if (isSmall(total, threshold)) return { total: true, cells: cells.map(() => true) };

  const withheld = cells.map((count, i) => isSmall(count, threshold) || forced[i] === true);
  const least = (i: number) => (forced[i] === true ? 0 : 1);
  while (recoverable(cells, withheld, least)) {
    const next = smallestPublishedNonZero(cells, withheld);
    if (next === undefined) return { total: true, cells: cells.map(() => true) };
    withheld[next] = true;
  }
  return { total: false, cells: withheld };
}

/**
 * With the total published, the hidden cells add up to a known sum, and each is at least its least
 * possible value (a hidden unforced cell is never zero, as zeros are shown). Each hidden cell can then
 * range over [least, sum - the others' least]: a single value when it is alone or when the sum is
 * exactly the sum of the least values.
 */
function recoverable(cells: readonly number[], withheld: readonly boolean[], least: (i: number) => number): boolean {
  const hidden = withheld.flatMap((w, i) => (w ? [i] : []));
  if (hidden.length === 0) return false;
  if (hidden.length === 1) return true;
  const sum = hidden.reduce((s, i) => s + cells[i]!, 0);
  const floor = hidden.reduce((s, i) => s + least(i), 0);
  return sum === floor;
}

/** Ties go to the first cell, so the same row always hides the same cells. */
function smallestPublishedNonZero(cells: readonly number[], withheld: readonly boolean[]): number | undefined {
  let best: number | undefined;
  cells.forEach((count, i) => {
    if (!withheld[i] && count > 0 && (best === undefined || count < cells[best]!)) best = i;
  });
  return best;
}

/** Arithmetic protection only holds if the row really adds up; anything else is a bug upstream. */
function checkRow(total: number, cells: readonly number[]): void {
  const counts = [total, ...cells];
  if (counts.some((c) => !Number.isInteger(c) || c < 0)) {
    throw new RangeError(`Counts must be whole numbers of at least 0, got ${counts.join(', ')}`);
  }
  const sum = cells.reduce((s, c) => s + c, 0);
  if (sum !== total) throw new RangeError(`The cells add up to ${sum}, not to the total ${total}`);
}
