import { knownAt } from './participant-facts';
import { deriveOutcome } from './derive-outcome';
import {
  educationEntered, enrolment, exited, followUp, jobSearchStarted, outcomeOf, placed, qualificationGained,
  reEntered, schoolCompleted,
} from './testing/facts';

const NO_RESULTS = {
  lastExitOn: null, exitReason: null, exitSituation: null, leavingJobSearching: null, leavingInEducation: null,
  leavingEmployed: null, leavingQualified: null, sixMonthPointOn: null, followUpSituation: null, followUpImproved: null,
};

describe('deriveOutcome', () => {
  it('keeps the entry profile of the first enrolment, with the age in full years on that day', () => {
    const enrolled = enrolment('2024-03-10', { birthDate: '2006-03-11', gender: 'man', educationLevel: null });
    expect(outcomeOf(enrolled)).toMatchObject({
      firstEnrolledOn: '2024-03-10', lastEntryOn: '2024-03-10', status: 'active', ageAtEntry: 17, gender: 'man',
      educationLevel: null, schoolCompleted: false, firstPlacementOn: null, daysToFirstPlacement: null, ...NO_RESULTS,
    });
    expect(outcomeOf(enrolment('2024-03-10', { birthDate: '2006-03-10' })).ageAtEntry).toBe(18);
    expect(outcomeOf(enrolment('2024-03-10', { birthDate: null })).ageAtEntry).toBeNull();
  });

  it('takes a birth date recorded before implausible ones were refused as an unknown age, not as 55 and above', () => {
    expect(outcomeOf(enrolment('2024-03-10', { birthDate: '0000-01-01' })).ageAtEntry).toBeNull();
    expect(outcomeOf(enrolment('2024-03-10', { birthDate: '1899-12-31' })).ageAtEntry).toBeNull();
    expect(outcomeOf(enrolment('2024-03-10', { birthDate: '1903-03-10' })).ageAtEntry).toBeNull(); // 121 at entry
    expect(outcomeOf(enrolment('2024-03-10', { birthDate: '1904-03-10' })).ageAtEntry).toBe(120);
  });

  it('gives results upon leaving from the exit and the six-month point', () => {
    const outcome = outcomeOf(enrolment('2024-01-15'), exited('2024-08-31', 'dropped-out', 'job-searching'));
    expect(outcome).toMatchObject({
      status: 'exited', lastExitOn: '2024-08-31', exitReason: 'dropped-out', exitSituation: 'job-searching',
      leavingJobSearching: true, leavingInEducation: false, leavingEmployed: false, leavingQualified: false,
      sixMonthPointOn: '2025-02-28', followUpSituation: null, followUpImproved: null,
    });
  });

  it('has no results after a re-entry, and results follow the last exit once exited again', () => {
    const enrolled = enrolment('2024-01-15', { birthDate: '2000-06-15' });
    const firstStay = [
      exited('2024-03-01', 'completed', 'employed'),
      placed('2024-03-10'),
      followUp('2024-03-20', 'employed', true, 6),
      reEntered('2024-04-02'),
    ];
    expect(outcomeOf(enrolled, ...firstStay)).toMatchObject({
      status: 'active', firstEnrolledOn: '2024-01-15', lastEntryOn: '2024-04-02', ageAtEntry: 23, ...NO_RESULTS,
    });

    const again = outcomeOf(enrolled, ...firstStay, exited('2024-09-30', 'dropped-out', 'inactive'));
    expect(again).toMatchObject({
      status: 'exited', lastEntryOn: '2024-04-02', lastExitOn: '2024-09-30', exitReason: 'dropped-out',
      exitSituation: 'inactive', leavingEmployed: false, sixMonthPointOn: '2025-03-30',
      // The follow-up belonged to the first exit.
      followUpSituation: null, followUpImproved: null,
      // The first placement is counted from the first enrolment whatever happened after it.
      firstPlacementOn: '2024-03-10', daysToFirstPlacement: 55,
    });
  });

  it('derives the same outcome whatever order the facts are given in (log position decides)', () => {
    const enrolled = enrolment('2024-01-15');
    const facts = [exited('2024-03-01'), reEntered('2024-04-01'), exited('2024-05-01', 'other', 'inactive')];
    expect(deriveOutcome(enrolled, [...facts].reverse())).toEqual(deriveOutcome(enrolled, facts));
    expect(deriveOutcome(enrolled, [...facts].reverse()).lastExitOn).toBe('2024-05-01');
  });

  it.each([
    ['a job placement', placed, 'leavingEmployed'],
    ['a job search', jobSearchStarted, 'leavingJobSearching'],
    ['education entered', educationEntered, 'leavingInEducation'],
  ] as const)('counts %s dated 28 days after the exit upon leaving, not one dated 29 days after', (_, fact, field) => {
    const enrolled = enrolment('2024-01-15');
    expect(outcomeOf(enrolled, exited('2024-06-01'), fact('2024-06-29'))[field]).toBe(true);
    // The exit said "unknown" and nothing else falls in the window: nothing is known.
    expect(outcomeOf(enrolled, exited('2024-06-01'), fact('2024-06-30'))[field]).toBeNull();
    expect(outcomeOf(enrolled, exited('2024-06-01', 'completed', 'inactive'), fact('2024-06-30'))[field]).toBe(false);
  });

  it('counts a qualification or school completion from first enrolment to 28 days after the last exit', () => {
    const enrolled = enrolment('2024-01-15');
    expect(outcomeOf(enrolled, schoolCompleted('2024-02-01'), exited('2024-06-01')).leavingQualified).toBe(true);
    expect(outcomeOf(enrolled, exited('2024-06-01'), qualificationGained('2024-06-29')).leavingQualified).toBe(true);
    expect(outcomeOf(enrolled, exited('2024-06-01'), qualificationGained('2024-06-30')).leavingQualified).toBe(false);
    expect(outcomeOf(enrolled, schoolCompleted('2024-02-01')).schoolCompleted).toBe(true);
  });

  it('takes the latest six-month follow-up recorded after the last exit, ignoring other follow-ups', () => {
    const enrolled = enrolment('2024-01-15');
    const exit = exited('2024-06-01');
    expect(outcomeOf(enrolled, exit, followUp('2024-09-01', 'employed', true, 3))).toMatchObject({
      followUpSituation: null, followUpImproved: null,
    });
    expect(outcomeOf(enrolled, exit, followUp('2024-12-01', 'employed', true), followUp('2024-12-05', 'inactive', null)))
      .toMatchObject({ followUpSituation: 'inactive', followUpImproved: null });
  });
});

