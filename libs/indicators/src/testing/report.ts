import { ReportPeriod } from '../cohort';
import { computeIndicatorReport, IndicatorReport, RateFigure } from '../indicator-report';
import { ParticipantOutcome } from '../participant-outcome';

/** Project-long figures up to the end of 2025, for the 80 participants #framtid planned. */
export const WHOLE_PROJECT: ReportPeriod = { from: null, to: '2025-12-31' };

export function reportOn(outcomes: ParticipantOutcome[], period = WHOLE_PROJECT, planned = 80): IndicatorReport {
  return computeIndicatorReport(outcomes, period, planned);
}

/** An indicator's line as [total, women, men, nonBinary, genderNotDisclosed, dataMissing]. */
export function line(report: IndicatorReport, code: string): number[] {
  const f = report.indicators.find((figure) => figure.code === code);
  if (!f) throw new Error(`No indicator ${code} in the report`);
  return [f.total, f.women, f.men, f.nonBinary, f.genderNotDisclosed, f.dataMissing];
}

export function rate(report: IndicatorReport, code: string): Omit<RateFigure, 'code' | 'name' | 'byGenderMeasures'> {
  const f = report.rates.find((figure) => figure.code === code);
  if (!f) throw new Error(`No rate ${code} in the report`);
  const { numerator, denominator, value, byGender } = f;
  return { numerator, denominator, value, byGender };
}
