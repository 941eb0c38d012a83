import { suppressLinked } from './linked-suppression';

export { checkThreshold, DEFAULT_SUPPRESSION_THRESHOLD, isSmall, suppressionOn } from './small-count';

/** What to withhold in one row: the total, and each cell in the order given. */
export interface Withheld {
  total: boolean;
  cells: boolean[];
}

/**
 * One row on its own (a total and its parts, e.g. the gender cells): the linked suppression of
 * linked-suppression.ts with this row as its only line. Funder exports protect all their relations
 * at once (see export-relations.ts); this serves a lone row and shows the rules at their simplest.
 *
 * @param forced cells to hide whatever their size, e.g. a rate's numerator whose denominator is hidden;
 *   they may be zero, so a reader can only assume they are at least 0.
 * @throws RangeError when the cells are not whole numbers of at least 0 or do not add up to the total
 */
export function suppressRow(total: number, cells: readonly number[], threshold: number, forced: readonly boolean[] = []): Withheld {
  checkRow(total, cells);
  const ids = cells.map((_, i) => `cell:${i}`);
  const hidden = suppressLinked({
    counts: new Map([...ids.map((id, i) => [id, cells[i]!] as const), ['total', total] as const]),
    unpublished: new Map(),
    lines: [{ total: 'total', parts: ids }],
    same: [],
    follows: [],
    forced: new Set(ids.filter((_, i) => forced[i] === true)),
  }, threshold);
  return { total: hidden.has('total'), cells: ids.map((id) => hidden.has(id)) };
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
