import { randomUUID } from 'node:crypto';
import {
  changeContactDetails,
  CommandDependencies,
  enrolParticipant,
  erasePersonalData,
  participantStream,
  recordMilestone,
  registerProject,
  retractMilestone,
} from '@pathway/application';
import { FREE_TEXT_FIELDS, Milestone } from '@pathway/domain';
import { RecordedEvent } from '@pathway/event-store';
import { AUDIT_KEY_ID, DataKey, newDataKey, sealPersonalData, sealText } from '@pathway/privacy';
import { applyEvents } from './apply-events';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { dumpTables } from '../testing/dump-tables';
import { liveAndReplay } from '../testing/live-and-replay';
import { testEngines } from '../testing/read-model-engines';
import { framtid, unemployedWoman as profile } from '../../../domain/src/testing/fixtures';

const PERSONAL_EVENTS = new Set(['ContactDetailsChanged', 'PersonalDataErased']);

/** The log as it would be had no personal data or free text ever been recorded: same events, same positions. */
const withoutPersonalData = (log: RecordedEvent[]): RecordedEvent[] =>
  log
    .filter((e) => !PERSONAL_EVENTS.has(e.type))
    .map((e) => {
      const { personal: _, ...data } = e.data;
      for (const field of FREE_TEXT_FIELDS[e.type] ?? []) data[field] = null;
      return { ...e, data };
    });

/** Personal data lives in the log only, sealed: the read models neither copy it nor count it. */
describe.each(testEngines())('personal data in the projection on %s', (engine) => {
  const { store, open } = liveAndReplay(engine);
  const deps: CommandDependencies = { store, now: () => new Date('2025-06-01T12:00:00Z'), newId: randomUUID };
  const caller = { actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'c-1' };
  const key: DataKey = { ref: { id: 'a', version: 1 }, material: newDataKey() };
  const enrolledWith = sealPersonalData({ name: 'Anna Testsson', nationalIdentityNumber: '200308142389' }, key);
  const changedTo = sealPersonalData({ phone: '070-123 45 67', email: 'anna@example.se' }, key);
  const qualification = sealText('Truck licence for Anna Testsson 200308142389, tel 070-123 45 67', key);
  const retractionReason = sealText('Typed on Anna Testsson by mistake', key);
  const erasureReason = sealText('Anna Testsson asked to be forgotten', { ref: { id: AUDIT_KEY_ID, version: 1 }, material: newDataKey() });
  /** Written before free text was sealed: schema version 1, the text in clear. */
  const legacyQualification = {
    eventId: randomUUID(),
    type: 'QualificationGained',
    data: { participantId: 'a', occurredOn: '2024-09-22', qualification: 'Forklift licence for Anna Testsson', iscedLevel: null },
    metadata: { recordedAt: '2025-06-01T12:00:00.000Z', actor: 'caseworker-1', actorRole: 'caseworker', correlationId: 'c-0', causationId: 'c-0', projectId: 'P1', schemaVersion: 1 },
  };
  const record = (participantId: string, milestone: Milestone) => recordMilestone(deps, participantId, milestone, caller);

  beforeAll(async () => {
    await registerProject(deps, { ...framtid, projectId: 'P1' }, caller);
    await enrolParticipant(deps, { projectId: 'P1', participantId: 'a', enrolledOn: '2024-01-15', profile, personal: enrolledWith }, caller);
    await record('a', { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' });
    const [gained] = (await record('a', { type: 'qualification-gained', occurredOn: '2024-09-20', qualification, iscedLevel: 'isced-3-4' })).eventIds;
    await record('a', { type: 'qualification-gained', occurredOn: '2024-09-21', qualification, iscedLevel: 'isced-3-4' });
    await retractMilestone(deps, 'a', { eventId: gained!, reason: retractionReason }, caller);
    await store.append(participantStream('a'), [legacyQualification], 'any');
    await changeContactDetails(deps, 'a', changedTo, caller);
    await erasePersonalData(deps, 'a', erasureReason, caller);
    await record('a', { type: 'job-placed', occurredOn: '2024-10-14', employment: 'employee', contract: 'permanent', hoursPerWeek: 40 });
  });

  it('projects enrolment, contact change and erasure without storing or counting anything personal', async () => {
    const live = await open();
    const bare = await open();
    try {
      const runner = new ProjectionRunner(store, live.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 2 });
      expect(await runner.catchUp()).toBe(10);
      const tables = await dumpTables(live.db);
      expect(tables.participants).toHaveLength(1);
      expect(tables.milestones.map((m) => m.type).sort()).toEqual(['JobPlaced', 'ParticipantExited', 'QualificationGained', 'QualificationGained', 'QualificationGained']);
      // The qualification still counts (EECR03 reads the event type, never the text).
      expect(Number(tables.participants[0]!.leaving_qualified)).toBe(1);

      const stored = JSON.stringify(tables);
      for (const sealed of [enrolledWith, changedTo, qualification, retractionReason, erasureReason]) {
        for (const part of [sealed.ciphertext, sealed.iv, sealed.tag]) expect(stored).not.toContain(part);
      }
      expect(stored).not.toMatch(/ciphertext|A256GCM|personal|Testsson|forgotten|Truck|Forklift|mistake|legacyClearText/);

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
