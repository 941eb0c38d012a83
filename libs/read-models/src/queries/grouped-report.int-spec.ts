import fc from 'fast-check';
import { sql } from 'kysely';
import { EDUCATION_LEVELS, EXIT_REASONS, IsoDate, LABOUR_MARKET_STATUSES, SITUATIONS } from '@pathway/domain';
import { computeIndicatorReport, currentEntry, deriveOutcome, EnrolmentFact, MilestoneFact, ParticipantOutcome } from '@pathway/indicators';
import { indicatorReport, outcomesAtCutOff, outcomesFromFacts, reportOutcomes } from './indicator-report';
import { groupedCells, storeOutcomeCodes } from './report-cells';
import { outcomeVersions } from '../projection/outcome-versions';
import { participantRow } from '../projection/rows';
import { openTestReadModelDb, testEngines, TestReadModelDb } from '../testing/read-model-engines';

const PROJECT = 'P';
const PLANNED = 7;
const day = (n: number): IsoDate => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
const instant = (n: number) => `${day(n)}T12:00:00.000Z`;

const KINDS = {
  exit: 'ParticipantExited',
  reentry: 'ParticipantReEntered',
  placed: 'JobPlaced',
  search: 'JobSearchStarted',
  education: 'EducationEntered',
  school: 'SchoolCompleted',
  qualification: 'QualificationGained',
  followup: 'FollowUpRecorded',
  correction: 'EntryProfileCorrected',
  withdraw: 'EnrolmentWithdrawn',
} as const;
type Kind = keyof typeof KINDS;

const yesNo = fc.constantFrom(true, false, null);
const milestone = fc.record({
  kind: fc.constantFrom(...(Object.keys(KINDS) as Kind[])),
  on: fc.integer({ min: 0, max: 400 }),
  recordedAfter: fc.integer({ min: 0, max: 150 }),
  retractedAfter: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null, freq: 4 }),
  reason: fc.constantFrom(...EXIT_REASONS),
  situation: fc.constantFrom(...SITUATIONS),
  improved: yesNo,
  months: fc.constantFrom(6, 6, 6, 12),
  gender: fc.constantFrom('woman', 'man', 'non-binary', null),
});
const pathway = fc.record({
  enrolledOn: fc.integer({ min: 0, max: 500 }),
  recordedAfter: fc.integer({ min: 0, max: 100 }),
  // Ages from children to pensioners, an undisclosed birth date and an implausible one.
  birthDate: fc.oneof(fc.integer({ min: 1940, max: 2012 }).map((y) => `${y}-06-15`), fc.constant(null), fc.constant('0000-01-01')),
  gender: fc.constantFrom('woman', 'man', 'non-binary', null),
  labourMarketStatus: fc.constantFrom(...LABOUR_MARKET_STATUSES),
  educationLevel: fc.constantFrom(...EDUCATION_LEVELS, null),
  flags: fc.tuple(yesNo, yesNo, yesNo, yesNo, yesNo, yesNo, yesNo),
  milestones: fc.array(milestone, { maxLength: 6 }),
});
const cohort = fc.record({
  pathways: fc.array(pathway, { maxLength: 25 }),
  from: fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }),
  span: fc.integer({ min: 0, max: 900 }),
  cutOff: fc.double({ min: 0, max: 1, noNaN: true }),
});
type Cohort = typeof cohort extends fc.Arbitrary<infer T> ? T : never;

/**
 * The read models the projection would hold for generated pathways: facts at log positions in
 * recording order (retractions too), each participant's row derived from its facts that count.
 */
