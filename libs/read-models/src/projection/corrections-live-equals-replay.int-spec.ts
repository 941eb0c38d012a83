import { generateDemo } from '@pathway/demo';
import { randomUUID } from 'node:crypto';
import { participantStream, toEventToAppend } from '@pathway/application';
import { EnrolmentWithdrawn, EntryProfileCorrected } from '@pathway/domain';
import { EventStore } from '@pathway/event-store';
import { ProjectionRunner } from './projection-runner';
import { rebuildReadModels } from './rebuild';
import { LIVE_PROJECTION } from '../schema/ensure-schema';
import { LIVE_TABLES } from '../schema/table-set';
import { dumpTables } from '../testing/dump-tables';
import { liveAndReplay } from '../testing/live-and-replay';
import { testEngines } from '../testing/read-model-engines';

/** Corrections of the entry and withdrawals too: read models built live equal those rebuilt from scratch. */
describe.each(testEngines())('live equals replay after corrections and withdrawals on %s', (engine) => {
  const { store, open } = liveAndReplay(engine);

  /** Corrections of the entry and withdrawals on a few demo participants, as the API would record them. */
  const correctSome = async (log: EventStore): Promise<number> => {
    const enrolled = (await log.readAll(0, 1_000_000)).filter((e) => e.type === 'ParticipantEnrolled').slice(0, 6);
    const reason = { alg: 'A256GCM', iv: 'aXYtMTI=', tag: 'dGFnLTE2', ciphertext: 'cmVhc29u' };
    const events: Array<[string, EntryProfileCorrected | EnrolmentWithdrawn]> = enrolled.map((e, i) => {
      const participantId = String(e.data.participantId);
      const correctedOn = '2026-01-15';
      if (i === 4) return [participantId, { type: 'EnrolmentWithdrawn', data: { participantId, withdrawnOn: correctedOn, ground: 'never-took-part', duplicateOf: null, reason } }];
      if (i === 5) return [participantId, { type: 'EnrolmentWithdrawn', data: { participantId, withdrawnOn: correctedOn, ground: 'duplicate', duplicateOf: String(enrolled[0]!.data.participantId), reason } }];
      const corrected = [{ gender: 'non-binary' as const }, { birthDate: '1960-01-01' }, { disability: true }, { labourMarketStatus: 'inactive' as const, gender: null }][i]!;
      return [participantId, { type: 'EntryProfileCorrected', data: { participantId, correctedOn, corrected, reason } }];
    });
    for (const [participantId, event] of events) {
      const metadata = { recordedAt: new Date().toISOString(), actor: 'caseworker-anna', actorRole: 'caseworker', correlationId: randomUUID(), causationId: randomUUID(), projectId: String(enrolled[0]!.metadata.projectId) };
      await log.append(participantStream(participantId), [toEventToAppend(event, randomUUID(), metadata)], 'any');
    }
    return events.length;
  };

  it('builds the same tables event by event as in one rebuild, row for row, corrected and withdrawn participants included', async () => {
    const demo = await generateDemo(store, { participants: 40, seed: 11 });
    const events = demo.events + (await correctSome(store));
    const live = await open();
    const replayed = await open();
    try {
      // Live: one event per transaction, as the projector follows appends one at a time.
      const runner = new ProjectionRunner(store, live.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES, batchSize: 1 });
      expect(await runner.catchUp()).toBe(events);
      await rebuildReadModels(store, replayed.db, () => undefined, 5000);

      const [a, b] = [await dumpTables(live.db), await dumpTables(replayed.db)];
      expect(a.participants).toHaveLength(40);
      expect(a.participants.filter((p) => p.status === 'withdrawn')).toHaveLength(2);
      expect(a.participants.filter((p) => p.gender === 'non-binary' || p.birth_date === '1960-01-01' || p.labour_market_status === 'inactive').length).toBeGreaterThanOrEqual(3);
      expect(a.milestones.filter((m) => m.type === 'EntryProfileCorrected')).toHaveLength(4);
      expect(b).toEqual(a);
    } finally {
      await live.db.destroy();
      await replayed.db.destroy();
    }
  }, 60_000);
});
