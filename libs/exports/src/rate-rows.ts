import type { RateFigure, RateMeasure } from '@pathway/indicators';
import { countingOf, rateCell } from './export-relations';
import { GENDER_BREAKDOWNS, RATE_BREAKDOWNS, RateRow, SUPPRESSED } from './export-row';

/** Rates are shown to 4 decimals in exports; the report keeps them unrounded. */
export const roundRate = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * Five rows: total, then each gender group, as the export-wide suppression decided. How a rate's
 * parts count people decides what can be hidden (see export-relations.ts):
 * - share: both count participants (a hidden denominator takes its numerator with it);
 * - median: the numerator is a median of days, not a count; it goes with its denominator (those
 *   placed), since a median over few people is as telling as a count of them;
 * - against-plan: the denominator is the planned number, about no one, so it is always shown.
 * A rate whose numerator or denominator is hidden is hidden (it would give the count back).
 */
export function rateRows(rate: RateFigure, hidden: ReadonlySet<string>): RateRow[] {
  const counting = countingOf(rate.code);
  const measures: RateMeasure[] = [rate, ...GENDER_BREAKDOWNS.map(([group]) => rate.byGenderMeasures[group])];
  return measures.map((m, i) => {
    const breakdown = RATE_BREAKDOWNS[i]!;
    const hideDenominator = counting !== 'against-plan' && hidden.has(rateCell(rate.code, breakdown, 'denominator'));
    const hideNumerator = counting === 'median' ? hideDenominator : hidden.has(rateCell(rate.code, breakdown, 'numerator'));
    return {
      code: rate.code,
      name: rate.name,
      kind: 'rate',
      breakdown,
      value: hideNumerator || hideDenominator ? SUPPRESSED : rounded(m.value),
      numerator: hideNumerator ? SUPPRESSED : m.numerator,
      denominator: hideDenominator ? SUPPRESSED : m.denominator,
    };
  });
}

const rounded = (value: number | null): number | null => (value === null ? null : roundRate(value));
