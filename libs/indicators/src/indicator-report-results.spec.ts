import {
  educationEntered, enrolment, exited, followUp, outcomeOf, placed, qualificationGained, reEntered,
} from './testing/facts';
import { line, rate, reportOn } from './testing/report';

// Lines read [total, women, men, nonBinary, genderNotDisclosed, dataMissing].
describe('computeIndicatorReport: results upon leaving (EECR01-04) and their rates', () => {
  const cohort = [
    // woman: job searching on leaving, entered education 10 days after
    outcomeOf(enrolment('2024-01-15', { gender: 'woman' }),
      exited('2024-06-01', 'completed', 'job-searching'), educationEntered('2024-06-11')),
    // man: employed on leaving
    outcomeOf(enrolment('2024-01-15', { gender: 'man' }), exited('2024-06-01', 'completed', 'employed')),
    // non-binary: situation unknown, placed 28 days after exit
    outcomeOf(enrolment('2024-01-15', { gender: 'non-binary' }),
      exited('2024-06-01', 'dropped-out', 'unknown'), placed('2024-06-29')),
    // woman: situation unknown, placed 29 days after exit (too late to be "upon leaving")
    outcomeOf(enrolment('2024-01-15', { gender: 'woman' }), exited('2024-06-01', 'other', 'unknown'), placed('2024-06-30')),
    // gender not disclosed: inactive on leaving
    outcomeOf(enrolment('2024-01-15', { gender: null }), exited('2024-06-01', 'moved', 'inactive')),
    // woman: qualified during the project, self-employed on leaving
    outcomeOf(enrolment('2024-01-15', { gender: 'woman' }),
      qualificationGained('2024-04-01'), exited('2024-06-01', 'completed', 'self-employed')),
    // not in the results population: still active; re-entered and not exited again
    outcomeOf(enrolment('2024-01-15', { gender: 'woman' })),
    outcomeOf(enrolment('2024-01-15', { gender: 'man' }), exited('2024-03-01', 'completed', 'employed'), reEntered('2024-04-01')),
  ];
  const report = reportOn(cohort);

  it('counts one settled situation per leaver; missing only when nothing at all is known', () => {
    // The woman who left job searching entered education 10 days later: education, not job searching.
    expect(line(report, 'EECR01')).toEqual([0, 0, 0, 0, 0, 1]);
    expect(line(report, 'EECR02')).toEqual([1, 1, 0, 0, 0, 1]);
    expect(line(report, 'EECR03')).toEqual([1, 1, 0, 0, 0, 0]);
    // Placed 28 days after an unknown exit: employed, and known not to be searching or studying.
    expect(line(report, 'EECR04')).toEqual([3, 1, 1, 1, 0, 1]);
  });

  it('divides by everyone whose last exit is in the period (6 here), and by gender group', () => {
    expect(rate(report, 'COMPLETION_RATE')).toEqual({
      numerator: 3, denominator: 6, value: 0.5, byGender: { women: 2 / 3, men: 1, nonBinary: 0, genderNotDisclosed: 0 },
    });
    expect(rate(report, 'DROP_OUT_RATE')).toEqual({
      numerator: 1, denominator: 6, value: 1 / 6, byGender: { women: 0, men: 0, nonBinary: 1, genderNotDisclosed: 0 },
    });
    expect(rate(report, 'PLACEMENT_RATE')).toEqual({
      numerator: 3, denominator: 6, value: 0.5, byGender: { women: 1 / 3, men: 1, nonBinary: 1, genderNotDisclosed: 0 },
    });
    expect(rate(report, 'EDUCATION_OR_WORK_RATE')).toEqual({
      numerator: 4, denominator: 6, value: 4 / 6, byGender: { women: 2 / 3, men: 1, nonBinary: 1, genderNotDisclosed: 0 },
    });
  });

  it('takes last exits within the period, both ends inclusive; from null is since the start', () => {
    const exits = ['2023-12-31', '2024-01-01', '2024-06-30', '2024-07-01'].map((on) =>
      outcomeOf(enrolment('2023-06-01'), exited(on, 'completed', 'employed')));
    const bounded = reportOn(exits, { from: '2024-01-01', to: '2024-06-30' });
    expect(line(bounded, 'EECR04')).toEqual([2, 2, 0, 0, 0, 0]);
    expect(rate(bounded, 'COMPLETION_RATE')).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
    const sinceStart = reportOn(exits, { from: null, to: '2024-06-30' });
    expect(line(sinceStart, 'EECR04')).toEqual([3, 3, 0, 0, 0, 0]);
    // Enrolled before the bounded period: results count where the exit falls, outputs where the entry falls.
    expect(line(bounded, 'EECO01')).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('computeIndicatorReport: six months after leaving (EECR05-06)', () => {
  const to = '2025-06-30';
  const employed = { labourMarketStatus: 'employed' } as const;
  const report = reportOn([
    outcomeOf(enrolment('2024-01-15', { gender: 'woman', ...employed }), exited('2024-06-01'), followUp('2024-12-01', 'employed', true)),
    outcomeOf(enrolment('2024-01-15', { gender: 'man', labourMarketStatus: 'self-employed' }), exited('2024-06-01'),
      followUp('2024-12-01', 'self-employed', false)),
    // employed at entry, inactive at the follow-up: no improvement is possible without work, so a known "no"
    outcomeOf(enrolment('2024-01-15', { gender: 'woman', ...employed }), exited('2024-06-01'), followUp('2024-12-01', 'inactive', null)),
    // unemployed at entry; six-month point 2025-06-30, the last day of the period, and no follow-up: missing in EECR05
    outcomeOf(enrolment('2024-01-15', { gender: 'non-binary' }), exited('2024-12-30')),
    // six-month point 2025-07-01, after the period, no follow-up: neither counted nor missing
    outcomeOf(enrolment('2024-01-15', { gender: 'woman', ...employed }), exited('2025-01-01')),
    // six-month point after the period, but a follow-up already recorded: counted
    outcomeOf(enrolment('2024-01-15', { gender: null, ...employed }), exited('2025-01-01'), followUp('2025-06-20', 'employed', true)),
    // unemployed at entry, employed and "improved" at the follow-up: EECR05, but outside EECR06
    outcomeOf(enrolment('2024-01-15', { gender: 'woman' }), exited('2024-06-01'), followUp('2024-12-01', 'employed', true)),
    // employed at entry and at the follow-up, which does not say whether the job improved: missing in EECR06
    outcomeOf(enrolment('2024-01-15', { gender: 'man', ...employed }), exited('2024-06-01'), followUp('2024-12-01', 'employed', null)),
    // employed at entry, follow-up due and not recorded: missing in both
    outcomeOf(enrolment('2024-01-15', { gender: 'woman', ...employed }), exited('2024-06-01')),
  ], { from: null, to });

  it('counts employment at the follow-up; a follow-up due by the end of the period but missing is data missing', () => {
    expect(line(report, 'EECR05')).toEqual([5, 2, 2, 0, 1, 2]);
  });

  it('counts an improved situation only among those employed at entry; a follow-up that did not say is missing', () => {
    expect(line(report, 'EECR06')).toEqual([2, 1, 0, 0, 1, 2]);
  });
});
