import { CATALOGUE, INDICATORS, RATES } from './catalogue';
import { computeIndicatorReport } from './indicator-report';
import { enrolment, outcomeOf } from './testing/facts';
import { line, reportOn } from './testing/report';

// Lines read [total, women, men, nonBinary, genderNotDisclosed, dataMissing].
const enrolled = (on: string, profile: Parameters<typeof enrolment>[1] = {}) => outcomeOf(enrolment(on, profile));

describe('computeIndicatorReport: outputs, from the entry profile at first enrolment', () => {
  it('reports every catalogue entry once, in catalogue order', () => {
    const report = reportOn([]);
    expect(report.indicators.map((f) => f.code)).toEqual(INDICATORS.map((i) => i.code));
    expect(report.rates.map((f) => f.code)).toEqual(RATES.map((r) => r.code));
    expect(report.indicators.length + report.rates.length).toBe(CATALOGUE.length);
    expect(report.indicators[0]).toEqual({
      code: 'EECO01', name: 'Total number of participants',
      total: 0, women: 0, men: 0, nonBinary: 0, genderNotDisclosed: 0, dataMissing: 0,
    });
  });

  it('counts labour-market status by gender, never missing (EECO01-05)', () => {
    const report = reportOn([
      enrolled('2024-01-15', { gender: 'woman', labourMarketStatus: 'unemployed' }),
      enrolled('2024-01-15', { gender: 'man', labourMarketStatus: 'long-term-unemployed' }),
      enrolled('2024-01-15', { gender: 'non-binary', labourMarketStatus: 'inactive' }),
      enrolled('2024-01-15', { gender: null, labourMarketStatus: 'employed' }),
      enrolled('2024-01-15', { gender: 'woman', labourMarketStatus: 'self-employed' }),
    ]);
    expect(line(report, 'EECO01')).toEqual([5, 2, 1, 1, 1, 0]);
    expect(line(report, 'EECO02')).toEqual([2, 1, 1, 0, 0, 0]);
    expect(line(report, 'EECO03')).toEqual([1, 0, 1, 0, 0, 0]);
    expect(line(report, 'EECO04')).toEqual([1, 0, 0, 1, 0, 0]);
    expect(line(report, 'EECO05')).toEqual([2, 1, 0, 0, 1, 0]);
  });

  it('puts the age bands at 17/18, 29/30 and 54/55 in full years on the first enrolment; no birth date is missing', () => {
    const born = (birthDate: string | null) => enrolled('2024-03-10', { birthDate });
    const report = reportOn([
      born('2006-03-11'), // 17: turns 18 the day after enrolment
      born('2006-03-10'), // 18 on the day
      born('1994-03-11'), // 29
      born('1994-03-10'), // 30
      born('1969-03-11'), // 54
      born('1969-03-10'), // 55
      born(null),
    ]);
    expect(line(report, 'EECO01')).toEqual([7, 7, 0, 0, 0, 0]);
    expect(line(report, 'EECO06')).toEqual([1, 1, 0, 0, 0, 1]);
    expect(line(report, 'EECO07')).toEqual([2, 2, 0, 0, 0, 1]);
    expect(line(report, 'EECO08')).toEqual([1, 1, 0, 0, 0, 1]);
  });

  it('counts the education level at entry; not disclosed is missing in each ISCED line (EECO09-11)', () => {
    const report = reportOn([
      enrolled('2024-01-15', { educationLevel: 'isced-0-2', gender: 'woman' }),
      enrolled('2024-01-15', { educationLevel: 'isced-0-2', gender: 'man' }),
      enrolled('2024-01-15', { educationLevel: 'isced-3-4', gender: null }),
      enrolled('2024-01-15', { educationLevel: 'isced-5-8', gender: 'non-binary' }),
      enrolled('2024-01-15', { educationLevel: null }),
    ]);
    expect(line(report, 'EECO09')).toEqual([2, 1, 1, 0, 0, 1]);
    expect(line(report, 'EECO10')).toEqual([1, 0, 0, 0, 1, 1]);
    expect(line(report, 'EECO11')).toEqual([1, 0, 0, 1, 0, 1]);
  });

  const FLAGS = [
    ['EECO12', 'disability'], ['EECO13', 'thirdCountryNational'], ['EECO14', 'foreignBackground'],
    ['EECO15', 'minority'], ['EECO16', 'homeless'], ['EECO17', 'ruralArea'],
  ] as const;
  it.each(FLAGS)('%s counts a yes to %s; no does not count; not disclosed is missing', (code, flag) => {
    const report = reportOn([
      enrolled('2024-01-15', { [flag]: true, gender: 'man' }),
      enrolled('2024-01-15', { [flag]: false }),
      enrolled('2024-01-15', { [flag]: null }),
    ]);
    expect(line(report, code)).toEqual([1, 0, 1, 0, 0, 1]);
    for (const [other] of FLAGS.filter(([c]) => c !== code)) expect(line(report, other)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('takes first enrolments within the period, both ends inclusive; from null is since the start', () => {
    const outcomes = ['2023-12-31', '2024-01-01', '2024-06-30', '2024-07-01'].map((on) => enrolled(on));
    expect(line(reportOn(outcomes, { from: '2024-01-01', to: '2024-06-30' }), 'EECO01')).toEqual([2, 2, 0, 0, 0, 0]);
    expect(line(reportOn(outcomes, { from: null, to: '2024-06-30' }), 'EECO01')).toEqual([3, 3, 0, 0, 0, 0]);
  });

  it('refuses a period that ends before it starts, and a planned number that is not a count', () => {
    expect(() => computeIndicatorReport([], { from: '2024-07-01', to: '2024-06-30' }, 80)).toThrow(RangeError);
    expect(() => computeIndicatorReport([], { from: null, to: '2024-06-30' }, -1)).toThrow(RangeError);
    expect(() => computeIndicatorReport([], { from: null, to: '2024-06-30' }, 1.5)).toThrow(RangeError);
  });
});
