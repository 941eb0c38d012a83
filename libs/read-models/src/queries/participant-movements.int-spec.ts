import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandDependencies, correctEntryProfile, enrolParticipant, recordMilestone, registerProject, withdrawEnrolment } from '@pathway/application';
import { EntryProfile } from '@pathway/domain';
import { SqliteEventStore } from '@pathway/event-store';
import { participantMovements } from './participant-movements';
import { ProjectionRunner } from '../projection/projection-runner';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { openTestReadModelDb, testEngines, TestReadModelDb } from '../testing/read-model-engines';

/** The monthly participant file's movements follow a corrected enrolment date and leave a withdrawn enrolment out, from their position on. */
describe.each(testEngines())('participant movements after corrections and withdrawals on %s', (engine) => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: TestReadModelDb;
  const deps = (): CommandDependencies => ({ store, now: () => new Date('2025-06-01T12:00:00Z'), newId: randomUUID });
  const caller = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'fixture' };
  const profile: EntryProfile = { birthDate: '2000-01-01', gender: 'woman', labourMarketStatus: 'unemployed', inEducationOrTraining: null, educationLevel: null, disability: null, thirdCountryNational: null, foreignBackground: null, minority: null, homeless: null, ruralArea: null };
  const positions: number[] = [];
  const head = async () => positions.push(await store.headPosition());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-movements-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    rm = await openTestReadModelDb(engine);
    await registerProject(deps(), { projectId: 'P', name: 'Fixture', owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12', startDate: '2024-01-01', endDate: '2026-12-31', plannedParticipants: 10, timeZone: 'Europe/Stockholm' }, caller);
    await enrolParticipant(deps(), { projectId: 'P', participantId: 'a', enrolledOn: '2024-01-31', profile }, caller);
    await enrolParticipant(deps(), { projectId: 'P', participantId: 'b', enrolledOn: '2024-02-10', profile }, caller);
    await recordMilestone(deps(), 'b', { type: 'exited', occurredOn: '2024-03-15', reason: 'completed', situation: 'employed' }, caller);
    await head();
    await correctEntryProfile(deps(), 'a', { corrected: { enrolledOn: '2024-02-01' }, reason: null }, caller);
    await head();
    await withdrawEnrolment(deps(), 'b', { ground: 'never-took-part', duplicateOf: null, reason: null }, caller);
    await head();
    await new ProjectionRunner(store, rm.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 1 }).catchUp();
  });
  afterAll(async () => {
    await rm.drop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dates the enrolment as corrected only from the correction on, and drops a withdrawn participant only from the withdrawal on', async () => {
    expect(await participantMovements(rm.db, 'P', positions[0]!)).toEqual([
      { participantId: 'a', kind: 'entry', occurredOn: '2024-01-31' },
      { participantId: 'b', kind: 'entry', occurredOn: '2024-02-10' },
      { participantId: 'b', kind: 'exit', occurredOn: '2024-03-15' },
    ]);
    expect((await participantMovements(rm.db, 'P', positions[1]!))[0]).toEqual({ participantId: 'a', kind: 'entry', occurredOn: '2024-02-01' });
    expect(await participantMovements(rm.db, 'P', positions[2]!)).toEqual([{ participantId: 'a', kind: 'entry', occurredOn: '2024-02-01' }]);
    expect(await participantMovements(rm.db, 'P', null)).toEqual(await participantMovements(rm.db, 'P', positions[2]!));
  });
});
