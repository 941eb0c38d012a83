import fc from 'fast-check';
import { addDays, SITUATIONS } from '@pathway/domain';
import { deriveOutcome } from './derive-outcome';
import { knownAt } from './participant-facts';
import { settleSituationUponLeaving } from './situation-upon-leaving';
import {
  educationEntered, enrolment, exited, jobSearchStarted, outcomeOf, placed, qualificationGained, reEntered,
} from './testing/facts';
import { line, rate, reportOn } from './testing/report';

/** The settled situation upon leaving as [employed, in education, job searching]. */
const settled = (...args: Parameters<typeof outcomeOf>) => {
  const o = outcomeOf(...args);
  return [o.leavingEmployed, o.leavingInEducation, o.leavingJobSearching];
};
const NOTHING_KNOWN = [null, null, null];
const EMPLOYED = [true, false, false];
const IN_EDUCATION = [false, true, false];
const BOTH = [true, true, false];
const JOB_SEARCHING = [false, false, true];
const INACTIVE = [false, false, false];

// Every case exits on 2024-06-01; 28 days after is 2024-06-29.
const enrolled = () => enrolment('2024-01-15');

describe('the situation upon leaving: the three cases reported wrong (issue 9, item 2)', () => {
  // Lines read [total, women, men, nonBinary, genderNotDisclosed, dataMissing].
  const one = (...facts: Parameters<typeof outcomeOf>[1][]) => reportOn([outcomeOf(enrolled(), ...facts)]);

  it('(a) exit situation unknown, job placement 10 days after: EECR04 1, EECR01 0, EECR02 0, nothing missing', () => {
    const report = one(exited('2024-06-01', 'completed', 'unknown'), placed('2024-06-11'));
    expect(line(report, 'EECR04')).toEqual([1, 1, 0, 0, 0, 0]);
    expect(line(report, 'EECR01')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(line(report, 'EECR02')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(rate(report, 'PLACEMENT_RATE')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });

  it('(b) exit situation job searching, job placement 10 days after: EECR04 only', () => {
    const report = one(exited('2024-06-01', 'completed', 'job-searching'), placed('2024-06-11'));
    expect(line(report, 'EECR04')).toEqual([1, 1, 0, 0, 0, 0]);
    expect(line(report, 'EECR01')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(line(report, 'EECR02')).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('(c) job placement 5 days before an exit with situation unknown: EECR04 1, placement rate 1', () => {
    const report = one(placed('2024-05-27'), exited('2024-06-01', 'completed', 'unknown'));
    expect(line(report, 'EECR04')).toEqual([1, 1, 0, 0, 0, 0]);
    expect(line(report, 'EECR01')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(line(report, 'EECR02')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(rate(report, 'PLACEMENT_RATE')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(rate(report, 'EDUCATION_OR_WORK_RATE')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });
});

describe('the situation upon leaving: one settled situation per leaver', () => {
  it('takes the exit\'s stated situation when nothing else is known', () => {
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'employed'))).toEqual(EMPLOYED);
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'self-employed'))).toEqual(EMPLOYED);
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'in-education-or-training'))).toEqual(IN_EDUCATION);
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'job-searching'))).toEqual(JOB_SEARCHING);
    // Inactive is known: not in any of the three, and not missing either.
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'inactive'))).toEqual(INACTIVE);
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'unknown'))).toEqual(NOTHING_KNOWN);
  });

  it.each([
    ['a job placement', placed, EMPLOYED],
    ['education entered', educationEntered, IN_EDUCATION],
    ['a job search started', jobSearchStarted, JOB_SEARCHING],
  ] as const)('counts %s dated 28 days after the exit, but not one dated 29 days after', (_, fact, expected) => {
    expect(settled(enrolled(), exited('2024-06-01'), fact('2024-06-29'))).toEqual(expected);
    expect(settled(enrolled(), exited('2024-06-01'), fact('2024-06-30'))).toEqual(NOTHING_KNOWN);
    // Too late to settle anything, so the exit's own statement stands.
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'inactive'), fact('2024-06-30'))).toEqual(INACTIVE);
  });

  it('counts outcomes dated from the last entry, before the exit too', () => {
    expect(settled(enrolled(), educationEntered('2024-03-01'), exited('2024-06-01'))).toEqual(IN_EDUCATION);
    expect(settled(enrolled(), placed('2024-01-15'), exited('2024-06-01'))).toEqual(EMPLOYED);
  });

  it('starts the window again at a re-entry: what happened in an earlier stay does not settle the last leaving', () => {
    const firstStay = [placed('2024-02-01'), exited('2024-02-10', 'completed', 'employed'), reEntered('2024-03-01')];
    expect(settled(enrolled(), ...firstStay, exited('2024-06-01'))).toEqual(NOTHING_KNOWN);
    expect(settled(enrolled(), ...firstStay, exited('2024-06-01', 'dropped-out', 'job-searching'))).toEqual(JOB_SEARCHING);
    // The re-entry day itself belongs to the new stay.
    expect(settled(enrolled(), ...firstStay, educationEntered('2024-03-01'), exited('2024-06-01'))).toEqual(IN_EDUCATION);
    expect(settled(enrolled(), ...firstStay, educationEntered('2024-02-29'), exited('2024-06-01'))).toEqual(NOTHING_KNOWN);
  });

  it('lets only the last exit speak, even when an earlier one is dated on the re-entry day', () => {
    const facts = [exited('2024-03-01', 'completed', 'employed'), reEntered('2024-03-01'), exited('2024-06-01')];
    expect(settled(enrolled(), ...facts)).toEqual(NOTHING_KNOWN);
  });

  it('holds employment and education both, whichever came first', () => {
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'in-education-or-training'), placed('2024-06-11')))
      .toEqual(BOTH);
    expect(settled(enrolled(), placed('2024-05-20'), exited('2024-06-01'), educationEntered('2024-06-20'))).toEqual(BOTH);
    expect(settled(enrolled(), educationEntered('2024-05-20'), exited('2024-06-01', 'completed', 'employed'))).toEqual(BOTH);
  });

  it('lets the latest-dated known situation win: a later job search or inactivity ends a job or studies', () => {
    // A job search started after a placement: the job did not last.
    expect(settled(enrolled(), exited('2024-06-01'), placed('2024-06-04'), jobSearchStarted('2024-06-16')))
      .toEqual(JOB_SEARCHING);
    expect(settled(enrolled(), exited('2024-06-01', 'completed', 'employed'), jobSearchStarted('2024-06-10')))
      .toEqual(JOB_SEARCHING);
    expect(settled(enrolled(), placed('2024-05-20'), educationEntered('2024-05-25'), exited('2024-06-01', 'moved', 'inactive')))
      .toEqual(INACTIVE);
    // ...and a later job or studies end a job search.
    expect(settled(enrolled(), jobSearchStarted('2024-05-01'), exited('2024-06-01', 'completed', 'job-searching'),
      educationEntered('2024-06-05'))).toEqual(IN_EDUCATION);
    expect(settled(enrolled(), jobSearchStarted('2024-06-04'), placed('2024-06-16'), exited('2024-06-01')))
      .toEqual(EMPLOYED);
  });

  it('settles one date the same whatever order it was recorded in: work and studies outrank a job search', () => {
    const enrolledOnce = enrolled();
    const sameDay = [exited('2024-06-01', 'completed', 'job-searching'), placed('2024-06-01'), jobSearchStarted('2024-06-01')];
    expect(settled(enrolledOnce, ...sameDay)).toEqual(EMPLOYED);
    expect(deriveOutcome(enrolledOnce, [...sameDay].reverse())).toEqual(outcomeOf(enrolledOnce, ...sameDay));
    expect(settled(enrolled(), placed('2024-06-10'), educationEntered('2024-06-10'), jobSearchStarted('2024-06-10'), exited('2024-06-01')))
      .toEqual(BOTH);
    // A job search outranks inactivity on the same date.
    expect(settled(enrolled(), exited('2024-06-01', 'moved', 'inactive'), jobSearchStarted('2024-06-01'))).toEqual(JOB_SEARCHING);
  });

  it('forgets a retracted placement from the moment of the retraction', () => {
    const enrolledOnce = enrolment('2024-01-15');
    const retracted = { retractedAt: '2024-06-20T08:00:00.000Z' };
    const unknownExit = [exited('2024-06-01'), placed('2024-06-11', retracted)];
    const searchingExit = [exited('2024-06-01', 'completed', 'job-searching'), placed('2024-06-11', retracted)];
    const asOf = (facts: typeof unknownExit, instant: string) => {
      const o = deriveOutcome(enrolledOnce, knownAt(facts, instant));
      return [o.leavingEmployed, o.leavingInEducation, o.leavingJobSearching];
    };
    expect(asOf(unknownExit, '2024-06-19T00:00:00.000Z')).toEqual(EMPLOYED);
    expect(asOf(unknownExit, '2024-06-20T08:00:00.000Z')).toEqual(NOTHING_KNOWN);
    expect(asOf(searchingExit, '2024-06-19T00:00:00.000Z')).toEqual(EMPLOYED);
    expect(asOf(searchingExit, '2024-06-20T08:00:00.000Z')).toEqual(JOB_SEARCHING);
  });
});

