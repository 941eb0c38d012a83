import { RateFigure, RateMeasure } from '@pathway/indicators';
import { SUPPRESSED } from './export-row';
import { exportRelations } from './export-relations';
import { buildFunderExport } from './funder-export';
import { suppressLinked } from './linked-suppression';
import { rateRows, roundRate } from './rate-rows';
import { FRAMTID, framtidReport } from './testing/report-fixture';

const S = SUPPRESSED;
const rateOf = (code: string) => framtidReport().rates.find((r) => r.code === code)!;
/** Each breakdown (total, women, men, non-binary, not disclosed) as [numerator, denominator, value]. */
/** One rate's rows, suppressed on its own relations only (the export protects all of them at once). */
const alone = (rate: RateFigure, threshold = 5) => rateRows(rate, suppressLinked(exportRelations([], [rate]), threshold));
const rowsOf = (rate: RateFigure, threshold = 5) => alone(rate, threshold).map((r) => [r.numerator, r.denominator, r.value]);
const table = (code: string, threshold = 5) => rowsOf(rateOf(code), threshold);

const ratio = (numerator: number, denominator: number): RateMeasure =>
  ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
/** A catalogue rate with other counts: the total, then women, men, non-binary, not disclosed. */
function rateWith(
  code: string,
  total: RateMeasure,
  [women, men, nonBinary, genderNotDisclosed]: [RateMeasure, RateMeasure, RateMeasure, RateMeasure],
): RateFigure {
  const byGenderMeasures = { women, men, nonBinary, genderNotDisclosed };
  const byGender = { women: women.value, men: men.value, nonBinary: nonBinary.value, genderNotDisclosed: genderNotDisclosed.value };
  return { ...rateOf(code), ...total, byGender, byGenderMeasures };
}

