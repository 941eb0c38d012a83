/** Counts 1..threshold-1 are withheld from funder exports by default. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

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