function readModelRows({ pathways }: Cohort) {
  const events: Array<{ at: string; order: number; assign(position: number): void }> = [];
  const participants = pathways.map((p, i) => {
    const participantId = `p-${i}`;
    const [inEducationOrTraining, disability, thirdCountryNational, foreignBackground, minority, homeless, ruralArea] = p.flags;
    const enrolment: EnrolmentFact = {
      participantId,
      projectId: PROJECT,
      enrolledOn: day(p.enrolledOn),
      recordedAt: instant(p.enrolledOn + p.recordedAfter),
      position: 0,
      profile: {
        birthDate: p.birthDate, gender: p.gender as EnrolmentFact['profile']['gender'], labourMarketStatus: p.labourMarketStatus,
        educationLevel: p.educationLevel, inEducationOrTraining, disability, thirdCountryNational, foreignBackground, minority, homeless, ruralArea,
      },
    };
    events.push({ at: enrolment.recordedAt, order: events.length, assign: (n) => (enrolment.position = n) });
    const facts = p.milestones.map((m, j) => {
      const on = p.enrolledOn + m.on;
      const details = {
        exit: { reason: m.reason, situation: m.situation },
        reentry: {},
        placed: { employment: 'employee', contract: 'permanent', hoursPerWeek: 40 },
        search: {},
        education: { programme: 'vocational' },
        school: { level: 'compulsory', fullGrades: true },
        qualification: { qualification: null, iscedLevel: null },
        followup: { monthsAfterExit: m.months, situation: m.situation, improvedSituation: m.improved },
        correction: { corrected: { gender: m.gender } },
        withdraw: { ground: 'enrolled-in-error', duplicateOf: null },
      }[m.kind];
      const fact = {
        eventId: `${participantId}-e${j}`,
        participantId,
        projectId: PROJECT,
        position: 0,
        type: KINDS[m.kind],
        occurredOn: day(on),
        // Never before the enrolment: a participant's stream starts with it, so the log does too.
        recordedAt: instant(Math.max(on + m.recordedAfter, p.enrolledOn + p.recordedAfter)),
        details,
        retractedBy: null as string | null,
        retractedAt: null as string | null,
        retractedPosition: null as number | null,
      };
      events.push({ at: fact.recordedAt, order: events.length, assign: (n) => (fact.position = n) });
      if (m.retractedAfter !== null) {
        const at = instant(Math.max(on + m.recordedAfter, p.enrolledOn + p.recordedAfter) + m.retractedAfter);
        // Recorded after the fact it retracts, so at a later position.
        events.push({ at, order: events.length, assign: (n) => Object.assign(fact, { retractedBy: `${fact.eventId}-r`, retractedAt: at, retractedPosition: n }) });
      }
      return fact;
    });
    return { enrolment, facts };
  });
  events.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order).forEach((e, i) => e.assign(i + 1));

  const rows = participants.map(({ enrolment, facts }) => {
    const counting = facts.filter((f) => f.retractedBy === null) as unknown as MilestoneFact[];
    const last = Math.max(enrolment.position, ...facts.flatMap((f) => [f.position, f.retractedPosition ?? 0]));
    return participantRow(enrolment, currentEntry(enrolment, counting), deriveOutcome(enrolment, counting), last);
  });
  const timelines = participants.map(({ facts }) =>
    facts.map((f) => ({
      event_id: f.eventId, participant_id: f.participantId, project_id: PROJECT, position: f.position, type: f.type,
      occurred_on: f.occurredOn, recorded_at: f.recordedAt, details: JSON.stringify(f.details), recorded_by: 'caseworker-1',
      retracted_by: f.retractedBy, retracted_at: f.retractedAt, retracted_position: f.retractedPosition,
    })));
  // As the projection keeps them: through the one function both its paths call.
  const versions = participants.flatMap(({ enrolment }, i) => outcomeVersions(enrolment, timelines[i]!));
  return { rows, milestones: timelines.flat(), versions, positions: events.length };
}

/**
 * The report counted in the database equals the catalogue's `computeIndicatorReport` over the
 * participants' outcome rows, live and as known at random cut-offs, on random cohorts: every
 * profile answer (undisclosed too), exits, re-entries, follow-ups, corrections, withdrawals and
 * retractions, recorded late and early, and periods cutting through them.
 */
