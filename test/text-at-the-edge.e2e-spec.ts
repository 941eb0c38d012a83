import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

/**
 * Issue 14 §1 and §4: one NUL in a retraction reason once stopped the PostgreSQL projector for
 * every project. Such text is refused at the edge, so the read models keep up, on each engine.
 */
describe.each(testEngines())('control characters never reach the %s read models', (engine) => {
  let t: EngineTestApp;
  const participant = '/api/v1/participants/nul-p-1';

  beforeAll(async () => {
    t = await startAppOn(engine);
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.caseworker.post('/api/v1/projects/22-015-S01/participants').send({ participantId: 'nul-p-1', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
  }, 30_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses NUL in a retraction reason and a qualification with 400, and the projections carry on', async () => {
    const placed = await t.caseworker
      .post(`${participant}/milestones`)
      .send({ type: 'job-placed', occurredOn: '2024-03-01', employment: 'employee', contract: 'permanent' })
      .expect(201);
    const retraction = await t.caseworker.post(`${participant}/retractions`).send({ eventId: placed.body.eventId, reason: 'Wrong\u0000person' });
    expect(retraction.status).toBe(400);
    expect(retraction.body.errors).toContainEqual({ field: 'reason', reason: expect.stringMatching(/control characters/) });
    const qualification = await t.caseworker.post(`${participant}/milestones`).send({ type: 'qualification-gained', occurredOn: '2024-03-02', qualification: 'Fork\u0000lift' });
    expect(qualification.status).toBe(400);

    await t.caseworker.post(`${participant}/retractions`).send({ eventId: placed.body.eventId, reason: 'Recorded for the wrong person' }).expect(201);
    await projected(t);
    const pathway = await t.caseworker.get(participant).expect(200);
    expect(pathway.body.timeline).toEqual([expect.objectContaining({ type: 'JobPlaced', retracted: expect.objectContaining({ by: expect.any(String) }) })]);
  }, 30_000);
});
