import fc from 'fast-check';
import { EntryProfile, IsoDate } from '@pathway/domain';
import { ReportPeriod } from './cohort';
import { deriveOutcome } from './derive-outcome';
import { computeIndicatorReport } from './indicator-report';
import { EnrolmentFact, knownAt, MilestoneFact } from './participant-facts';
import { ParticipantOutcome } from './participant-outcome';
import { compareIndicatorReports, FigureChange, figureId, figuresOf } from './report-comparison';

const PERIOD: ReportPeriod = { from: null, to: '2025-12-31' };
const A = '2025-04-01T00:00:00.000Z';
const B = '2025-05-01T00:00:00.000Z';

const PROFILE: EntryProfile = {
  birthDate: '2000-06-15', gender: 'woman', labourMarketStatus: 'unemployed', inEducationOrTraining: false,
  educationLevel: 'isced-3-4', disability: false, thirdCountryNational: false, foreignBackground: false,
  minority: false, homeless: false, ruralArea: false,
};

/** A participant's history: their enrolment and timeline facts, each with its recording instant. */
interface History {
  enrolment: EnrolmentFact;
  facts: MilestoneFact[];
}

let position = 0;
const person = (id: string, profile: Partial<EntryProfile> = {}, recordedAt = '2025-01-10T12:00:00.000Z', enrolledOn: IsoDate = '2025-01-10'): History => ({
  enrolment: { participantId: id, projectId: 'S01', enrolledOn, profile: { ...PROFILE, ...profile }, recordedAt, position: ++position },
  facts: [],
});
const fact = (h: History, type: MilestoneFact['type'], occurredOn: IsoDate, details: Record<string, unknown>, recordedAt = `${occurredOn}T12:00:00.000Z`, retractedAt: string | null = null): History => {
  position += 1;
  h.facts.push({
    eventId: `e-${position}`, participantId: h.enrolment.participantId, projectId: 'S01', position, type, occurredOn, recordedAt, details,
    retractedBy: retractedAt === null ? null : `r-${position}`, retractedAt,
  });
  return h;
};

/** The outcomes as known on `instant`: the report's own rule (recorded by then, not retracted by then). */
const outcomesOn = (histories: History[], instant: string): ParticipantOutcome[] =>
  histories.filter((h) => h.enrolment.recordedAt <= instant).map((h) => deriveOutcome(h.enrolment, knownAt(h.facts, instant)));

const compare = (histories: History[], planned = 10) =>
  compareIndicatorReports({ outcomes: outcomesOn(histories, A), plannedParticipants: planned }, { outcomes: outcomesOn(histories, B), plannedParticipants: planned }, PERIOD);

const changeOf = (changes: FigureChange[], id: string) => {
  const found = changes.find((c) => figureId(c) === id);
  return found && { a: found.a, b: found.b, participantIds: found.participantIds };
};

