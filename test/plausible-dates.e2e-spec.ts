import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

/** Dates a caseworker can type but that cannot be true: refused with a 422 code, nothing recorded. */
describe('implausible dates over HTTP', () => {
  let t: TestApp;
  const project = framtidProject.id;
  const enrol = (participantId: string, birthDate: string) =>
    t.caseworker.post(`/api/v1/projects/${project}/participants`).send({ participantId, enrolledOn: '2024-01-15', profile: { ...entryProfile, birthDate } });
  const record = (participantId: string, body: object) => t.caseworker.post(`/api/v1/participants/${participantId}/milestones`).send(body);
  const followUp = (occurredOn: string) => ({ type: 'follow-up-recorded', occurredOn, monthsAfterExit: 6, situation: 'employed', improvedSituation: true });

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  // 0000-01-01 was accepted and counted as aged 55 and above.
  it.each(['0000-01-01', '1899-12-31', '1903-01-15'])('refuses the birth date %s and enrols no one', async (birthDate) => {
    const { body } = await enrol(`old-${birthDate}`, birthDate).expect(422);
    expect(body).toMatchObject({ status: 422, code: 'PARTICIPANT.IMPLAUSIBLE_BIRTH_DATE' });
    await t.evaluator.get(`/api/v1/participants/old-${birthDate}`).expect(404);
  });

  it('enrols a participant aged 120 at entry', async () => {
    await enrol('eldest', '1903-01-16').expect(201);
  });

  it('refuses a six-month follow-up dated a month after exit, and counts none in EECR05/EECR06', async () => {
    await enrol('anna', entryProfile.birthDate).expect(201);
    await record('anna', { type: 'exited', occurredOn: '2024-09-30', reason: 'completed', situation: 'job-searching' }).expect(201);
    for (const early of ['2024-10-30', '2025-02-27']) {
      const { body } = await record('anna', followUp(early)).expect(422);
      expect(body).toMatchObject({ status: 422, code: 'FOLLOW_UP.OUTSIDE_WINDOW' });
      expect(body.title).toContain('2025-02-28 to 2025-06-30');
    }
    expect((await record('anna', followUp('2025-07-01')).expect(422)).body.code).toBe('FOLLOW_UP.OUTSIDE_WINDOW');
    await projected(t);
    const { body } = await t.evaluator.get(`/api/v1/projects/${project}/indicators?to=2025-12-31`).expect(200);
    const figure = (code: string) => body.indicators.find((i: { code: string }) => i.code === code);
    expect(figure('EECR05').total).toBe(0);
    expect(figure('EECR06').total).toBe(0);
  });

  it('records a six-month follow-up dated from 5 to 9 months after the last exit', async () => {
    await record('anna', followUp('2025-03-30')).expect(201);
  });
});
