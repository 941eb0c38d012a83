import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SqliteEventStore } from '@pathway/event-store';
import { postgresTestDatabase, TEST_POSTGRES_URL, TestDatabase, testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const ENROL = '/api/v1/projects/22-015-S01/participants';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(50)) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

/** The projector tells what stops it, and carries on after the database or the log changed under it. */
describe('projection failures and recovery, through the app', () => {
  it('shows a projection stopped at an event it cannot apply in the status and the alert metric', async () => {
    const t = await startApp(undefined, { PROJECTION_POLL_MS: '20' });
    try {
      await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
      await projected(t);
      const metric = async () => (await t.anonymous().get('/metrics').expect(200)).text;
      expect(await metric()).toMatch(/pathway_projection_failed\{projection="outcomes"\} 0/);
      // An event the projection cannot apply, written by another process (an import, an old version's bug).
      const store = new SqliteEventStore(join(t.dataDir, 'events.db'));
      const { position } = await store.append(
        'participant-bad',
        [{ eventId: randomUUID(), type: 'ParticipantEnrolled', data: { participantId: 'bad', projectId: framtidProject.id, enrolledOn: '2024-03-01' }, metadata: { recordedAt: new Date().toISOString(), schemaVersion: 1 } }],
        'no-stream',
      );
      await store.close();

      const outcomes = await until('the failure to show', async () => {
        const { body } = await t.evaluator.get('/api/v1/projections').expect(200);
        const live = body.projections.find((p: { name: string }) => p.name === 'outcomes');
        return live?.state === 'failed' ? live : null;
      });
      expect(outcomes).toMatchObject({ state: 'failed', failure: { position } });
      expect(outcomes.failure.detail).toMatch(new RegExp(`^failed at position ${position}, because event ParticipantEnrolled cannot be applied`));
      const stopped = await metric();
      expect(stopped).toMatch(/pathway_projection_failed\{projection="outcomes"\} 1/);
      expect(stopped).toMatch(/pathway_projection_lag_events\{projection="outcomes"\} 1\n/);
      // The event it stopped at was committed a moment ago, and the lag in seconds keeps growing.
      const lagSeconds = (scraped: string) => Number(/pathway_projection_lag_seconds\{projection="outcomes"\} (\S+)/.exec(scraped)![1]);
      expect(lagSeconds(stopped)).toBeGreaterThan(0);
      await sleep(1_100);
      expect(lagSeconds(await metric())).toBeGreaterThan(lagSeconds(stopped) + 1);
      // Reads are still served, and readiness is not lost over it: the alert is the metric's.
      await t.evaluator.get(`/api/v1/projects/${framtidProject.id}`).expect(200);
      expect((await t.anonymous().get('/health/ready').expect(200)).body.projections[0]).toMatchObject({ state: 'failed' });
    } finally {
      await t.close();
      removeDir(t.dataDir);
    }
  }, 60_000);

  it('projects again from position 0 when events.db was restored from a backup older than the read models', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pathway-restore-'));
    let t = await startApp(dataDir);
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker.post(ENROL).send({ participantId: 'p-1', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
    await projected(t);
    await t.close();
    copyFileSync(join(dataDir, 'events.db'), join(dataDir, 'events.backup.db'));

    t = await startApp(dataDir);
    await t.caseworker.post('/api/v1/participants/p-1/milestones').send({ type: 'job-search-started', occurredOn: '2024-02-01' }).expect(201);
    await t.caseworker.post(ENROL).send({ participantId: 'p-2', enrolledOn: '2024-02-01', profile: entryProfile }).expect(201);
    await projected(t);
    await t.close();

    // The restore: the log as it was, the read models as they are (two events ahead of it).
    copyFileSync(join(dataDir, 'events.backup.db'), join(dataDir, 'events.db'));
    t = await startApp(dataDir);
    try {
      await t.caseworker.post(ENROL).send({ participantId: 'p-3', enrolledOn: '2024-03-01', profile: entryProfile }).expect(201);
      await projected(t, 15_000);
      // Before: the checkpoint stayed ahead, p-3 was skipped, and p-1 showed a milestone the log no longer has.
      expect((await t.caseworker.get('/api/v1/participants/p-1').expect(200)).body.timeline).toEqual([]);
      await t.caseworker.get('/api/v1/participants/p-2').expect(404);
      await t.caseworker.get('/api/v1/participants/p-3').expect(200);
      expect((await t.evaluator.get(`/api/v1/projects/${framtidProject.id}`).expect(200)).body.participants.enrolled).toBe(2);
    } finally {
      await t.close();
      removeDir(dataDir);
    }
  }, 60_000);

  const withPostgres = testEngines().includes('postgres') ? describe : describe.skip;
  withPostgres('with PostgreSQL read models', () => {
    let database: TestDatabase;
    let t: TestApp;
    beforeAll(async () => {
      database = await postgresTestDatabase();
      const url = (database.config as { url: string }).url;
      t = await startApp(undefined, { READ_MODEL_DB: 'postgres', DATABASE_URL: url, MASTER_KEY: randomBytes(32).toString('hex'), PROJECTION_POLL_MS: '20' });
    });
    afterAll(async () => {
      await t.close();
      await database.drop();
      removeDir(t.dataDir);
    });

    it('answers 503 STORAGE.UNAVAILABLE while the database is gone, and sets the schema up again and carries on once it is back', async () => {
      await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
      await t.caseworker.post(ENROL).send({ participantId: 'p-1', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
      await projected(t);
      const name = new URL((database.config as { url: string }).url).pathname.slice(1);
      const admin = new Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        const gone = await t.evaluator.get(`/api/v1/projects/${framtidProject.id}`);
        expect(gone.status).toBe(503);
        expect(gone.body).toMatchObject({ code: 'STORAGE.UNAVAILABLE' });
        const ready = await t.anonymous().get('/health/ready').expect(503);
        expect(ready.body.checks.readModels).toMatchObject({ status: 'down', code: 'STORAGE.UNAVAILABLE' });
        expect(ready.body.checks.eventStore).toMatchObject({ status: 'up' });

        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      // Before: the projector looped on a missing table until the process was restarted.
      const summary = await until('the read models to come back', async () => {
        const response = await t.evaluator.get(`/api/v1/projects/${framtidProject.id}`);
        return response.status === 200 && response.body.participants.enrolled === 1 ? response.body : null;
      });
      expect(summary.participants.enrolled).toBe(1);
      await projected(t);
    }, 60_000);
  });
});
