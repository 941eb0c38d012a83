import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

describe('read models over HTTP', () => {
  let t: TestApp;
  let placementId: string;
  let beforeRetraction: string;

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    const enrol = (participantId: string, profile: object) =>
      t.caseworker.post('/api/v1/projects/22-015-S01/participants').send({ participantId, enrolledOn: '2024-01-15', profile }).expect(201);
    const record = (participantId: string, body: object) =>
      t.caseworker.post(`/api/v1/participants/${participantId}/milestones`).send(body).expect(201);
    await enrol('anna', entryProfile);
    await enrol('bo', { ...entryProfile, gender: 'man', birthDate: '1968-02-01', educationLevel: null });
    await enrol('cleo', { labourMarketStatus: 'inactive' });
    await record('anna', { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' });
    placementId = (await record('anna', { type: 'job-placed', occurredOn: '2024-10-14', employment: 'employee', contract: 'temporary' })).body.eventId;
    await record('bo', { type: 'exited', occurredOn: '2024-06-30', reason: 'dropped-out', situation: 'inactive' });
    await projected(t);
    beforeRetraction = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await t.caseworker.post('/api/v1/participants/anna/retractions').send({ eventId: placementId, reason: 'another participant' }).expect(201);
    await projected(t);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('shows a pathway with the retracted milestone marked', async () => {
    const { body } = await t.evaluator.get('/api/v1/participants/anna').expect(200);
    expect(body).toMatchObject({ participantId: 'anna', projectId: '22-015-S01', status: 'exited', lastExitOn: '2024-09-30' });
    expect(body.profile).toEqual(entryProfile);
    expect(body.timeline.map((m: { type: string; retracted: unknown }) => [m.type, m.retracted !== null])).toEqual([
      ['ParticipantExited', false],
      ['JobPlaced', true],
    ]);
    await t.evaluator.get('/api/v1/participants/nobody').expect(404);
  });

  it('summarises a project and pages its participants', async () => {
    const summary = await t.evaluator.get('/api/v1/projects/22-015-S01').expect(200);
    expect(summary.body).toMatchObject({ plannedParticipants: 80, participants: { enrolled: 3, active: 1, exited: 2 } });
    const page = await t.evaluator.get('/api/v1/projects/22-015-S01/participants?status=exited&limit=1').expect(200);
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 0, items: [{ participantId: 'anna', status: 'exited' }] });
    const next = await t.evaluator.get('/api/v1/projects/22-015-S01/participants?status=exited&limit=1&offset=1').expect(200);
    expect(next.body.items.map((p: { participantId: string }) => p.participantId)).toEqual(['bo']);
    await t.evaluator.get('/api/v1/projects/nope').expect(404);
    await t.admin.get('/api/v1/projects/nope').expect(404);
    const bad = await t.evaluator.get('/api/v1/projects/22-015-S01/participants?status=gone&limit=0').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'status']);
  });

  it('lists the indicator catalogue with definitions', async () => {
    const { body } = await t.funder.get('/api/v1/indicators').expect(200);
    expect(body.catalogueVersion).toEqual(expect.any(String));
    expect(body.indicators).toHaveLength(30);
    expect(body.indicators[0]).toEqual({ code: 'EECO01', name: expect.any(String), kind: 'output', definition: expect.any(String) });
  });

  it('reports indicators as known now and as known before the retraction', async () => {
    const figure = (report: any, code: string) => report.indicators.find((i: { code: string }) => i.code === code);
    const now = await t.evaluator.get('/api/v1/projects/22-015-S01/indicators?to=2025-12-31').expect(200);
    expect(now.body).toMatchObject({ projectId: '22-015-S01', period: { from: null, to: '2025-12-31' }, asKnownOn: null });
    expect(figure(now.body, 'EECO01')).toMatchObject({ total: 3, women: 1, men: 1, genderNotDisclosed: 1 });
    expect(figure(now.body, 'EECO08')).toMatchObject({ total: 1, men: 1, dataMissing: 1 });
    expect(figure(now.body, 'EECR04')).toMatchObject({ total: 0 });
    expect(figure(now.body, 'EECR01')).toMatchObject({ total: 1, women: 1 });

    const before = await t.evaluator.get(`/api/v1/projects/22-015-S01/indicators?to=2025-12-31&asKnownOn=${beforeRetraction}`).expect(200);
    expect(figure(before.body, 'EECR04')).toMatchObject({ total: 1, women: 1 });
    // One settled situation: placed 14 days after a job-searching exit, anna was employed, not job searching.
    expect(figure(before.body, 'EECR01')).toMatchObject({ total: 0, dataMissing: 0 });
    expect(before.body.position).toBeLessThan(now.body.position);

    const rate = now.body.rates.find((r: { code: string }) => r.code === 'COMPLETION_RATE');
    expect(rate).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, byGender: { women: 1, men: 0, nonBinary: null } });
  });

  it('answers bad report parameters with 400', async () => {
    for (const query of ['from=2024-13-01', 'to=tomorrow', 'asKnownOn=2024-02-30', 'asKnownOn=2024-01-01T10:00', 'from=2025-01-01&to=2024-01-01']) {
      const { status, body } = await t.evaluator.get(`/api/v1/projects/22-015-S01/indicators?${query}`);
      expect([query, status]).toEqual([query, 400]);
      expect(body.code).toBe('REQUEST.INVALID');
    }
  });

  it('rebuilds the read models on request, reporting progress, with the same answers after', async () => {
    const before = await t.evaluator.get('/api/v1/projects/22-015-S01/indicators?to=2025-12-31').expect(200);
    const { body: job } = await t.evaluator.post('/api/v1/projections/rebuild').expect(202);
    expect(job).toMatchObject({ jobId: expect.any(String), status: 'requested' });
    let state = job;
    for (let i = 0; i < 200 && state.status !== 'succeeded' && state.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      state = (await t.evaluator.get(`/api/v1/projections/rebuild/${job.jobId}`).expect(200)).body;
    }
    expect(state).toMatchObject({ status: 'succeeded', error: null });
    expect(state.processed).toBe(state.total);
    const after = await t.evaluator.get('/api/v1/projects/22-015-S01/indicators?to=2025-12-31').expect(200);
    expect(after.body).toEqual(before.body);
  });

  // Last: a second project changes what the tests above count.
  it('lists the projects a caller may open: an admin every one, others those of their token', async () => {
    await t.admin.post('/api/v1/projects').send({ ...framtidProject, id: '23-001-S02', name: 'Andra chansen', plannedParticipants: 40 }).expect(201);
    await projected(t);
    const names = (body: Array<{ projectId: string }>) => body.map((p) => p.projectId);
    expect(names((await t.admin.get('/api/v1/projects').expect(200)).body)).toEqual(['22-015-S01', '23-001-S02']); // by name: '#framtid', then 'Andra chansen'
    const own = await t.caseworker.get('/api/v1/projects').expect(200);
    expect(own.body).toEqual([(await t.caseworker.get('/api/v1/projects/22-015-S01').expect(200)).body]);
    expect(names((await (await t.as('evaluator', ['23-001-S02', 'no-such-project'])).get('/api/v1/projects').expect(200)).body)).toEqual(['23-001-S02']);
    expect((await (await t.as('caseworker', [])).get('/api/v1/projects').expect(200)).body).toEqual([]);
    await t.funder.get('/api/v1/projects').expect(403);
  });
});