describe('knownAt, then deriveOutcome', () => {
  const K = '2024-07-01T00:00:00.000Z';

  it('leaves out facts recorded after K, keeping one recorded exactly at K', () => {
    const facts = [
      exited('2024-06-01', 'completed', 'unknown', { recordedAt: K }),
      placed('2024-06-20', { recordedAt: '2024-07-01T00:00:00.001Z' }),
    ];
    expect(knownAt(facts, K).map((f) => f.type)).toEqual(['ParticipantExited']);
  });

  it('does not count a placement recorded after the as-known-on instant, though dated within 28 days of the exit', () => {
    const enrolled = enrolment('2024-01-15');
    const facts = [exited('2024-06-01'), placed('2024-06-20', { recordedAt: '2024-07-15T08:00:00.000Z' })];
    const asOf = (instant: string) => deriveOutcome(enrolled, knownAt(facts, instant));
    // The exit said "unknown": as of K nothing is known upon leaving.
    expect(asOf(K)).toMatchObject({ leavingEmployed: null, firstPlacementOn: null, daysToFirstPlacement: null });
    expect(asOf('2024-07-31T00:00:00.000Z')).toMatchObject({
      leavingEmployed: true, firstPlacementOn: '2024-06-20', daysToFirstPlacement: 157,
    });
  });

  it('applies a retraction only from the moment it was recorded: a retracted exit counts nowhere', () => {
    const enrolled = enrolment('2024-01-15');
    const facts = [exited('2024-06-01', 'dropped-out', 'job-searching', { retractedAt: '2024-06-05T10:00:00.000Z' })];
    expect(deriveOutcome(enrolled, knownAt(facts, '2024-06-05T09:59:59.999Z'))).toMatchObject({
      status: 'exited', lastExitOn: '2024-06-01', exitReason: 'dropped-out',
    });
    expect(deriveOutcome(enrolled, knownAt(facts, '2024-06-05T10:00:00.000Z'))).toMatchObject({
      status: 'active', ...NO_RESULTS,
    });
  });

  it('a retracted re-entry leaves the results of the exit before it', () => {
    const enrolled = enrolment('2024-01-15');
    const facts = [
      exited('2024-03-01', 'completed', 'employed'),
      reEntered('2024-04-01', { retractedAt: '2024-04-02T08:00:00.000Z' }),
    ];
    expect(deriveOutcome(enrolled, knownAt(facts, '2024-05-01T00:00:00.000Z'))).toMatchObject({
      status: 'exited', lastEntryOn: '2024-01-15', lastExitOn: '2024-03-01', leavingEmployed: true,
    });
  });
});
