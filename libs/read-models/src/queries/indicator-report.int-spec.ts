import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandDependencies, enrolParticipant, recordMilestone, registerProject, retractMilestone } from '@pathway/application';
import { EntryProfile, Milestone } from '@pathway/domain';
import { SqliteEventStore } from '@pathway/event-store';
import { indicatorReport, IndicatorReportDocument } from './indicator-report';
import { ProjectionRunner } from '../projection/projection-runner';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { openTestReadModelDb, testEngines, TestReadModelDb } from '../testing/read-model-engines';

/**
 * A hand-computed cohort of six, recorded through the command path and read back through the
 * SQL read models: every figure below was worked out by hand from the story in `beforeAll`.
 */
describe.each(testEngines())('indicator report on %s', (engine) => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: TestReadModelDb;
  let clock = new Date();
  const deps = (): CommandDependencies => ({ store, now: () => clock, newId: randomUUID });
  const at = (date: string) => (clock = new Date(`${date}T12:00:00Z`));
  const caller = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'fixture' };
  const no = { inEducationOrTraining: false, disability: false, thirdCountryNational: false, foreignBackground: false, minority: false, homeless: false, ruralArea: false };
  const undisclosed = { inEducationOrTraining: null, disability: null, thirdCountryNational: null, foreignBackground: null, minority: null, homeless: null, ruralArea: null };

  const enrol = (participantId: string, enrolledOn: string, profile: EntryProfile) => {
    at(enrolledOn);
    return enrolParticipant(deps(), { projectId: 'P', participantId, enrolledOn, profile }, caller);
  };
  const record = async (participantId: string, milestone: Milestone, recordedOn = milestone.occurredOn) => {
    at(recordedOn);
    return (await recordMilestone(deps(), participantId, milestone, caller)).eventIds[0]!;
  };
  const exit = (id: string, occurredOn: string, reason: 'completed' | 'dropped-out' | 'other', situation: 'job-searching' | 'inactive' | 'in-education-or-training' | 'unknown' | 'employed') =>
    record(id, { type: 'exited', occurredOn, reason, situation });
  const placed = (id: string, occurredOn: string, recordedOn?: string) =>
    record(id, { type: 'job-placed', occurredOn, employment: 'employee', contract: 'permanent', hoursPerWeek: null }, recordedOn);
  const followUp = (id: string, occurredOn: string, improvedSituation: boolean | null) =>
    record(id, { type: 'follow-up-recorded', occurredOn, monthsAfterExit: 6, situation: 'employed', improvedSituation });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-report-'));
    // The store stamps commits by the story's clock, as a store would by the real one on those days.
    store = new SqliteEventStore(join(dir, 'events.db'), { clock: () => clock.getTime() });
    rm = await openTestReadModelDb(engine);
    at('2024-01-01');
    await registerProject(deps(), { projectId: 'P', name: 'Fixture', owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12', startDate: '2024-01-01', endDate: '2026-12-31', plannedParticipants: 10, timeZone: 'Europe/Stockholm' }, caller);

    // w1: 17 at entry, completes school and a qualification, placed 20 days after exit, followed up improved.
    await enrol('w1', '2024-01-10', { ...no, birthDate: '2006-03-01', gender: 'woman', labourMarketStatus: 'unemployed', educationLevel: 'isced-0-2', disability: true });
    await record('w1', { type: 'qualification-gained', occurredOn: '2024-06-01', qualification: null, iscedLevel: null }); // the text is sealed, and no figure reads it
    await record('w1', { type: 'school-completed', occurredOn: '2024-06-15', level: 'compulsory', fullGrades: true });
    await exit('w1', '2024-06-30', 'completed', 'job-searching');
    await placed('w1', '2024-07-20');
    await followUp('w1', '2024-12-30', true);
    // m1: long-term unemployed, drops out, placed 45 days after exit, never followed up.
    await enrol('m1', '2024-02-01', { ...no, birthDate: '1990-05-05', gender: 'man', labourMarketStatus: 'long-term-unemployed', educationLevel: 'isced-3-4' });
    await exit('m1', '2024-05-31', 'dropped-out', 'inactive');
    await placed('m1', '2024-07-15');
    // n1: 59, inactive, education and every yes/no undisclosed; exits into education, then re-enters: no results.
    await enrol('n1', '2024-03-01', { ...undisclosed, birthDate: '1965-01-01', gender: 'non-binary', labourMarketStatus: 'inactive', educationLevel: null });
    await exit('n1', '2024-04-30', 'completed', 'in-education-or-training');
    await record('n1', { type: 're-entered', occurredOn: '2024-08-01' });
    // x1: gender, birth date and yes/no undisclosed; employed at entry; leaves to an unknown situation.
    await enrol('x1', '2024-04-01', { ...undisclosed, birthDate: null, gender: null, labourMarketStatus: 'employed', educationLevel: 'isced-5-8' });
    await exit('x1', '2024-09-30', 'other', 'unknown');
    // w2: leaves employed; a placement later retracted (recorded 2025-09-01); follow-up without an answer on improvement.
    await enrol('w2', '2024-05-01', { ...no, birthDate: '2000-01-01', gender: 'woman', labourMarketStatus: 'unemployed', educationLevel: 'isced-0-2' });
    await exit('w2', '2024-10-31', 'completed', 'employed');
    const w2Placement = await placed('w2', '2024-11-05');
    await followUp('w2', '2025-04-30', null);
    // m2: rural; leaves job-searching; the placement 10 days after exit is recorded late, on 2025-08-01.
    await enrol('m2', '2024-06-01', { ...no, birthDate: '1995-06-15', gender: 'man', labourMarketStatus: 'unemployed', educationLevel: 'isced-3-4', ruralArea: true });
    await exit('m2', '2025-01-31', 'completed', 'job-searching');
    await placed('m2', '2025-02-10', '2025-08-01');
    at('2025-09-01');
    await retractMilestone(deps(), 'w2', { eventId: w2Placement, reason: null }, caller);

    await new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 4 }).catchUp();
  });

  afterAll(async () => {
    await rm.drop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const report = async (query: { from?: string; to: string; asKnownOn?: string }) => {
    const cutOffPosition = query.asKnownOn ? await store.cutOffAt(query.asKnownOn) : undefined;
    return (await indicatorReport(rm.db, 'P', { from: query.from ?? null, to: query.to, asKnownOn: query.asKnownOn ?? null, cutOffPosition }))!;
  };
  const line = (r: IndicatorReportDocument, code: string) => {
    const { women, men, nonBinary, genderNotDisclosed, total, dataMissing } = r.indicators.find((i) => i.code === code)!;
    return [total, women, men, nonBinary, genderNotDisclosed, dataMissing];
  };
  const rate = (r: IndicatorReportDocument, code: string) => {
    const { numerator, denominator, value } = r.rates.find((x) => x.code === code)!;
    return [numerator, denominator, value];
  };

  it('counts outputs from the entry profile, with undisclosed answers as data missing', async () => {
    const r = await report({ to: '2025-06-30' });
    //                               total  w  m  nb  nd  missing
    expect(line(r, 'EECO01')).toEqual([6, 2, 2, 1, 1, 0]);
    expect(line(r, 'EECO02')).toEqual([4, 2, 2, 0, 0, 0]);
    expect(line(r, 'EECO03')).toEqual([1, 0, 1, 0, 0, 0]);
    expect(line(r, 'EECO04')).toEqual([1, 0, 0, 1, 0, 0]);
    expect(line(r, 'EECO05')).toEqual([1, 0, 0, 0, 1, 0]);
    expect(line(r, 'EECO06')).toEqual([1, 1, 0, 0, 0, 1]);
    expect(line(r, 'EECO07')).toEqual([2, 1, 1, 0, 0, 1]);
    expect(line(r, 'EECO08')).toEqual([1, 0, 0, 1, 0, 1]);
    expect(line(r, 'EECO09')).toEqual([2, 2, 0, 0, 0, 1]);
    expect(line(r, 'EECO10')).toEqual([2, 0, 2, 0, 0, 1]);
    expect(line(r, 'EECO11')).toEqual([1, 0, 0, 0, 1, 1]);
    expect(line(r, 'EECO12')).toEqual([1, 1, 0, 0, 0, 2]);
    expect(line(r, 'EECO13')).toEqual([0, 0, 0, 0, 0, 2]);
    expect(line(r, 'EECO17')).toEqual([1, 0, 1, 0, 0, 2]);
  });

  it('counts results after the last exit; a re-entered participant has none', async () => {
    const r = await report({ to: '2025-06-30' });
    // w1 and m2 left job searching and were placed within 28 days: one settled situation, employed.
    expect(line(r, 'EECR01')).toEqual([0, 0, 0, 0, 0, 1]);
    expect(line(r, 'EECR02')).toEqual([0, 0, 0, 0, 0, 1]);
    expect(line(r, 'EECR03')).toEqual([1, 1, 0, 0, 0, 0]);
    expect(line(r, 'EECR04')).toEqual([3, 2, 1, 0, 0, 1]);
    expect(line(r, 'EECR05')).toEqual([2, 2, 0, 0, 0, 2]);
    // Only x1 was employed at entry: followed up by no one, so data missing; the others are outside EECR06.
    expect(line(r, 'EECR06')).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('computes the project rates with numerator and denominator', async () => {
    const r = await report({ to: '2025-06-30' });
    expect(rate(r, 'COMPLETION_RATE')).toEqual([3, 5, 0.6]);
    expect(r.rates.find((x) => x.code === 'COMPLETION_RATE')!.byGender).toEqual({ women: 1, men: 0.5, nonBinary: null, genderNotDisclosed: 0 });
    expect(rate(r, 'DROP_OUT_RATE')).toEqual([1, 5, 0.2]);
    expect(rate(r, 'PLACEMENT_RATE')).toEqual([3, 5, 0.6]);
    expect(rate(r, 'EDUCATION_OR_WORK_RATE')).toEqual([3, 5, 0.6]);
    expect(rate(r, 'SCHOOL_COMPLETION_RATE')).toEqual([1, 2, 0.5]);
    expect(rate(r, 'MEDIAN_DAYS_TO_PLACEMENT')).toEqual([192, 3, 192]);
    expect(rate(r, 'TARGET_ACHIEVEMENT')).toEqual([6, 10, 0.6]);
  });

  it('counts, as known on a date, only what was recorded by then', async () => {
    const r = await report({ to: '2025-06-30', asKnownOn: '2025-07-01T23:59:59.999Z' });
    // m2's placement was recorded on 2025-08-01; w2's placement was retracted only on 2025-09-01.
    expect(line(r, 'EECR04')).toEqual([2, 2, 0, 0, 0, 1]);
    // Until his placement was recorded, m2 was known to be job searching upon leaving.
    expect(line(r, 'EECR01')).toEqual([1, 0, 1, 0, 0, 1]);
    expect(rate(r, 'PLACEMENT_RATE')).toEqual([2, 5, 0.4]);
    expect(rate(r, 'MEDIAN_DAYS_TO_PLACEMENT')).toEqual([188, 3, 188]);
    expect(r.asKnownOn).toBe('2025-07-01T23:59:59.999Z');
    expect(r.position).toBeLessThan((await report({ to: '2025-06-30' })).position);
  });

  it('gives an old report the old answer, however often it is run', async () => {
    const query = { to: '2025-06-30', asKnownOn: '2025-07-01T23:59:59.999Z' };
    expect(await report(query)).toEqual(await report(query));
  });

  it('selects people by the period: outputs by first enrolment, results by last exit', async () => {
    const fromApril = await report({ from: '2024-04-01', to: '2025-06-30' });
    expect(line(fromApril, 'EECO01')).toEqual([3, 1, 1, 0, 1, 0]);
    const endOf2024 = await report({ to: '2024-12-31' });
    expect(line(endOf2024, 'EECR04')).toEqual([2, 2, 0, 0, 0, 1]);
    // x1's six-month point (2025-03-30) is after the period: neither counted nor missing; m1's is in it.
    expect(line(endOf2024, 'EECR05')).toEqual([2, 2, 0, 0, 0, 1]);
  });

  // Last: it appends to the log. Issue 9.5: a replica whose clock is behind must not change a report whose cut-off has passed.
  it('counts by the store\'s commit order: a later append stamped early by a slow replica does not change an old report', async () => {
    const query = { to: '2025-06-30', asKnownOn: '2025-10-01T23:59:59.999Z' };
    const before = await report(query);
    const slowReplica = new SqliteEventStore(join(dir, 'events.db'), { clock: () => Date.parse('2025-09-15T12:00:00Z') });
    const late = { ...deps(), store: slowReplica, now: () => new Date('2025-09-15T12:00:00Z') };
    await enrolParticipant(late, { projectId: 'P', participantId: 'late1', enrolledOn: '2024-03-15', profile: { ...no, birthDate: '1980-01-01', gender: 'woman', labourMarketStatus: 'unemployed', educationLevel: 'isced-3-4' } }, caller);
    await slowReplica.close();
    await new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 4 }).catchUp();

    // Its recordedAt (2025-09-15) is before the cut-off; it was committed after the report was taken.
    expect(line(await report({ to: '2025-06-30' }), 'EECO01')[0]).toBe(line(before, 'EECO01')[0]! + 1);
    expect(await report(query)).toEqual(before);
  });
});
