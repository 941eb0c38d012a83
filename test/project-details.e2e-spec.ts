import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = '24-313-D01';
const DETAILS = `/api/v1/projects/${PROJECT}/details`;
const change = { name: '#framtid', startDate: '2023-03-31', endDate: '2026-03-30', plannedParticipants: 80, timeZone: 'Europe/Stockholm', reason: 'Amended funding decision 2024-05-02' };

/**
 * Changing a project's details as events, on both read-model engines: the rules, If-Match, the
 * read model, and a rebuild that gives the same project.
 */
describe.each(testEngines())('project details (%s)', (engine) => {
  let t: EngineTestApp;
  let caseworker: EngineTestApp['caseworker'];

  const enrol = (participantId: string, enrolledOn: string, project = PROJECT) =>
    caseworker.post(`/api/v1/projects/${project}/participants`).send({ participantId, enrolledOn, profile: entryProfile }).expect(201);

  beforeAll(async () => {
    t = await startAppOn(engine);
    caseworker = await t.as('caseworker', [PROJECT, '24-313-D02', '24-313-D03'], 'projects-caseworker');
    for (const id of [PROJECT, '24-313-D02', '24-313-D03']) await t.admin.post('/api/v1/projects').send({ ...framtidProject, id }).expect(201);
  }, 30_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('gives the details with their version, changes them under If-Match, and the read model follows', async () => {
    const before = await t.admin.get(DETAILS).expect(200);
    const { id: _id, ...registered } = framtidProject;
    expect(before.body).toMatchObject({ ...registered, projectId: PROJECT, timeZone: 'Europe/Stockholm', version: 1 });
    expect(before.headers.etag).toBe('"1"');

    const changed = await t.admin
      .put(DETAILS)
      .set('If-Match', '"1"')
      .send({ ...change, name: '#framtid förlängt', endDate: '2026-09-30', plannedParticipants: 95 })
      .expect(200);
    expect(changed.body).toMatchObject({ name: '#framtid förlängt', endDate: '2026-09-30', plannedParticipants: 95, owner: framtidProject.owner, version: 2 });
    expect(changed.headers.etag).toBe('"2"');

    await projected(t);
    const summary = await t.admin.get(`/api/v1/projects/${PROJECT}`).expect(200);
    expect(summary.body).toMatchObject({ name: '#framtid förlängt', endDate: '2026-09-30', plannedParticipants: 95 });
  });

  it('answers a stale If-Match 409 with the current version, and writes nothing', async () => {
    const stale = await t.admin.put(DETAILS).set('If-Match', '"1"').send({ ...change, plannedParticipants: 120 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'CONCURRENCY.VERSION_MISMATCH' });
    expect((await t.admin.get(DETAILS).expect(200)).body).toMatchObject({ plannedParticipants: 95, version: 2 });
  });

  it('records nothing when nothing changes', async () => {
    const current = (await t.admin.get(DETAILS).expect(200)).body;
    const { name, startDate, endDate, plannedParticipants, timeZone } = current;
    const again = await t.admin.put(DETAILS).send({ name, startDate, endDate, plannedParticipants, timeZone, reason: 'Checked' }).expect(200);
    expect(again.body.version).toBe(current.version);
  });

  it.each([
    [{ endDate: '2023-01-01' }, 'PROJECT.INVALID_PERIOD'],
    [{ reason: '   ' }, 'PROJECT.CHANGE_REASON_REQUIRED'],
  ])('refuses %p: 422 %s', async (over, code) => {
    const answer = await t.admin.put(DETAILS).send({ ...change, ...over }).expect(422);
    expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 422, code });
  });

  it.each([
    [{ plannedParticipants: 0 }, 'plannedParticipants'],
    [{ timeZone: 'CET' }, 'timeZone'],
    [{ owner: 'Someone else' }, 'owner'],
  ])('refuses %p at the edge: 400 naming %s', async (over, field) => {
    const answer = await t.admin.put(DETAILS).send({ ...change, ...over }).expect(400);
    expect(JSON.stringify(answer.body)).toContain(field);
  });

  it('keeps every recorded enrolment inside the period, and the zone once someone is enrolled', async () => {
    const project = '24-313-D02';
    const path = `/api/v1/projects/${project}/details`;
    await t.admin.put(path).send({ ...change, timeZone: 'Pacific/Auckland' }).expect(200); // no one enrolled yet
    await enrol('d02-p1', '2024-01-15', project);
    await enrol('d02-p2', '2025-06-01', project);

    const late = await t.admin.put(path).send({ ...change, timeZone: 'Pacific/Auckland', startDate: '2024-02-01' }).expect(422);
    expect(late.body).toMatchObject({ code: 'PROJECT.PERIOD_EXCLUDES_ENROLMENTS', params: { earliest: '2024-01-15', latest: '2025-06-01' } });
    await t.admin.put(path).send({ ...change, timeZone: 'Pacific/Auckland', endDate: '2025-05-31' }).expect(422);
    const zone = await t.admin.put(path).send({ ...change, timeZone: 'Europe/Stockholm' }).expect(422);
    expect(zone.body).toMatchObject({ code: 'PROJECT.TIME_ZONE_FIXED', params: { enrolled: 2 } });

    await t.admin.put(path).send({ ...change, timeZone: 'Pacific/Auckland', startDate: '2024-01-15', endDate: '2025-06-01' }).expect(200);
    // An enrolment is then checked against the changed period.
    await caseworker.post(`/api/v1/projects/${project}/participants`).send({ participantId: 'd02-p3', enrolledOn: '2025-06-02', profile: entryProfile }).expect(422);
  });

  it('is for admins only', async () => {
    await caseworker.put(DETAILS).send(change).expect(403);
    await t.admin.put('/api/v1/projects/24-313-D99/details').send(change).expect(404);
  });

  it('gives the same projects after a rebuild as live', async () => {
    await t.admin.put('/api/v1/projects/24-313-D03/details').send({ ...change, name: 'Nytt namn', plannedParticipants: 40 }).expect(200);
    await projected(t);
    const live = (await t.admin.get('/api/v1/projects').expect(200)).body;
    const { jobId } = (await t.admin.post('/api/v1/projections/rebuild').expect(202)).body;
    for (const deadline = Date.now() + 30_000; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const { status } = (await t.admin.get(`/api/v1/projections/rebuild/${jobId}`).expect(200)).body;
      if (status === 'succeeded') break;
      if (status === 'failed' || Date.now() > deadline) throw new Error(`rebuild ${status}`);
    }
    expect((await t.admin.get('/api/v1/projects').expect(200)).body).toEqual(live);
    expect(live.find((p: { projectId: string }) => p.projectId === '24-313-D03')).toMatchObject({ name: 'Nytt namn', plannedParticipants: 40 });
  });
});
