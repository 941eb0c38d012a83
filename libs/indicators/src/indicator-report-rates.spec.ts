import { RATES } from './catalogue';
import { enrolment, outcomeOf, placed, schoolCompleted } from './testing/facts';
import { rate, reportOn } from './testing/report';

const NO_ONE = { women: null, men: null, nonBinary: null, genderNotDisclosed: null };

describe('computeIndicatorReport: rates over the outputs population', () => {
  it('SCHOOL_COMPLETION_RATE: of those who entered with ISCED 0-2, the share who completed a school level', () => {
    const report = reportOn([
      outcomeOf(enrolment('2024-01-15', { educationLevel: 'isced-0-2', gender: 'woman' }), schoolCompleted('2024-05-01')),
      outcomeOf(enrolment('2024-01-15', { educationLevel: 'isced-0-2', gender: 'woman' })),
      outcomeOf(enrolment('2024-01-15', { educationLevel: 'isced-0-2', gender: 'man' }), schoolCompleted('2024-05-01')),
      // not in the denominator: a higher level at entry; level not disclosed; entered after the period
      outcomeOf(enrolment('2024-01-15', { educationLevel: 'isced-3-4', gender: 'woman' }), schoolCompleted('2024-05-01')),
      outcomeOf(enrolment('2024-01-15', { educationLevel: null, gender: 'non-binary' })),
      outcomeOf(enrolment('2025-01-01', { educationLevel: 'isced-0-2', gender: 'woman' })),
    ], { from: null, to: '2024-12-31' });
    expect(rate(report, 'SCHOOL_COMPLETION_RATE')).toEqual({
      numerator: 2, denominator: 3, value: 2 / 3, byGender: { women: 1 / 2, men: 1, nonBinary: null, genderNotDisclosed: null },
    });
  });

  describe('MEDIAN_DAYS_TO_PLACEMENT', () => {
    const period = { from: null, to: '2024-06-30' };
    const placedAfter = [
      outcomeOf(enrolment('2024-01-01', { gender: 'woman' }), placed('2024-01-11')), // 10 days
      outcomeOf(enrolment('2024-01-01', { gender: 'woman' }), placed('2024-01-31')), // 30 days
      outcomeOf(enrolment('2024-01-01', { gender: 'woman' }), placed('2024-01-21')), // 20 days
      outcomeOf(enrolment('2024-01-01', { gender: 'woman' })), // never placed
      outcomeOf(enrolment('2024-06-20', { gender: 'man' }), placed('2024-07-01')), // placed after the period
    ];

    it('takes the middle value of an odd count of placements dated by the end of the period', () => {
      expect(rate(reportOn(placedAfter, period), 'MEDIAN_DAYS_TO_PLACEMENT')).toEqual({
        numerator: 20, denominator: 3, value: 20, byGender: { women: 20, men: null, nonBinary: null, genderNotDisclosed: null },
      });
    });

    it('takes the mean of the two middle values of an even count (a placement on the last day counts)', () => {
      const fourth = outcomeOf(enrolment('2024-03-22', { gender: 'man' }), placed('2024-06-30')); // 100 days
      expect(rate(reportOn([...placedAfter, fourth], period), 'MEDIAN_DAYS_TO_PLACEMENT')).toEqual({
        numerator: 25, denominator: 4, value: 25, byGender: { women: 20, men: 100, nonBinary: null, genderNotDisclosed: null },
      });
    });
  });

  it('TARGET_ACHIEVEMENT: participants who entered by the end of the period against the plan', () => {
    const report = reportOn([
      outcomeOf(enrolment('2024-01-15', { gender: 'woman' })),
      outcomeOf(enrolment('2024-01-15', { gender: 'woman' })),
      outcomeOf(enrolment('2024-01-15', { gender: 'man' })),
      outcomeOf(enrolment('2024-01-15', { gender: null })),
      outcomeOf(enrolment('2025-01-01', { gender: 'man' })),
    ], { from: null, to: '2024-12-31' }, 80);
    expect(rate(report, 'TARGET_ACHIEVEMENT')).toEqual({
      numerator: 4, denominator: 80, value: 0.05,
      byGender: { women: 2 / 80, men: 1 / 80, nonBinary: 0, genderNotDisclosed: 1 / 80 },
    });
  });

  it('gives a null value, not 0, whenever the denominator is 0', () => {
    const empty = reportOn([], { from: null, to: '2024-12-31' }, 80);
    for (const { code } of RATES.filter((r) => r.code !== 'TARGET_ACHIEVEMENT')) {
      expect(rate(empty, code)).toEqual({ numerator: 0, denominator: 0, value: null, byGender: NO_ONE });
    }
    expect(rate(empty, 'TARGET_ACHIEVEMENT')).toEqual({
      numerator: 0, denominator: 80, value: 0, byGender: { women: 0, men: 0, nonBinary: 0, genderNotDisclosed: 0 },
    });
    const unplanned = reportOn([outcomeOf(enrolment('2024-01-15'))], { from: null, to: '2024-12-31' }, 0);
    expect(rate(unplanned, 'TARGET_ACHIEVEMENT')).toEqual({ numerator: 1, denominator: 0, value: null, byGender: NO_ONE });
  });
});
