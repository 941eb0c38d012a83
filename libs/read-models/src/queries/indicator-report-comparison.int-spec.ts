import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CommandDependencies,
  correctEntryProfile,
  enrolParticipant,
  participantStream,
  recordMilestone,
  registerProject,
  retractMilestone,
  withdrawEnrolment,
} from '@pathway/application';
import { EntryProfile, Milestone } from '@pathway/domain';
import { SqliteEventStore } from '@pathway/event-store';
import { computeIndicatorReport, figureId, figuresOf } from '@pathway/indicators';
import { indicatorReport, outcomesAtCutOff } from './indicator-report';
import { ComparedFigure, indicatorReportComparison, IndicatorReportComparisonDocument } from './indicator-report-comparison';
import { ProjectionRunner } from '../projection/projection-runner';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { openTestReadModelDb, testEngines, TestReadModelDb } from '../testing/read-model-engines';

/**
 * A hand-computed story of five participants, recorded through the command path; the report
 * as known on 2025-07-01 compared with the one as known on 2025-10-01. Between the two: m2's
 * placement recorded late, w2's placement retracted, w3's gender corrected, x withdrawn.
 */
describe.each(testEngines())('indicator report comparison on %s', (engine) => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: TestReadModelDb;
  let clock = new Date();
  let w2Placement: string;
  const deps = (): CommandDependencies => ({ store, now: () => clock, newId: randomUUID });
  const at = (date: string) => (clock = new Date(`${date}T12:00:00Z`));
  const caller = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'fixture' };
  const fixer = { actor: 'caseworker-2', actorRole: 'caseworker', correlationId: 'fixture' };
  const no = { inEducationOrTraining: false, disability: false, thirdCountryNational: false, foreignBackground: false, minority: false, homeless: false, ruralArea: false };
  const A = '2025-07-01T23:59:59.999Z';
  const B = '2025-10-01T23:59:59.999Z';

  const enrol = (participantId: string, enrolledOn: string, profile: Omit<EntryProfile, keyof typeof no>) => {
    at(enrolledOn);
    return enrolParticipant(deps(), { projectId: 'P', participantId, enrolledOn, profile: { ...no, ...profile } }, caller);
  };
  const record = async (participantId: string, milestone: Milestone, recordedOn = milestone.occurredOn) => {
    at(recordedOn);
    return (await recordMilestone(deps(), participantId, milestone, caller)).eventIds[0]!;
  };
  const placed = (id: string, occurredOn: string, recordedOn?: string) =>
    record(id, { type: 'job-placed', occurredOn, employment: 'employee', contract: 'permanent', hoursPerWeek: null }, recordedOn);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-comparison-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { clock: () => clock.getTime() });
    rm = await openTestReadModelDb(engine);
    at('2024-01-01');
    await registerProject(deps(), { projectId: 'P', name: 'Fixture', owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12', startDate: '2024-01-01', endDate: '2026-12-31', plannedParticipants: 10, timeZone: 'Europe/Stockholm' }, caller);

    // m1: drops out into inactivity, placed 165 days after entry (45 after exit: not employed upon leaving).
    await enrol('m1', '2024-02-01', { birthDate: '1990-05-05', gender: 'man', labourMarketStatus: 'long-term-unemployed', educationLevel: 'isced-3-4' });
    await record('m1', { type: 'exited', occurredOn: '2024-05-31', reason: 'dropped-out', situation: 'inactive' });
    await placed('m1', '2024-07-15');
    // w2: leaves employed; placed 188 days after entry; the placement is retracted on 2025-09-01.
    await enrol('w2', '2024-05-01', { birthDate: '2000-01-01', gender: 'woman', labourMarketStatus: 'unemployed', educationLevel: 'isced-0-2' });
    await record('w2', { type: 'exited', occurredOn: '2024-10-31', reason: 'completed', situation: 'employed' });
    w2Placement = await placed('w2', '2024-11-05');
    // m2: leaves job searching; placed 10 days after exit (254 after entry), recorded only on 2025-08-01.
    await enrol('m2', '2024-06-01', { birthDate: '1995-06-15', gender: 'man', labourMarketStatus: 'unemployed', educationLevel: 'isced-3-4' });
    await record('m2', { type: 'exited', occurredOn: '2025-01-31', reason: 'completed', situation: 'job-searching' });
    // w3: enrolled as a woman; corrected to a man on 2025-08-15. x: withdrawn (never took part) on 2025-08-20.
    await enrol('w3', '2024-07-01', { birthDate: '1999-01-01', gender: 'woman', labourMarketStatus: 'unemployed', educationLevel: 'isced-3-4' });
    await enrol('x', '2024-08-01', { birthDate: '1998-01-01', gender: 'woman', labourMarketStatus: 'unemployed', educationLevel: 'isced-3-4' });
    // The store's commit clock never goes back: what is recorded late is recorded last.
    await placed('m2', '2025-02-10', '2025-08-01');
    at('2025-08-15');
    await correctEntryProfile(deps(), 'w3', { corrected: { gender: 'man' }, reason: null }, fixer);
    at('2025-08-20');
    await withdrawEnrolment(deps(), 'x', { ground: 'never-took-part', duplicateOf: null, reason: null }, fixer);
    at('2025-09-01');
    await retractMilestone(deps(), 'w2', { eventId: w2Placement, reason: null }, fixer);
    at('2025-12-01');

    await new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 4 }).catchUp();
  });

  afterAll(async () => {
    await rm.drop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const period = { from: null, to: '2025-06-30' };
  const compare = async (): Promise<IndicatorReportComparisonDocument> => {
    const side = async (asKnownOn: string) => ({ asKnownOn, cutOffPosition: await store.cutOffAt(asKnownOn) });
    return (await indicatorReportComparison(rm.db, (id) => store.readStream(participantStream(id)), 'P', period, await side(A), await side(B)))!;
  };
  const change = (doc: IndicatorReportComparisonDocument, id: string) => {
    const found: ComparedFigure | undefined = doc.figures.find((c) => c.changed && figureId(c) === id);
    return found && { a: found.a, b: found.b, who: found.explanation.map((e) => e.participantId) };
  };

  it('answers both reports exactly as the report as known on each instant', async () => {
    const doc = await compare();
    for (const [side, asKnownOn, key] of [[doc.a, A, 'a'], [doc.b, B, 'b']] as const) {
      const report = (await indicatorReport(rm.db, 'P', { ...period, asKnownOn, cutOffPosition: side.cutOffPosition }))!;
      expect(doc.figures.map((f) => [figureId(f), f[key]])).toEqual(figuresOf(report).map((f) => [figureId(f), f.value]));
    }
    expect(doc.figures.filter((f) => !f.changed).every((f) => f.a === f.b && f.explanation.length === 0)).toBe(true);
  });

  it('explains each changed figure by the hand-computed participants', async () => {
    const doc = await compare();
    // Outputs: x withdrawn (5 -> 4); w3 moves from women to men; the total does not see w3.
    expect(change(doc, 'EECO01/total/count')).toEqual({ a: 5, b: 4, who: ['x'] });
    expect(change(doc, 'EECO01/women/count')).toEqual({ a: 3, b: 1, who: ['w3', 'x'] });
    expect(change(doc, 'EECO01/men/count')).toEqual({ a: 2, b: 3, who: ['w3'] });
    // m2 known placed within 28 days of his exit: employed, no longer job searching, upon leaving.
    expect(change(doc, 'EECR04/total/count')).toEqual({ a: 1, b: 2, who: ['m2'] });
    expect(change(doc, 'EECR04/men/count')).toEqual({ a: 0, b: 1, who: ['m2'] });
    expect(change(doc, 'EECR01/total/count')).toEqual({ a: 1, b: 0, who: ['m2'] });
    // w2 left employed whatever her placement: EECR04 women stays 1.
    expect(change(doc, 'EECR04/women/count')).toBeUndefined();
    // Median days to placement: A 165 and 188 (176.5 over 2); B 165 and 254 (209.5 over 2).
    expect(change(doc, 'MEDIAN_DAYS_TO_PLACEMENT/total/numerator')).toEqual({ a: 176.5, b: 209.5, who: ['m2', 'w2'] });
    expect(change(doc, 'MEDIAN_DAYS_TO_PLACEMENT/total/denominator')).toBeUndefined();
    expect(change(doc, 'MEDIAN_DAYS_TO_PLACEMENT/women/numerator')).toEqual({ a: 188, b: 0, who: ['w2'] });
    expect(change(doc, 'TARGET_ACHIEVEMENT/total/numerator')).toEqual({ a: 5, b: 4, who: ['x'] });
    // m1 changed nowhere.
    expect(doc.figures.flatMap((c) => c.explanation.map((e) => e.participantId))).not.toContain('m1');
  });

  it('lists each participant\'s events recorded between the instants: type, dates and who recorded them', async () => {
    const doc = await compare();
    const eventsOf = (id: string) => doc.figures.flatMap((c) => c.explanation).find((e) => e.participantId === id)!.events.map(({ type, occurredOn, recordedAt, recordedBy, retractedEventId }) => ({ type, occurredOn, recordedAt, recordedBy, retractedEventId }));
    expect(eventsOf('m2')).toEqual([{ type: 'JobPlaced', occurredOn: '2025-02-10', recordedAt: '2025-08-01T12:00:00.000Z', recordedBy: 'caseworker-1', retractedEventId: null }]);
    expect(eventsOf('w3')).toEqual([{ type: 'EntryProfileCorrected', occurredOn: '2025-08-15', recordedAt: '2025-08-15T12:00:00.000Z', recordedBy: 'caseworker-2', retractedEventId: null }]);
    expect(eventsOf('x')).toEqual([{ type: 'EnrolmentWithdrawn', occurredOn: '2025-08-20', recordedAt: '2025-08-20T12:00:00.000Z', recordedBy: 'caseworker-2', retractedEventId: null }]);
    expect(eventsOf('w2')).toEqual([{ type: 'MilestoneRetracted', occurredOn: null, recordedAt: '2025-09-01T12:00:00.000Z', recordedBy: 'caseworker-2', retractedEventId: w2Placement }]);
  });

  it('is exact: B with the listed participants\' events between the instants left out gives A', async () => {
    const doc = await compare();
    const rows = await rm.db.selectFrom('participants').selectAll().where('project_id', '=', 'P').execute();
    expect(rows).toHaveLength(5);
    const before = (await outcomesAtCutOff(rm.db, 'P', doc.a.cutOffPosition))!.outcomes;
    const after = (await outcomesAtCutOff(rm.db, 'P', doc.b.cutOffPosition))!.outcomes;
    for (const c of doc.figures) {
      const listed = new Set(c.explanation.map((e) => e.participantId));
      const mixed = after.flatMap((o) => (listed.has(o.participantId) ? before.filter((x) => x.participantId === o.participantId) : [o]));
      const value = figuresOf(computeIndicatorReport(mixed, period, 10)).find((f) => figureId(f) === figureId(c))!.value;
      expect([figureId(c), value]).toEqual([figureId(c), c.a]);
    }
  });
});
