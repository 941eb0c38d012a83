import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  changeContactDetails,
  CommandDependencies,
  enrolParticipant,
  erasePersonalData,
  recordMilestone,
  registerProject,
} from '@pathway/application';
import { Milestone } from '@pathway/domain';
import { RecordedEvent, SqliteEventStore } from '@pathway/event-store';
import { newDataKey, sealPersonalData } from '@pathway/privacy';
import { applyEvents } from './apply-events';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild';
import { ensureSchema, LIVE_PROJECTION } from '../schema/ensure-schema';
import { openReadModelDb, ReadModelDb } from '../schema/open-read-model-db';
import { LIVE_TABLES } from '../schema/table-set';
import { dumpTables } from '../testing/dump-tables';
import { testDatabase, testEngines, TestDatabase } from '../testing/read-model-engines';
import { framtid, unemployedWoman as profile } from '../../../domain/src/testing/fixtures';

const PERSONAL_EVENTS = new Set(['ContactDetailsChanged', 'PersonalDataErased']);

/** The log as it would be had no personal data ever been recorded: same events, same positions. */
const withoutPersonalData = (log: RecordedEvent[]): RecordedEvent[] =>
  log
    .filter((e) => !PERSONAL_EVENTS.has(e.type))
    .map((e) => {
      const { personal: _, ...data } = e.data;
      return { ...e, data };
    });

/** Personal data lives in the log only, sealed: the read models neither copy it nor count it. */
describe.each(testEngines())('personal data in the projection on %s', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-personal-'));
  const store = new SqliteEventStore(join(dir, 'events.db'));
  const deps: CommandDependencies = { store, now: () => new Date('2025-06-01T12:00:00Z'), newId: randomUUID };
  const caller = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'c-1' };
  const key = newDataKey();
  const enrolledWith = sealPersonalData({ name: 'Anna Testsson', nationalIdentityNumber: '200308142389' }, key);
  const changedTo = sealPersonalData({ phone: '070-123 45 67', email: 'anna@example.se' }, key);
  const erasureReason = 'Anna Testsson asked to be forgotten';
  const record = (participantId: string, milestone: Milestone) => recordMilestone(deps, participantId, milestone, caller);
  const databases: TestDatabase[] = [];
  const open = async (): Promise<ReadModelDb> => {
    const database = await testDatabase(engine);
    databases.push(database);
    const rm = openReadModelDb(database.config);
    await ensureSchema(rm.db);
    return rm;
  };

  beforeAll(async () => {
    await registerProject(deps, { ...framtid, projectId: 'P1' }, caller);
    await enrolParticipant(deps, { projectId: 'P1', participantId: 'a', enrolledOn: '2024-01-15', profile, personal: enrolledWith }, caller);
    await record('a', { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' });
    await changeContactDetails(deps, 'a', changedTo, caller);
    await erasePersonalData(deps, 'a', erasureReason, caller);
    await record('a', { type: 'job-placed', occurredOn: '2024-10-14', employment: 'employee', contract: 'permanent', hoursPerWeek: 40 });
  });

  afterAll(async () => {
    for (const database of databases) await database.drop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('projects enrolment, contact change and erasure without storing or counting anything personal', async () => {
    const live = await open();
    const bare = await open();
    try {
      const runner = new ProjectionRunner(store, live.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 2 });
      expect(await runner.catchUp()).toBe(6);
      const tables = await dumpTables(live.db);
      expect(tables.participants).toHaveLength(1);
      expect(tables.milestones.map((m) => m.type).sort()).toEqual(['JobPlaced', 'ParticipantExited']);

      const stored = JSON.stringify(tables);
      for (const sealed of [enrolledWith, changedTo]) {
        for (const part of [sealed.ciphertext, sealed.iv, sealed.tag]) expect(stored).not.toContain(part);
      }
      expect(stored).not.toMatch(/ciphertext|A256GCM|personal|Testsson|forgotten/);

      // The same log without any personal data builds the very same rows: no indicator can move.
      const bareLog = withoutPersonalData(await store.readAll(0, 100));
      await bare.db.transaction().execute((trx) => applyEvents(trx, LIVE_TABLES, bareLog));
      expect(await dumpTables(bare.db)).toEqual(tables);
      await rebuildReadModels(store, live.db);
      expect(await dumpTables(live.db)).toEqual(tables);
    } finally {
      await live.db.destroy();
      await bare.db.destroy();
    }
  });
});
