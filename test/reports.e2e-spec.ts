import { randomBytes } from 'node:crypto';
import { postgresTestDatabase, TestDatabase, testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = framtidProject.id;
const ENROL = `/api/v1/projects/${PROJECT}/participants`;
const REPORTS = `/api/v1/projects/${PROJECT}/reports`;
const exportQuery = (asKnownOn: string) => `/api/v1/projects/${PROJECT}/indicators/export?format=json&to=2026-03-30&asKnownOn=${encodeURIComponent(asKnownOn)}`;

/**
 * Issue 9.5: a report as known on K counts exactly the events the store committed by K, never
 * answers from read models that have not applied them, and refuses a K still to come.
 */
describe.each(testEngines())('reproducible reports with %s read models', (engine) => {
  let database: TestDatabase | null = null;
  let settings: Record<string, string> = {};
  let t: TestApp;

  beforeAll(async () => {
    if (engine === 'postgres') {
      database = await postgresTestDatabase();
      settings = { READ_MODEL_DB: 'postgres', DATABASE_URL: (database.config as { url: string }).url, MASTER_KEY: randomBytes(32).toString('hex') };
    }
    t = await startApp(undefined, settings);
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
  }, 30_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
    await database?.drop();
  });

  it('gives every one of 50 enrol-then-submit rounds the same digest when exported again later with its cut-off', async () => {
    const submitted: Array<{ digest: string; asKnownOn: string }> = [];
    for (let round = 0; round < 50; round++) {
      await t.caseworker.post(ENROL).send({ enrolledOn: '2025-06-01', profile: entryProfile }).expect(201);
      // No asKnownOn: the report is taken as known at this moment, the enrolment just committed included.
      const { body } = await t.admin.post(REPORTS).send({ to: '2026-03-30' }).expect(201);
      submitted.push(body);
    }
    // Later appends must change none of them.
    for (let more = 0; more < 5; more++) await t.caseworker.post(ENROL).send({ enrolledOn: '2025-06-02', profile: entryProfile }).expect(201);
    await projected(t);

    const again = [];
    for (const { asKnownOn } of submitted) {
      const exported = await t.admin.get(exportQuery(asKnownOn)).expect(200);
      const total = JSON.parse(exported.text).rows.find((r: { code: string; breakdown: string }) => r.code === 'EECO01' && r.breakdown === 'total').value;
      again.push({ digest: exported.headers.digest, total });
    }
    expect(again.map((a) => a.digest)).toEqual(submitted.map((s) => s.digest));
    // Each round counted its own enrolment: 1 to 4 are suppressed, then 5, 6, ... 50.
    expect(again.slice(4).map((a) => a.total)).toEqual(Array.from({ length: 46 }, (_, i) => i + 5));
    expect(new Set(submitted.map((s) => s.digest)).size).toBe(50);
  }, 120_000);

  it('refuses asKnownOn after now with 400, on the report, the export and a submission', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    for (const response of [
      await t.evaluator.get(`/api/v1/projects/${PROJECT}/indicators?to=2026-03-30&asKnownOn=${encodeURIComponent(future)}`),
      await t.admin.get(exportQuery('2030-01-01')),
      await t.admin.post(REPORTS).send({ to: '2026-03-30', asKnownOn: future }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'REPORT.AS_KNOWN_ON_IN_FUTURE', errors: [{ field: 'asKnownOn', reason: expect.any(String) }] });
    }
  });

  it('answers 503 REPORT.READ_MODEL_BEHIND with Retry-After while the read models lack what the report must count', async () => {
    await projected(t);
    await t.close();
    // The same installation with no projector running: the log moves on, the read models do not.
    t = await startApp(t.dataDir, { ...settings, RUN_PROJECTOR: 'false' });
    await t.caseworker.post(ENROL).send({ enrolledOn: '2025-06-03', profile: entryProfile }).expect(201);
    const asNow = await t.evaluator.get(`/api/v1/projects/${PROJECT}/indicators?to=2026-03-30`);
    expect(asNow.status).toBe(503);
    expect(asNow.body).toMatchObject({ code: 'REPORT.READ_MODEL_BEHIND' });
    expect(Number(asNow.headers['retry-after'])).toBeGreaterThan(0);
    const submission = await t.admin.post(REPORTS).send({ to: '2026-03-30' });
    expect(submission.status).toBe(503);
    // A cut-off the read models already hold is answered.
    await t.evaluator.get(`/api/v1/projects/${PROJECT}/indicators?to=2026-03-30&asKnownOn=2026-01-01`).expect(200);

    await t.close();
    t = await startApp(t.dataDir, settings);
    await t.evaluator.get(`/api/v1/projects/${PROJECT}/indicators?to=2026-03-30`).expect(200);
  }, 60_000);
});