describe('a qualification gained upon leaving (EECR03)', () => {
  it('counts one from first enrolment to 28 days after the last exit, through a re-entry', () => {
    const firstStay = [qualificationGained('2024-02-01'), exited('2024-02-10'), reEntered('2024-03-01')];
    expect(outcomeOf(enrolled(), ...firstStay, exited('2024-06-01')).leavingQualified).toBe(true);
    expect(outcomeOf(enrolled(), exited('2024-06-01'), qualificationGained('2024-06-29')).leavingQualified).toBe(true);
    expect(outcomeOf(enrolled(), exited('2024-06-01'), qualificationGained('2024-06-30')).leavingQualified).toBe(false);
  });

  it('is never data missing, and does not settle the situation', () => {
    const o = outcomeOf(enrolled(), qualificationGained('2024-05-01'), exited('2024-06-01'));
    expect([o.leavingQualified, o.leavingEmployed, o.leavingInEducation, o.leavingJobSearching]).toEqual([true, null, null, null]);
    expect(outcomeOf(enrolled(), exited('2024-06-01')).leavingQualified).toBe(false);
  });
});

describe('settleSituationUponLeaving, over any milestones (property-based)', () => {
  const STATEMENT_TYPES = ['JobPlaced', 'EducationEntered', 'JobSearchStarted'] as const;
  const window = { from: '2024-01-15', to: '2024-06-29' };
  const exitOn = '2024-06-01';
  const build = { JobPlaced: placed, EducationEntered: educationEntered, JobSearchStarted: jobSearchStarted };
  const anyFacts = fc.array(
    fc.record({
      type: fc.constantFrom(...STATEMENT_TYPES, 'QualificationGained' as const),
      // From well before the last entry to well after the window.
      day: fc.integer({ min: -160, max: 60 }),
    }),
    { maxLength: 8 },
  );
  const factsOf = (drawn: Array<{ type: (typeof STATEMENT_TYPES)[number] | 'QualificationGained'; day: number }>) =>
    drawn.map(({ type, day }) => (type === 'QualificationGained' ? qualificationGained : build[type])(addDays(exitOn, day)));

  it('is all null exactly when nothing is known, never both job searching and working or studying, '
    + 'and the same whatever order the milestones were recorded in', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SITUATIONS), anyFacts, fc.integer(), (situation, drawn, seed) => {
        const exit = exited(exitOn, 'completed', situation);
        const facts = factsOf(drawn);
        const settledNow = settleSituationUponLeaving(exit, facts, window);
        const values = Object.values(settledNow);
        const stated = facts.some((f) => f.type !== 'QualificationGained' && f.occurredOn >= window.from && f.occurredOn <= window.to);
        expect(values.every((v) => v === null)).toBe(situation === 'unknown' && !stated);
        expect(values.some((v) => v === null)).toBe(values.every((v) => v === null));
        if (settledNow.jobSearching) expect([settledNow.employed, settledNow.inEducation]).toEqual([false, false]);
        const shuffled = [...facts].sort((a, b) => ((a.position * 7919 + seed) % 101) - ((b.position * 7919 + seed) % 101));
        expect(settleSituationUponLeaving(exit, shuffled, window)).toEqual(settledNow);
      }),
      { numRuns: 2000 },
    );
  });

  it('lets the latest-dated statement decide: a job or studies on it hold, else it is job searching or neither', () => {
    fc.assert(
      fc.property(anyFacts, (drawn) => {
        const facts = factsOf(drawn).filter((f) => f.type !== 'QualificationGained' && f.occurredOn >= window.from && f.occurredOn <= window.to);
        if (facts.length === 0) return;
        const latest = facts.reduce((max, f) => (f.occurredOn > max ? f.occurredOn : max), '');
        const onLatest = new Set(facts.filter((f) => f.occurredOn === latest).map((f) => f.type));
        const settledNow = settleSituationUponLeaving(exited(exitOn), facts, window);
        if (onLatest.has('JobPlaced')) expect(settledNow.employed).toBe(true);
        if (onLatest.has('EducationEntered')) expect(settledNow.inEducation).toBe(true);
        const workOrStudies = onLatest.has('JobPlaced') || onLatest.has('EducationEntered');
        expect(settledNow.jobSearching).toBe(!workOrStudies);
      }),
      { numRuns: 2000 },
    );
  });
});
