import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';

describe('concurrent writers, retries and restarts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const enrol = (participantId: string) =>
    t.caseworker.post('/api/v1/projects/22-015-S01/participants').send({ participantId, enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
  const history = async (participantId: string) =>
    (await t.caseworker.get(`/api/v1/participants/${participantId}/history`).expect(200)).body.events as Array<{ type: string }>;
  const placement = { type: 'job-placed', occurredOn: '2024-05-02', employment: 'employee', contract: 'permanent' };

  it('lets exactly one of 20 writers with the same If-Match through; the others get 409 and the current version', async () => {
    await enrol('p-race');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.caseworker.post('/api/v1/participants/p-race/milestones').set('If-Match', '"1"').send(placement),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const conflicts = answers.filter((a) => a.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts) {
      expect(conflict.body).toMatchObject({ code: 'CONCURRENCY.VERSION_MISMATCH', currentVersion: 2 });
    }
    expect(await history('p-race')).toHaveLength(2);
  });

  it('answers a stale If-Match with 409 and writes nothing', async () => {
    await enrol('p-stale');
    await t.caseworker.post('/api/v1/participants/p-stale/milestones').set('If-Match', '"1"').send(placement).expect(201);
    const stale = await t.caseworker.post('/api/v1/participants/p-stale/milestones').set('If-Match', '"1"').send(placement);
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect(await history('p-stale')).toHaveLength(2);
  });

  it('records every write of concurrent writers without If-Match', async () => {
    await enrol('p-busy');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.caseworker
          .post('/api/v1/participants/p-busy/milestones')
          .send({ type: 'qualification-gained', occurredOn: '2024-03-01', qualification: `Course ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
    expect(await history('p-busy')).toHaveLength(11);
  });

  it('gives a repeated Idempotency-Key the first answer and writes one event', async () => {
    await enrol('p-retry');
    const send = () =>
      t.caseworker.post('/api/v1/participants/p-retry/milestones').set('Idempotency-Key', 'retry-7').send(placement);
    const first = await send().expect(201);
    const again = await send().expect(201);
    const concurrent = await Promise.all([send(), send(), send()]);
    for (const answer of [again, ...concurrent]) {
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual(first.body);
      expect(answer.headers.etag).toBe(first.headers.etag);
    }
    expect(await history('p-retry')).toHaveLength(2);
  });

  it('makes the same participant for a repeated enrolment with the same Idempotency-Key', async () => {
    const send = () =>
      t.caseworker
        .post('/api/v1/projects/22-015-S01/participants')
        .set('Idempotency-Key', 'enrol-42')
        .send({ enrolledOn: '2024-01-15', profile: entryProfile })
        .expect(201);
    const first = await send();
    const second = await send();
    expect(second.body).toEqual(first.body);
    expect(await history(first.body.participantId)).toHaveLength(1);
  });

  it('keeps every event across a restart of the app', async () => {
    await enrol('p-restart');
    await t.caseworker.post('/api/v1/participants/p-restart/milestones').send(placement).expect(201);
    const before = await history('p-restart');
    await t.close();

    t = await startApp(t.dataDir);
    expect(await history('p-restart')).toEqual(before);
    await t.caseworker.post('/api/v1/participants/p-restart/milestones').set('If-Match', '"2"').send({ type: 'job-search-started', occurredOn: '2024-06-01' }).expect(201);
  });
});
