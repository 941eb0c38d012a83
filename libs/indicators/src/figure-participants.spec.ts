import { EntryProfile } from '@pathway/domain';
import { ReportPeriod } from './cohort';
import { deriveOutcome } from './derive-outcome';
import { computeIndicatorReport } from './indicator-report';
import { EnrolmentFact, MilestoneFact } from './participant-facts';
import { figuresOf, participantsInFigure } from './report-comparison';

const PERIOD: ReportPeriod = { from: null, to: '2025-12-31' };
const PROFILE: EntryProfile = {
  birthDate: '2000-06-15', gender: 'woman', labourMarketStatus: 'unemployed', inEducationOrTraining: false,
  educationLevel: 'isced-3-4', disability: false, thirdCountryNational: false, foreignBackground: false,
  minority: false, homeless: false, ruralArea: false,
};
let position = 0;
const enrolment = (id: string, profile: Partial<EntryProfile>): EnrolmentFact => ({
  participantId: id, projectId: 'S01', enrolledOn: '2025-01-10', profile: { ...PROFILE, ...profile }, recordedAt: '2025-01-10T12:00:00.000Z', position: ++position,
});
const exited = (id: string, occurredOn: string, situation: string): MilestoneFact => ({
  eventId: `e-${++position}`, participantId: id, projectId: 'S01', position, type: 'ParticipantExited', occurredOn,
  recordedAt: `${occurredOn}T12:00:00.000Z`, details: { reason: 'completed', situation }, retractedBy: null, retractedAt: null,
});

/**
 * Hand-computed: four participants. d-w1 a woman, unemployed, disability unknown (null), exited job
 * searching; d-w2 a woman, long-term unemployed, with a disability; d-m a man, inactive, no
 * disability, exited job searching; d-x gender not disclosed, unemployed, no disability.
 */
const OUTCOMES = [
  deriveOutcome(enrolment('d-w1', { disability: null }), [exited('d-w1', '2025-03-01', 'job-searching')]),
  deriveOutcome(enrolment('d-w2', { labourMarketStatus: 'long-term-unemployed', disability: true }), []),
  deriveOutcome(enrolment('d-m', { gender: 'man', labourMarketStatus: 'inactive' }), [exited('d-m', '2025-04-01', 'job-searching')]),
  deriveOutcome(enrolment('d-x', { gender: null }), []),
];

describe('the participants counted in a figure (drill-down)', () => {
  it('lists, by hand, who each cell counts and who it counts as data missing', () => {
    const list = (code: string, group: 'total' | 'women' | 'men' | 'genderNotDisclosed', measure: 'count' | 'dataMissing' = 'count') =>
      participantsInFigure(OUTCOMES, PERIOD, { code, group, measure });
    expect(list('EECO01', 'total')).toEqual(['d-m', 'd-w1', 'd-w2', 'd-x']);
    expect(list('EECO01', 'women')).toEqual(['d-w1', 'd-w2']);
    expect(list('EECO01', 'genderNotDisclosed')).toEqual(['d-x']);
    expect(list('EECO02', 'total')).toEqual(['d-w1', 'd-w2', 'd-x']);
    expect(list('EECO03', 'women')).toEqual(['d-w2']);
    expect(list('EECO04', 'men')).toEqual(['d-m']);
    expect(list('EECO12', 'total')).toEqual(['d-w2']);
    expect(list('EECO12', 'total', 'dataMissing')).toEqual(['d-w1']);
    expect(list('EECR01', 'total')).toEqual(['d-m', 'd-w1']);
    expect(list('EECR01', 'men')).toEqual(['d-m']);
  });

  it('has as many participants as the figure, for every cell of the report', () => {
    const report = computeIndicatorReport(OUTCOMES, PERIOD, 10);
    for (const f of figuresOf(report)) {
      const listed = participantsInFigure(OUTCOMES, PERIOD, f);
      if (typeof listed === 'string') {
        expect(`${f.code}/${f.measure}`).toMatch(/^(MEDIAN_DAYS_TO_PLACEMENT\/numerator|TARGET_ACHIEVEMENT\/denominator)$/);
        continue;
      }
      expect([f.code, f.group, f.measure, listed.length]).toEqual([f.code, f.group, f.measure, f.value]);
    }
  });

  it('refuses a figure the report has not, and names the two that no list can explain', () => {
    expect(() => participantsInFigure(OUTCOMES, PERIOD, { code: 'EECO99', group: 'total', measure: 'count' })).toThrow(RangeError);
    expect(() => participantsInFigure(OUTCOMES, PERIOD, { code: 'EECO01', group: 'women', measure: 'dataMissing' })).toThrow(RangeError);
    expect(participantsInFigure(OUTCOMES, PERIOD, { code: 'MEDIAN_DAYS_TO_PLACEMENT', group: 'total', measure: 'numerator' })).toBe('statistic');
    expect(participantsInFigure(OUTCOMES, PERIOD, { code: 'TARGET_ACHIEVEMENT', group: 'total', measure: 'denominator' })).toBe('plan');
  });
});
