import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pathway/event-store';
import { PARTICIPANT_MILESTONES_TOPIC, INDICATOR_REPORTS_TOPIC, RELAY_CHECKPOINT, toParticipantMilestone } from '@pathway/integration';
import { openReadModelDb, readCheckpoint } from '@pathway/read-models';
import { consumeUntil, deleteTopics } from '../libs/integration/src/testing/kafka-test-consumer';
import { pathway, pathwayWith, ROOT } from './support/cli';
import { removeDir } from './support/test-app';

const brokers = process.env.PATHWAY_TEST_KAFKA?.split(',');

/** The relay in apps/projector, killed in the middle of publishing and started again: nothing is lost. */
(brokers ? describe : describe.skip)('Kafka relay in the projector process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-kafka-'));
  let projector: ChildProcess | null = null;
  const start = () =>
    spawn('node', ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, KAFKA_BROKERS: brokers!.join(','), PROJECTION_POLL_MS: '20' },
      stdio: 'ignore',
    });

  beforeAll(async () => {
    await deleteTopics(brokers!, [PARTICIPANT_MILESTONES_TOPIC, INDICATOR_REPORTS_TOPIC]);
    await pathway(dataDir, 'demo', '--participants', '1500');
  }, 120_000);
  afterAll(async () => {
    projector?.kill('SIGKILL');
    removeDir(dataDir);
  });

  it('resends from its checkpoint after a crash, so every event arrives', async () => {
    const store = new SqliteEventStore(join(dataDir, 'events.db'));
    const log = await store.readAll(0, 1_000_000);
    const head = log.at(-1)!.position;
    const expected = new Set(log.filter((e) => toParticipantMilestone(e) !== null).map((e) => e.eventId));
    await store.close();

    projector = start();
    const { db } = openReadModelDb({ engine: 'sqlite', file: join(dataDir, 'read-models.db') });
    const checkpoint = () => readCheckpoint(db, RELAY_CHECKPOINT).catch(() => null);
    let killedAt: number | null = null;
    for (const deadline = Date.now() + 60_000; killedAt === null && Date.now() < deadline; ) {
      const position = await checkpoint();
      if (position !== null && position > 0) {
        projector.kill('SIGKILL');
        killedAt = position;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (projector.exitCode === null && projector.signalCode === null) await once(projector, 'exit');
    expect(killedAt).not.toBeNull();
    expect(await checkpoint()).toBeLessThan(head);

    projector = start();
    for (const deadline = Date.now() + 60_000; (await checkpoint()) !== head && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await checkpoint()).toBe(head);
    await db.destroy();

    // A guard against a hang, not a bound: a CI run with other suites beside it read 9,940 messages in the default 30 s.
    const messages = await consumeUntil(brokers!, [PARTICIPANT_MILESTONES_TOPIC], (m) => new Set(m.map((x) => x.value.eventId)).size >= expected.size, 90_000);
    expect(new Set(messages.map((m) => String(m.value.eventId)))).toEqual(expected);
  }, 240_000);

  it("lists in a person's subject-access document what the relay sent about them, by its checkpoint", async () => {
    const store = new SqliteEventStore(join(dataDir, 'events.db'));
    const log = await store.readAll(0, 1_000_000);
    await store.close();
    const participantId = String(log.filter((e) => e.type === 'ParticipantEnrolled').at(-1)!.data.participantId);
    const theirs = log.map((e) => ({ position: e.position, message: toParticipantMilestone(e) })).filter((n) => n.message?.participantId === participantId);
    const { db } = openReadModelDb({ engine: 'sqlite', file: join(dataDir, 'read-models.db') });
    const checkpoint = (await readCheckpoint(db, RELAY_CHECKPOINT))!;
    await db.destroy();

    const { stdout } = await pathwayWith({ KAFKA_BROKERS: brokers!.join(',') }, dataDir, 'subject-access', '--participant', participantId);
    const notices = JSON.parse(stdout).sections.find((s: { id: string }) => s.id === 'notices').rows as Array<{ status: string; message: string }>;
    expect(notices.map((n) => JSON.parse(n.message))).toEqual(theirs.map((n) => n.message));
    expect(notices.map((n) => n.status)).toEqual(theirs.map((n) => (n.position <= checkpoint ? 'sent' : 'not sent yet')));
    expect(notices.map((n) => n.status)).toContain('sent');
  }, 60_000);
});
