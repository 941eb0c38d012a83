import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandDependencies, enrolParticipant, recordMilestone, registerProject } from '@pathway/application';
import { SqliteEventStore } from '@pathway/event-store';
import { framtid, unemployedWoman } from '../../../domain/src/testing/fixtures';
import { checkCheckpointAgainstLog } from './checkpoint-check';
import { readCheckpoint } from './checkpoints';
import { ProjectionFailedError } from './projection-failure';
import { ProjectionRunner } from './projection-runner';
import { participantPathway } from '../queries/participant-pathway';
import { projectSummary } from '../queries/project-summary';
import { projectionStatus } from '../queries/projection-status';
import { LIVE_PROJECTION, startProjectionsAfresh } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { dumpTables } from '../testing/dump-tables';
import { openTestReadModelDb, testEngines, TestReadModelDb } from '../testing/read-model-engines';

const caller = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'c-1' };
const profile = { ...unemployedWoman, birthDate: '2004-05-17', educationLevel: 'isced-0-2', foreignBackground: true, ruralArea: true } as const;
const project = { ...framtid, projectId: 'P1' };

/** Failures are told: an event the projection cannot apply, text PostgreSQL cannot store, read models ahead of the log. */
describe.each(testEngines())('projection failures on %s', (engine) => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: TestReadModelDb;
  let deps: CommandDependencies;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-fail-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    deps = { store, now: () => new Date('2025-06-01T12:00:00Z'), newId: randomUUID };
    rm = await openTestReadModelDb(engine);
    await registerProject(deps, project, caller);
    await enrolParticipant(deps, { projectId: 'P1', participantId: 'a', enrolledOn: '2024-01-15', profile }, caller);
  });
  afterEach(async () => {
    await rm.drop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops at an event it cannot apply, having applied those before it, and says where and why without personal data', async () => {
    // A malformed enrolment (as an upcaster bug would leave one): no profile, a name in clear text.
    const bad = await store.append(
      'participant-bad',
      [{ eventId: randomUUID(), type: 'ParticipantEnrolled', data: { participantId: 'bad', projectId: 'P1', enrolledOn: '2024-03-01', name: 'Sara Nilsson' }, metadata: { recordedAt: '2025-06-01T12:00:00Z', schemaVersion: 1 } }],
      'no-stream',
    );
    await enrolParticipant(deps, { projectId: 'P1', participantId: 'b', enrolledOn: '2024-02-01', profile }, caller);
    const runner = new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 100 });

    const error = await runner.catchUp().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionFailedError);
    expect(error).toMatchObject({ position: bad.position });
    // The batch held all four events: the two before the bad one are applied and checkpointed.
    expect(await readCheckpoint(rm.db, LIVE_PROJECTION)).toBe(bad.position - 1);
    expect(await participantPathway(rm.db, 'a')).not.toBeNull();

    const [status] = await projectionStatus(rm.db, await store.headPosition());
    expect(status).toMatchObject({ name: 'outcomes', state: 'failed', lag: 2, failure: { position: bad.position } });
    expect(status!.failure!.detail).toMatch(new RegExp(`^failed at position ${bad.position}, because event ParticipantEnrolled cannot be applied: `));
    expect(JSON.stringify(status)).not.toMatch(/Sara|Nilsson/);

    // Again and again (the live follower retries): the same answer, nothing skipped.
    await expect(runner.catchUp()).rejects.toMatchObject({ position: bad.position });
    expect(await readCheckpoint(rm.db, LIVE_PROJECTION)).toBe(bad.position - 1);
  });

  it('projects a NUL in a text column (PostgreSQL text cannot hold one: a NUL stopped every project before)', async () => {
    // Recorded before the edge refused control characters: a project name with a NUL in it.
    await registerProject(deps, { ...project, projectId: 'P2', name: 'typed\u0000twice' }, caller);
    await enrolParticipant(deps, { projectId: 'P1', participantId: 'b', enrolledOn: '2024-02-01', profile }, caller);
    const runner = new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES });
    await runner.catchUp();
    expect(await readCheckpoint(rm.db, LIVE_PROJECTION)).toBe(await store.headPosition());
    const [status] = await projectionStatus(rm.db, await store.headPosition());
    expect(status).toMatchObject({ state: 'caught-up' });
    expect(status!.failure).toBeUndefined();
    expect((await projectSummary(rm.db, 'P2'))!.name).toBe(engine === 'postgres' ? 'typed\uFFFDtwice' : 'typed\u0000twice');
  });

  it('notices read models ahead of the log (events.db restored from an older backup) and another log at the same position', async () => {
    await recordMilestone(deps, 'a', { type: 'job-search-started', occurredOn: '2024-02-01' }, caller);
    await new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES }).catchUp();
    const head = await store.headPosition();
    expect(await checkCheckpointAgainstLog(store, rm.db, LIVE_PROJECTION)).toEqual({ status: 'consistent' });

    // The older backup: the same history up to the enrolment, without the milestone.
    const older = new SqliteEventStore(join(dir, 'older.db'));
    for (const event of (await store.readAll(0, head)).slice(0, head - 1)) {
      await older.append(event.streamId, [{ eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata }], 'any');
    }
    expect(await checkCheckpointAgainstLog(older, rm.db, LIVE_PROJECTION)).toEqual({ status: 'ahead-of-log', position: head, headPosition: head - 1 });

    // Written to since the restore: as long as before, but another event at the checkpoint.
    await recordMilestone({ ...deps, store: older }, 'a', { type: 'education-entered', occurredOn: '2024-03-01', programme: 'adult-education' }, caller);
    expect(await checkCheckpointAgainstLog(older, rm.db, LIVE_PROJECTION)).toEqual({ status: 'different-event', position: head });

    // What the projector then does: drop the read models and project the log it has from position 0.
    await startProjectionsAfresh(rm.db);
    await new ProjectionRunner(older, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES }).catchUp();
    expect(await checkCheckpointAgainstLog(older, rm.db, LIVE_PROJECTION)).toEqual({ status: 'consistent' });
    const timeline = (await participantPathway(rm.db, 'a'))!.timeline.map((m) => m.type);
    expect(timeline).toEqual(['EducationEntered']);
    expect((await dumpTables(rm.db)).milestones).toHaveLength(1);
    await older.close();
  });
});
