import { IntlMessageFormat } from 'intl-messageformat';
import { describeProblem } from '../apps/web/src/api/problems';
import { en, MessageId } from '../apps/web/src/i18n/messages.en';
import { sv } from '../apps/web/src/i18n/messages.sv';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const ENROL = `/api/v1/projects/${framtidProject.id}/participants`;
const P = (id: string) => `/api/v1/participants/${id}`;
const FUTURE = '2999-01-01';

/**
 * A date after the project's today is refused under the code of what is dated, and the web app
 * puts the message next to that field: an enrolment is no milestone. A withdrawal takes no date
 * (the server dates it today), so it can be neither in the future nor refused for it.
 */
describe('dates in the future, per route', () => {
  let t: TestApp;
  let timeZone: string;
  /** The project's today (sv-SE formats a date as ISO). */
  const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone }).format(new Date());
  const place = (catalogue: Record<string, string>, locale: string, body: { code: string; params?: Record<string, string | number> }) =>
    describeProblem(
      { ...body, title: '', status: 422 },
      (id: MessageId, values) => String(new IntlMessageFormat(catalogue[id], locale).format(values)),
      (iso) => iso,
    ).fields;

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    // The project's zone is read from the read models: wait for them (a fast machine asked before the projector applied it).
    await projected(t);
    timeZone = (await t.caseworker.get(`/api/v1/projects/${framtidProject.id}`).expect(200)).body.timeZone;
    await t.caseworker.post(ENROL).send({ participantId: 'fut-1', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it.each([
    ['an enrolment', 'ENROLMENT.DATE_IN_FUTURE', 'enrolledOn', ENROL, { participantId: 'fut-2', enrolledOn: FUTURE, profile: entryProfile }],
    ['a corrected enrolment date', 'CORRECTION.DATE_IN_FUTURE', 'enrolledOn', `${P('fut-1')}/corrections`, { corrected: { enrolledOn: FUTURE }, reason: 'Typed wrong' }],
    ['a milestone', 'MILESTONE.DATE_IN_FUTURE', 'occurredOn', `${P('fut-1')}/milestones`, { type: 'job-search-started', occurredOn: FUTURE }],
  ])('refuses %s with %s, shown at %s', async (_, code, field, path, body) => {
    const { body: problem } = await t.caseworker.post(path).send(body).expect(422);
    expect(problem).toMatchObject({ code, type: `urn:pathway:problem:${code}`, params: { date: FUTURE, today: today() } });
    expect(place(en, 'en', problem)).toEqual({ [field]: expect.stringContaining(`(today is ${today()})`) });
    expect(place(sv, 'sv', problem)).toEqual({ [field]: expect.stringContaining(`(i dag är det ${today()})`) });
    const { body: history } = await t.caseworker.get(`${P('fut-1')}/history`).expect(200);
    expect(JSON.stringify(history)).not.toContain(FUTURE);
  });

  it('takes no date for a withdrawal: one sent is refused as an unknown field, and the withdrawal is dated today', async () => {
    await t.caseworker.post(ENROL).send({ participantId: 'fut-3', enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
    const refused = await t.caseworker.post(`${P('fut-3')}/withdrawal`).send({ ground: 'never-took-part', reason: 'Never came', withdrawnOn: FUTURE }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'withdrawnOn' })]);
    await t.caseworker.post(`${P('fut-3')}/withdrawal`).send({ ground: 'never-took-part', reason: 'Never came' }).expect(201);
    await projected(t);
    const { body } = await t.caseworker.get(P('fut-3')).expect(200);
    expect(body.withdrawal).toMatchObject({ ground: 'never-took-part', withdrawnOn: today() });
  });
});