describe('comparing a report as known on two instants', () => {
  it('explains a late-recorded exit by that participant alone, in the results and rates it enters', () => {
    const late = fact(person('p-late'), 'ParticipantExited', '2025-03-01', { reason: 'completed', situation: 'employed' }, '2025-04-15T09:00:00.000Z');
    const known = fact(person('p-known', { gender: 'man' }), 'ParticipantExited', '2025-02-01', { reason: 'dropped-out', situation: 'unknown' });
    const { changes, changedParticipantIds } = compare([late, known]);

    expect(changedParticipantIds).toEqual(['p-late']);
    // Exited: one man at A; a woman who completed joins at B.
    expect(changeOf(changes, 'COMPLETION_RATE/total/numerator')).toEqual({ a: 0, b: 1, participantIds: ['p-late'] });
    expect(changeOf(changes, 'COMPLETION_RATE/total/denominator')).toEqual({ a: 1, b: 2, participantIds: ['p-late'] });
    expect(changeOf(changes, 'COMPLETION_RATE/women/denominator')).toEqual({ a: 0, b: 1, participantIds: ['p-late'] });
    expect(changeOf(changes, 'EECR04/total/count')).toEqual({ a: 0, b: 1, participantIds: ['p-late'] });
    expect(changeOf(changes, 'EECR04/women/count')).toEqual({ a: 0, b: 1, participantIds: ['p-late'] });
    // Unchanged figures are not listed: the drop-out stays one; the men's cells and the outputs stay as they were.
    expect(changeOf(changes, 'DROP_OUT_RATE/total/numerator')).toBeUndefined();
    expect(changeOf(changes, 'COMPLETION_RATE/men/denominator')).toBeUndefined();
    expect(changeOf(changes, 'EECO01/total/count')).toBeUndefined();
    expect(changes.every((c) => c.participantIds.length === 1 && c.projectChange === null)).toBe(true);
  });

  it('explains a retracted placement: the median of days to placement and its count fall back', () => {
    const retracted = fact(person('p-retracted'), 'JobPlaced', '2025-02-01', { employment: 'employee', contract: 'permanent', hoursPerWeek: 40 }, undefined, '2025-04-20T08:00:00.000Z');
    const kept = fact(person('p-kept', {}, '2025-01-10T12:00:00.000Z', '2025-01-10'), 'JobPlaced', '2025-03-11', { employment: 'employee', contract: 'permanent', hoursPerWeek: 40 });
    const { changes } = compare([retracted, kept]);
    // A: placed after 22 and 60 days, median 41 over 2; B: 60 over 1.
    expect(changeOf(changes, 'MEDIAN_DAYS_TO_PLACEMENT/total/numerator')).toEqual({ a: 41, b: 60, participantIds: ['p-retracted'] });
    expect(changeOf(changes, 'MEDIAN_DAYS_TO_PLACEMENT/total/denominator')).toEqual({ a: 2, b: 1, participantIds: ['p-retracted'] });
    expect(changes.flatMap((c) => c.participantIds)).not.toContain('p-kept');
  });

  it('explains a gender correction in the two cells it moves between, not in the total', () => {
    const corrected = fact(person('p-corrected'), 'EntryProfileCorrected', '2025-04-10', { corrected: { gender: 'man' } });
    const other = person('p-other', { gender: 'non-binary' });
    const { changes } = compare([corrected, other]);
    expect(changeOf(changes, 'EECO01/women/count')).toEqual({ a: 1, b: 0, participantIds: ['p-corrected'] });
    expect(changeOf(changes, 'EECO01/men/count')).toEqual({ a: 0, b: 1, participantIds: ['p-corrected'] });
    expect(changeOf(changes, 'EECO01/total/count')).toBeUndefined();
    expect(changeOf(changes, 'TARGET_ACHIEVEMENT/men/numerator')).toEqual({ a: 0, b: 1, participantIds: ['p-corrected'] });
  });

  it('explains a withdrawal and a new enrolment that cancel out in the total by neither (the total did not change)', () => {
    const withdrawn = fact(person('p-withdrawn'), 'EnrolmentWithdrawn', '2025-04-10', { ground: 'enrolled-in-error', duplicateOf: null });
    const newcomer = person('p-new', { gender: 'man' }, '2025-04-11T12:00:00.000Z', '2025-04-11');
    const { changes, changedParticipantIds } = compare([withdrawn, newcomer]);
    expect(changedParticipantIds).toEqual(['p-new', 'p-withdrawn']);
    expect(changeOf(changes, 'EECO01/total/count')).toBeUndefined();
    expect(changeOf(changes, 'EECO01/women/count')).toEqual({ a: 1, b: 0, participantIds: ['p-withdrawn'] });
    expect(changeOf(changes, 'EECO01/men/count')).toEqual({ a: 0, b: 1, participantIds: ['p-new'] });
  });

  it('names a different plan as a change of the project, explained by no participant', () => {
    const h = [person('p-1')];
    const { changes } = compareIndicatorReports({ outcomes: outcomesOn(h, A), plannedParticipants: 10 }, { outcomes: outcomesOn(h, B), plannedParticipants: 20 }, PERIOD);
    // Each gender group is measured against the whole plan too.
    expect(changes).toEqual(['total', 'women', 'men', 'nonBinary', 'genderNotDisclosed'].map((group) =>
      expect.objectContaining({ code: 'TARGET_ACHIEVEMENT', group, measure: 'denominator', a: 10, b: 20, participantIds: [], projectChange: 'planned-participants' })));
  });

  it('is exact on generated pathways: B with the listed participants as in A gives A, and no one else matters', () => {
    const day = (n: number): IsoDate => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
    const instant = (n: number) => `${day(n)}T12:00:00.000Z`;
    const SITUATIONS = ['employed', 'self-employed', 'in-education', 'job-searching', 'inactive', 'unknown'] as const;
    const milestone = fc.record({
      kind: fc.constantFrom('exit', 'reentry', 'placed', 'school', 'followup', 'gender', 'withdraw', 'education'),
      on: fc.integer({ min: 0, max: 300 }),
      recordedAfter: fc.integer({ min: 0, max: 200 }),
      retractedAfter: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      reason: fc.constantFrom('completed', 'dropped-out', 'other'),
      situation: fc.constantFrom(...SITUATIONS),
      gender: fc.constantFrom('woman', 'man', 'non-binary', null),
      improved: fc.option(fc.boolean(), { nil: null }),
    });
    const pathway = fc.record({
      enrolledOn: fc.integer({ min: 0, max: 200 }),
      recordedAfter: fc.integer({ min: 0, max: 100 }),
      gender: fc.constantFrom('woman', 'man', 'non-binary', null),
      status: fc.constantFrom('employed', 'unemployed', 'inactive'),
      education: fc.constantFrom('isced-0-2', 'isced-3-4', null),
      milestones: fc.array(milestone, { maxLength: 5 }),
    });
    const arbitrary = fc.record({ pathways: fc.array(pathway, { maxLength: 8 }), a: fc.integer({ min: 0, max: 400 }), span: fc.integer({ min: 1, max: 200 }), to: fc.integer({ min: 30, max: 500 }) });

    fc.assert(
      fc.property(arbitrary, ({ pathways, a, span, to }) => {
        const histories = pathways.map((p, i) => {
          const h = person(`p-${i}`, { gender: p.gender as EntryProfile['gender'], labourMarketStatus: p.status as EntryProfile['labourMarketStatus'], educationLevel: p.education as EntryProfile['educationLevel'] }, instant(p.enrolledOn + p.recordedAfter), day(p.enrolledOn));
          for (const m of p.milestones) {
            const on = day(p.enrolledOn + m.on);
            const recorded = instant(p.enrolledOn + m.on + m.recordedAfter);
            const retracted = m.retractedAfter === null ? null : instant(p.enrolledOn + m.on + m.recordedAfter + m.retractedAfter);
            const details: Record<string, unknown> = {
              exit: { reason: m.reason, situation: m.situation },
              reentry: {},
              placed: { employment: 'employee', contract: 'permanent', hoursPerWeek: 40 },
              school: { level: 'compulsory', fullGrades: true },
              followup: { monthsAfterExit: 6, situation: m.situation, improvedSituation: m.improved },
              gender: { corrected: { gender: m.gender } },
              withdraw: { ground: 'enrolled-in-error', duplicateOf: null },
              education: { programme: 'vocational' },
            }[m.kind]!;
            const type = ({ exit: 'ParticipantExited', reentry: 'ParticipantReEntered', placed: 'JobPlaced', school: 'SchoolCompleted', followup: 'FollowUpRecorded', gender: 'EntryProfileCorrected', withdraw: 'EnrolmentWithdrawn', education: 'EducationEntered' } as const)[m.kind];
            fact(h, type, on, details, recorded, retracted);
          }
          return h;
        });
        const [cutA, cutB] = [instant(a), instant(a + span)];
        const period: ReportPeriod = { from: null, to: day(to) };
        const before = outcomesOn(histories, cutA);
        const after = outcomesOn(histories, cutB);
        const { changes, changedParticipantIds } = compareIndicatorReports({ outcomes: before, plannedParticipants: 5 }, { outcomes: after, plannedParticipants: 5 }, period);
        const beforeOf = new Map(before.map((o) => [o.participantId, o]));
        const figureIn = (outcomes: ParticipantOutcome[], id: string) => figuresOf(computeIndicatorReport(outcomes, period, 5)).find((f) => figureId(f) === id)!.value;
        /** B with `ids` as they stood in A: their events recorded in (A, B] left out. */
        const withoutEventsBetween = (ids: Set<string>) =>
          after.flatMap((o) => (ids.has(o.participantId) ? (beforeOf.has(o.participantId) ? [beforeOf.get(o.participantId)!] : []) : [o]));

        for (const change of changes) {
          const id = figureId(change);
          expect(figureIn(after, id)).toBe(change.b);
          expect(figureIn(withoutEventsBetween(new Set(change.participantIds)), id)).toBe(change.a);
          // Every listed participant has events recorded between the instants.
          for (const p of change.participantIds) {
            const h = histories.find((x) => x.enrolment.participantId === p)!;
            const between = (t: string | null) => t !== null && t > cutA && t <= cutB;
            expect(between(h.enrolment.recordedAt) || h.facts.some((f) => between(f.recordedAt) || between(f.retractedAt))).toBe(true);
          }
          // A changed participant not listed for this figure leaves it as it is when put back to A.
          for (const p of changedParticipantIds.filter((x) => !change.participantIds.includes(x))) {
            expect(figureIn(withoutEventsBetween(new Set([p])), id)).toBe(change.b);
          }
        }
        // Figures not listed are the same.
        const listed = new Set(changes.map(figureId));
        const figuresA = figuresOf(computeIndicatorReport(before, period, 5));
        for (const f of figuresOf(computeIndicatorReport(after, period, 5))) {
          if (!listed.has(figureId(f))) expect(figuresA.find((x) => figureId(x) === figureId(f))!.value).toBe(f.value);
        }
      }),
      { numRuns: 300 },
    );
  });
});
