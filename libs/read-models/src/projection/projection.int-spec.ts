import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandDependencies, enrolParticipant, projectStream, recordMilestone, registerProject, retractMilestone } from '@pathway/application';
import { Milestone } from '@pathway/domain';
import { SqliteEventStore } from '@pathway/event-store';
import { applyEvents } from './apply-events';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { participantPathway } from '../queries/participant-pathway';
import { projectSummary } from '../queries/project-summary';
import { projectTimeZone } from '../queries/project-time-zone';
import { dumpTables } from '../testing/dump-tables';
import { openTestReadModelDb, testEngines, TestReadModelDb } from '../testing/read-model-engines';

describe.each(testEngines())('projection on %s', (engine) => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: TestReadModelDb;
  let deps: CommandDependencies;
  let runner: ProjectionRunner;
  const caller = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'c-1' };
  const record = (participantId: string, milestone: Milestone) => recordMilestone(deps, participantId, milestone, caller);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-proj-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    deps = { store, now: () => new Date('2025-06-01T12:00:00Z'), newId: randomUUID };
    rm = await openTestReadModelDb(engine);
    runner = new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 3 });

    await registerProject(
      deps,
      {
        projectId: 'P1',
        name: '#framtid',
        owner: 'Stiftelsen Activa',
        fund: 'ESF+',
        programme: '2021SE05SFPR',
        specificObjective: 'A2A',
        region: 'SE12',
        startDate: '2023-03-31',
        endDate: '2026-03-30',
        plannedParticipants: 80,
        timeZone: 'Europe/Stockholm',
      },
      caller,
    );
    const profile = {
      birthDate: '2004-05-17',
      gender: 'woman',
      labourMarketStatus: 'unemployed',
      inEducationOrTraining: false,
      educationLevel: 'isced-0-2',
      disability: null,
      thirdCountryNational: false,
      foreignBackground: true,
      minority: null,
      homeless: false,
      ruralArea: true,
    } as const;
    await enrolParticipant(deps, { projectId: 'P1', participantId: 'a', enrolledOn: '2024-01-15', profile }, caller);
    await enrolParticipant(deps, { projectId: 'P1', participantId: 'b', enrolledOn: '2024-02-01', profile: { ...profile, gender: null } }, caller);
    await record('a', { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' });
    const placed = await record('a', {
      type: 'job-placed',
      occurredOn: '2024-10-14',
      employment: 'employee',
      contract: 'temporary',
      hoursPerWeek: 30,
    });
    await record('a', { type: 'follow-up-recorded', occurredOn: '2025-03-31', monthsAfterExit: 6, situation: 'employed', improvedSituation: true });
    await retractMilestone(deps, 'a', { eventId: placed.eventIds[0]!, reason: null }, caller);
    await record('b', { type: 'school-completed', occurredOn: '2024-06-01', level: 'compulsory', fullGrades: false });
  });

  afterAll(async () => {
    await rm.drop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the log in batches and stores the checkpoint with the data', async () => {
    expect(await runner.catchUp()).toBe(8);
    expect(await runner.step()).toBe(0);

    const a = await participantPathway(rm.db, 'a');
    expect(a).toMatchObject({ status: 'exited', lastExitOn: '2024-09-30', exit: { reason: 'completed', situation: 'job-searching' } });
    expect(a!.timeline.map((m) => [m.type, m.retracted?.reason ?? null])).toEqual([
      ['ParticipantExited', null],
      // The reason is free text: no table holds it; the API opens it from the log.
      ['JobPlaced', { status: 'sealed' }],
      ['FollowUpRecorded', null],
    ]);
    const [outcome] = (await dumpTables(rm.db)).participants;
    expect(outcome).toMatchObject({
      participant_id: 'a',
      age_at_entry: 19,
      leaving_job_searching: 1,
      leaving_employed: 0,
      first_placement_on: null,
      follow_up_situation: 'employed',
      follow_up_improved: 1,
      six_month_point_on: '2025-03-30',
    });
    expect(await projectSummary(rm.db, 'P1')).toMatchObject({
      plannedParticipants: 80,
      timeZone: 'Europe/Stockholm',
      participants: { enrolled: 2, active: 1, exited: 1 },
      targetAchievement: 2 / 80,
    });
  });

  it('changes nothing when it sees events again', async () => {
    const before = await dumpTables(rm.db);
    const events = await store.readAll(0, 100);
    await rm.db.transaction().execute((trx) => applyEvents(trx, LIVE_TABLES, events));
    expect(await dumpTables(rm.db)).toEqual(before);
  });

  it('rebuilds from position 0 into fresh tables equal, row for row, to the live ones', async () => {
    const live = await dumpTables(rm.db);
    const progress: number[] = [];
    const { position } = await rebuildReadModels(store, rm.db, (p) => progress.push(p.processed), 3);
    expect(position).toBe(await store.headPosition());
    expect(progress.at(-1)).toBe(position);
    expect(await dumpTables(rm.db)).toEqual(live);
    expect(await runner.step()).toBe(0);
  });

  it('lets the live runner carry on after a rebuild moved its checkpoint', async () => {
    await record('b', { type: 'job-search-started', occurredOn: '2024-07-01' });
    const stale = new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES });
    await rebuildReadModels(store, rm.db);
    expect(await stale.step()).toBe(0);
    expect((await participantPathway(rm.db, 'b'))!.timeline).toHaveLength(2);
  });

  it('projects a project registered before time zones (schema version 1) as a Stockholm project', async () => {
    // As written before ProjectRegistered had a time zone.
    const before = { projectId: 'OLD', name: 'Old', owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12', startDate: '2020-01-01', endDate: '2022-12-31', plannedParticipants: 5 };
    await store.append(projectStream('OLD'), [{ eventId: randomUUID(), type: 'ProjectRegistered', data: before, metadata: { recordedAt: '2020-01-01T00:00:00.000Z', actor: 'a', actorRole: 'admin', correlationId: 'c', causationId: 'c', projectId: 'OLD', schemaVersion: 1 } }], 'no-stream');
    await runner.catchUp();
    expect(await projectTimeZone(rm.db, 'OLD')).toBe('Europe/Stockholm');
    expect(await projectTimeZone(rm.db, 'P1')).toBe('Europe/Stockholm');
    expect(await projectTimeZone(rm.db, 'nope')).toBeNull();
  });
});
