import type { RateFigure, RateMeasure } from '@pathway/indicators';
import { GENDER_BREAKDOWNS, RATE_BREAKDOWNS, RateRow, SUPPRESSED } from './export-row';
import { suppressRow } from './suppress';

/**
 * How a rate's numerator and denominator relate to people, which decides what may be shown:
 * - share: both count participants, and each adds up over the gender groups;
 * - median: the numerator is a median of days, not a count; the denominator counts those placed;
 * - against-plan: the numerator counts participants; the denominator is the planned number,
 *   the same for every group and about no one, so it is always shown.
 */
type Counting = 'share' | 'median' | 'against-plan';
const COUNTING: Readonly<Record<string, Counting>> = {
  MEDIAN_DAYS_TO_PLACEMENT: 'median',
  TARGET_ACHIEVEMENT: 'against-plan',
};

/** Rates are shown to 4 decimals in exports; the report keeps them unrounded. */
export const roundRate = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Hidden flags per breakdown, in RATE_BREAKDOWNS order (total first). */
interface Hidden { numerator: boolean[]; denominator: boolean[] }

/**
 * Five rows: total, then each gender group. A rate whose numerator or denominator is hidden is
 * hidden (its value would give the count back); a hidden denominator hides its numerator too.
 */
export function rateRows(rate: RateFigure, threshold: number): RateRow[] {
  const measures: RateMeasure[] = [rate, ...GENDER_BREAKDOWNS.map(([group]) => rate.byGenderMeasures[group])];
  const hidden = hiddenCounts(measures, COUNTING[rate.code] ?? 'share', threshold);
  return measures.map((m, i) => {
    const hideNumerator = hidden.numerator[i]!;
    const hideDenominator = hidden.denominator[i]!;
    return {
      code: rate.code,
      name: rate.name,
      kind: 'rate',
      breakdown: RATE_BREAKDOWNS[i]!,
      value: hideNumerator || hideDenominator ? SUPPRESSED : rounded(m.value),
      numerator: hideNumerator ? SUPPRESSED : m.numerator,
      denominator: hideDenominator ? SUPPRESSED : m.denominator,
    };
  });
}

function hiddenCounts(measures: RateMeasure[], counting: Counting, threshold: number): Hidden {
  const [total, ...groups] = measures as [RateMeasure, ...RateMeasure[]];
  const flags = (w: { total: boolean; cells: boolean[] }) => [w.total, ...w.cells];
  const row = (pick: (m: RateMeasure) => number, forced: boolean[] = []) =>
    flags(suppressRow(pick(total), groups.map(pick), threshold, forced));

  if (counting === 'against-plan') {
    return { numerator: row((m) => m.numerator), denominator: measures.map(() => false) };
  }
  const denominator = row((m) => m.denominator);
  // A median over few people is as telling as a count of them: it goes with its denominator.
  if (counting === 'median') return { numerator: denominator, denominator };
  const numerator = denominator[0] ? measures.map(() => true) : row((m) => m.numerator, denominator.slice(1));
  return { numerator, denominator };
}

const rounded = (value: number | null): number | null => (value === null ? null : roundRate(value));