describe('rate rows, from each gender group’s numerator and denominator', () => {
  it('show rates to 4 decimals and hide those built on hidden counts, numerator with its denominator', async () => {
    // Denominators 36 = 17 + 15 + 2 + 2: the two 2s hide each other; their numerators go with them.
    expect(table('COMPLETION_RATE')).toEqual([
      [24, 36, 0.6667], [12, 17, 0.7059], [10, 15, 0.6667], [S, S, S], [S, S, S],
    ]);
  });

  it('hide a numerator that is small, and its rate, while the denominator stays', async () => {
    // Numerators 8 = 3 + 4 + 1 + 0: every gender numerator is hidden, the total of 8 is not.
    expect(table('DROP_OUT_RATE')).toEqual([
      [8, 36, 0.2222], [S, 17, S], [S, 15, S], [S, S, S], [S, S, S],
    ]);
  });

  it('keep a zero numerator over a hidden denominator hidden and protected', async () => {
    // School completion: denominators 29 = 12 + 14 + 1 + 2, numerators 12 = 5 + 6 + 0 + 1.
    expect(table('SCHOOL_COMPLETION_RATE')).toEqual([
      [12, 29, 0.4138], [5, 12, 0.4167], [6, 14, 0.4286], [S, S, S], [S, S, S],
    ]);
  });

  it('treat a median as going with its denominator (those placed), which is protected as counts are', async () => {
    // Placed 21 = 10 + 9 + 1 + 1: two ones could only be ones, so the 9 is hidden as well.
    expect(table('MEDIAN_DAYS_TO_PLACEMENT')).toEqual([
      [90, 21, 90], [84, 10, 84], [S, S, S], [S, S, S], [S, S, S],
    ]);
  });

  it('always show the plan, and hide participants against it exactly as EECO01 hides them', async () => {
    expect(table('TARGET_ACHIEVEMENT')).toEqual([
      [64, 80, 0.8], [30, 80, 0.375], [28, 80, 0.35], [S, 80, S], [S, 80, S],
    ]);
    const { rows } = await buildFunderExport(framtidReport(), FRAMTID);
    const byBreakdown = (code: string, b: string) => rows.find((r) => r.code === code && r.breakdown === b)!;
    for (const row of rows.filter((r) => r.code === 'TARGET_ACHIEVEMENT')) {
      expect(row.numerator).toBe(byBreakdown('EECO01', row.breakdown).value);
    }
  });

  it('hide a whole rate whose denominator is small', async () => {
    const rate = { ...rateOf('COMPLETION_RATE'), numerator: 2, denominator: 3, value: 2 / 3 };
    rate.byGenderMeasures = {
      women: { numerator: 1, denominator: 2, value: 0.5 }, men: { numerator: 1, denominator: 1, value: 1 },
      nonBinary: { numerator: 0, denominator: 0, value: null }, genderNotDisclosed: { numerator: 0, denominator: 0, value: null },
    };
    expect(alone(rate, 5).every((r) => r.value === S && r.numerator === S && r.denominator === S)).toBe(true);
  });

  it('show every count, and a null rate for an empty group, with suppression off', async () => {
    expect(table('COMPLETION_RATE', 0)[3]).toEqual([1, 2, 0.5]);
    const rate = rateOf('COMPLETION_RATE');
    rate.byGenderMeasures.genderNotDisclosed = { numerator: 0, denominator: 0, value: null };
    rate.byGenderMeasures.women = { numerator: 13, denominator: 19, value: 13 / 19 };
    expect(alone(rate, 1)[4]).toMatchObject({ breakdown: 'not-disclosed', numerator: 0, denominator: 0, value: null });
  });

  it('protect the total row on its own counts', async () => {
    // 3 dropped out of 36: a small total numerator hides every numerator and rate; the denominators stay.
    const small = rateWith('DROP_OUT_RATE', ratio(3, 36), [ratio(2, 17), ratio(1, 15), ratio(0, 2), ratio(0, 2)]);
    expect(rowsOf(small)).toEqual([[S, 36, S], [S, 17, S], [S, 15, S], [S, S, S], [S, S, S]]);
    // A median over 2 placed: the denominator is small, and the median goes with it.
    const median = (days: number, placed: number): RateMeasure => ({ numerator: days, denominator: placed, value: placed === 0 ? null : days });
    const few = rateWith('MEDIAN_DAYS_TO_PLACEMENT', median(40, 2), [median(30, 1), median(50, 1), median(0, 0), median(0, 0)]);
    expect(rowsOf(few)).toEqual([[S, S, S], [S, S, S], [S, S, S], [S, S, S], [S, S, S]]);
    // 3 participants against a plan of 80: the participants are hidden, the plan never is.
    const planned = rateWith('TARGET_ACHIEVEMENT', ratio(3, 80), [ratio(2, 80), ratio(1, 80), ratio(0, 80), ratio(0, 80)]);
    expect(rowsOf(planned)).toEqual([[S, 80, S], [S, 80, S], [S, 80, S], [S, 80, S], [S, 80, S]]);
  });

  it('leave an empty group’s rate null when the total is shown', async () => {
    // Denominators 34 = 17 + 15 + 0 + 2: the lone 2 takes the 15 with it; the empty group's 0 and null stay.
    const rate = rateWith('COMPLETION_RATE', ratio(23, 34), [ratio(12, 17), ratio(10, 15), ratio(0, 0), ratio(1, 2)]);
    expect(rowsOf(rate)).toEqual([[23, 34, 0.6765], [12, 17, 0.7059], [S, S, S], [0, 0, null], [S, S, S]]);
    expect(alone(rate, 5)[3]).toMatchObject({ breakdown: 'non-binary', numerator: 0, denominator: 0, value: null });
  });
});

describe('rounding', () => {
  it('keeps 4 decimals', async () => {
    expect([2 / 3, 1 / 7, 0.5, 1, 0, 90.5].map(roundRate)).toEqual([0.6667, 0.1429, 0.5, 1, 0, 90.5]);
  });
});