describe.each(testEngines())('indicator report counted in SQL on %s', (engine) => {
  let rm: TestReadModelDb;

  beforeAll(async () => {
    rm = await openTestReadModelDb(engine);
    await rm.db.insertInto('projects').values({
      project_id: PROJECT, name: 'Fixture', owner: 'O', fund: 'ESF+', programme: 'X', specific_objective: 'A2A', region: 'SE12',
      start_date: '2024-01-01', end_date: '2026-12-31', planned_participants: PLANNED, time_zone: 'Europe/Stockholm',
      recorded_at: instant(0), position: 0,
    }).execute();
  });
  afterAll(async () => {
    await rm.drop();
  });

  async function replaceReadModels({ rows, milestones, versions }: Omit<ReturnType<typeof readModelRows>, 'positions'>, storeCodes = true) {
    await rm.db.transaction().execute(async (trx) => {
      await sql`DELETE FROM milestones`.execute(trx);
      await sql`DELETE FROM participants`.execute(trx);
      await sql`DELETE FROM participant_versions`.execute(trx);
      if (rows.length) await trx.insertInto('participants').values(rows).execute();
      if (milestones.length) await trx.insertInto('milestones').values(milestones).execute();
      if (versions.length) await trx.insertInto('participant_versions').values(versions).execute();
      if (storeCodes) {
        await storeOutcomeCodes(trx, 'participants', 'all');
        await storeOutcomeCodes(trx, 'participant_versions', 'all');
      }
    });
  }

  /**
   * The report as known on `cutOffPosition` (counted from the versions), the drill-down's outcomes
   * and the comparison's equal the oracle: every outcome derived again from the facts at or before it.
   */
  async function expectKnownOnAsFromFacts(cutOffPosition: number, period: { from: IsoDate | null; to: IsoDate }) {
    const knownOn = await indicatorReport(rm.db, PROJECT, { ...period, asKnownOn: instant(0), cutOffPosition });
    const fromFacts = await outcomesFromFacts(rm.db, PROJECT, cutOffPosition);
    expect(knownOn).toMatchObject({ ...computeIndicatorReport(fromFacts.outcomes, period, PLANNED), position: fromFacts.position });
    const drillDown = (await reportOutcomes(rm.db, PROJECT, { ...period, asKnownOn: instant(0), cutOffPosition }))!;
    const byId = (outcomes: ParticipantOutcome[]) => [...outcomes].sort((a, b) => a.participantId.localeCompare(b.participantId));
    expect(drillDown.position).toBe(fromFacts.position);
    expect(byId(drillDown.outcomes)).toEqual(byId(fromFacts.outcomes));
    expect(byId((await outcomesAtCutOff(rm.db, PROJECT, cutOffPosition))!.outcomes)).toEqual(byId(fromFacts.outcomes));
  }

  it('equals computeIndicatorReport over the rows, live and as known on any cut-off', async () => {
    await fc.assert(
      // `stored`: the codes stored as the projection stores them, or none (computed by the report).
      fc.asyncProperty(cohort, fc.boolean(), async (generated, stored) => {
        const { positions, ...tables } = readModelRows(generated);
        await replaceReadModels(tables, stored);
        const { from, span } = generated;
        const period = { from: from === null ? null : day(from), to: day((from ?? 0) + span) };

        // Counted from the cells, not from the rows the report falls back to for values it has no class for.
        expect(await groupedCells(rm.db, 'participants', sql`project_id = ${PROJECT}`, period, [])).not.toBeNull();
        const live = await indicatorReport(rm.db, PROJECT, { ...period, asKnownOn: null });
        const rowsNow = (await reportOutcomes(rm.db, PROJECT, { ...period, asKnownOn: null }))!;
        expect(live).toMatchObject({ ...computeIndicatorReport(rowsNow.outcomes, period, PLANNED), position: rowsNow.position });

        await expectKnownOnAsFromFacts(Math.floor(generated.cutOff * positions), period);
      }),
      { numRuns: engine === 'sqlite' ? 150 : 60 },
    );
  });

  it('counts, as known between them, a correction made before the cut-off and an exit retracted after it', async () => {
    const milestone = (kind: Kind, on: number, retractedAfter: number | null): Cohort['pathways'][number]['milestones'][number] => ({
      kind, on, recordedAfter: 0, retractedAfter, reason: 'completed', situation: 'employed', improved: null, months: 6, gender: 'man',
    });
    // Positions: enrolment 1, correction (gender woman -> man) 2, exit 3, its retraction 4.
    const { positions, ...tables } = readModelRows({
      pathways: [{
        enrolledOn: 10, recordedAfter: 0, birthDate: '1990-06-15', gender: 'woman', labourMarketStatus: 'unemployed', educationLevel: null,
        flags: [null, null, null, null, null, null, null], milestones: [milestone('correction', 5, null), milestone('exit', 20, 30)],
      }],
      from: null, span: 0, cutOff: 0,
    });
    expect(positions).toBe(4);
    expect(tables.versions.map((v) => [v.from_position, v.to_position, v.gender, v.status])).toEqual([
      [1, 2, 'woman', 'active'], [2, 3, 'man', 'active'], [3, 4, 'man', 'exited'], [4, null, 'man', 'active'],
    ]);
    await replaceReadModels(tables);
    const period = { from: null, to: day(900) };
    for (const cutOffPosition of [0, 1, 2, 3, 4]) await expectKnownOnAsFromFacts(cutOffPosition, period);
    const [between] = (await reportOutcomes(rm.db, PROJECT, { ...period, asKnownOn: instant(0), cutOffPosition: 3 }))!.outcomes;
    expect(between).toMatchObject({ gender: 'man', status: 'exited', lastExitOn: day(30) });
  });

  it('falls back to the rows, with the same report, when a row holds a value the classes do not list', async () => {
    type Pathway = Cohort['pathways'][number];
    const pathway = (milestones: Pathway['milestones']): Pathway => ({
      enrolledOn: 10, recordedAfter: 0, birthDate: '1990-06-15', gender: 'woman', labourMarketStatus: 'unemployed',
      educationLevel: null, flags: [true, false, null, true, false, null, true], milestones,
    });
    const exited: Pathway['milestones'][number] = {
      kind: 'exit', on: 30, recordedAfter: 0, retractedAfter: null, reason: 'completed', situation: 'employed', improved: null, months: 6, gender: null,
    };
    const { rows } = readModelRows({ pathways: [pathway([exited]), pathway([])], from: null, span: 0, cutOff: 0 });
    await replaceReadModels({ rows: [], milestones: [], versions: [] });
    // Written before the domain listed the value, say: this row's code is NULL, so there are no cells.
    await rm.db.insertInto('participants').values([{ ...rows[0]!, exit_reason: 'moved-abroad' }, rows[1]!]).execute();
    await storeOutcomeCodes(rm.db, 'participants', 'all');
    const period = { from: null, to: day(900) };

    expect(await groupedCells(rm.db, 'participants', sql`project_id = ${PROJECT}`, period, [])).toBeNull();
    const live = await indicatorReport(rm.db, PROJECT, { ...period, asKnownOn: null });
    const rowsNow = (await reportOutcomes(rm.db, PROJECT, { ...period, asKnownOn: null }))!;
    expect(live).toMatchObject(computeIndicatorReport(rowsNow.outcomes, period, PLANNED));
    expect(live!.indicators.find((i) => i.code === 'EECO01')!.total).toBe(2);
  });
});
