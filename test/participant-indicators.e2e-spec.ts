import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

describe('one participant: the indicators they count in, and rule refusals with their values', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    id = (await t.caseworker.post('/api/v1/projects/22-015-S01/participants').send({ enrolledOn: '2024-01-15', profile: entryProfile }).expect(201)).body.participantId;
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('follows the pathway: the entry outputs, then the results upon leaving', async () => {
    await projected(t);
    const active = (await t.caseworker.get(`/api/v1/participants/${id}/indicators`).expect(200)).body;
    expect(active).toMatchObject({ participantId: id, asOf: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), catalogueVersion: expect.any(String) });
    const codes = (body: { indicators: Array<{ code: string; answer: string }> }) => Object.fromEntries(body.indicators.map((i) => [i.code, i.answer]));
    expect(codes(active).EECO01).toBe('counts');
    expect(Object.keys(codes(active)).filter((code) => code.startsWith('EECR'))).toEqual([]);

    await t.caseworker.post(`/api/v1/participants/${id}/milestones`).send({ type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'employed' }).expect(201);
    await projected(t);
    const left = codes((await t.caseworker.get(`/api/v1/participants/${id}/indicators`).expect(200)).body);
    expect(left.EECR04).toBe('counts');
    // The six-month point (2025-03-30) has passed with no follow-up recorded.
    expect(left.EECR05).toBe('data-missing');
  });

  it('answers 404 for a participant it does not know', async () => {
    const answer = await t.caseworker.get('/api/v1/participants/nobody-here/indicators').expect(404);
    expect(answer.body.code).toBe('PARTICIPANT.NOT_FOUND');
  });

  it('gives a broken date rule its dates as params, for the app to say it in its language', async () => {
    const before = await t.caseworker.post(`/api/v1/participants/${id}/milestones`).send({ type: 'follow-up-recorded', occurredOn: '2024-10-01', monthsAfterExit: 6, situation: 'employed' }).expect(422);
    expect(before.body).toMatchObject({
      code: 'FOLLOW_UP.OUTSIDE_WINDOW',
      params: { date: '2024-10-01', monthsAfterExit: 6, lastExitOn: '2024-09-30', from: '2025-02-28', to: '2025-06-30' },
    });
    const early = await t.caseworker.post(`/api/v1/participants/${id}/milestones`).send({ type: 're-entered', occurredOn: '2024-01-01' }).expect(422);
    expect(early.body).toMatchObject({ code: 'MILESTONE.BEFORE_ENROLMENT', params: { date: '2024-01-01', earliest: '2024-01-15' } });
  });
});
