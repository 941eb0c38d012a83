import { randomUUID } from 'node:crypto';
import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = framtidProject.id;
const ENROL = `/api/v1/projects/${PROJECT}/participants`;
const COMPARISON = `/api/v1/projects/${PROJECT}/indicators/comparison`;
const P = (id: string) => `/api/v1/participants/${id}`;

interface Figure {
  code: string;
  group: string;
  measure: string;
  a: number;
  b: number;
  changed: boolean;
  explanation: Array<{ participantId: string; events: Array<Record<string, unknown>> }>;
}

/** Issue 11, evaluator 2: two days of the report compared, each change explained by the events between them. */
describe.each(testEngines())('report comparison with %s read models', (engine) => {
  let t: EngineTestApp;
  let A: string;
  const figure = (body: { figures: Figure[] }, id: string) => {
    const f = body.figures.find((x) => `${x.code}/${x.group}/${x.measure}` === id)!;
    return { a: f.a, b: f.b, changed: f.changed, explanation: f.explanation.map((e) => ({ participantId: e.participantId, events: e.events.map((ev) => [ev.type, ev.occurredOn, ev.recordedBy]) })) };
  };
  const enrol = (participantId: string) =>
    t.caseworker.post(ENROL).send({ participantId, enrolledOn: '2025-06-01', profile: entryProfile, personal: { name: 'Comparison Person' } }).expect(201);

  beforeAll(async () => {
    t = await startAppOn(engine);
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await enrol('cmp-w');
    await enrol('cmp-m');
    await projected(t);
    A = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Between A and now: cmp-w exits job searching, cmp-m's gender is corrected to man, cmp-n is enrolled.
    await t.caseworker.post(`${P('cmp-w')}/milestones`).send({ type: 'exited', occurredOn: '2025-09-30', reason: 'completed', situation: 'job-searching' }).expect(201);
    await t.caseworker.post(`${P('cmp-m')}/corrections`).send({ corrected: { gender: 'man' }, reason: 'Typed wrong' }).expect(201);
    await enrol('cmp-n');
    await projected(t);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('compares the report as known on A with now, each changed figure explained by its participants and their events', async () => {
    const { body } = await t.evaluator.get(`${COMPARISON}?to=2026-03-30&asKnownOnA=${encodeURIComponent(A)}`).expect(200);
    expect(body.a.asKnownOn).toBe(A);
    expect(body.b.cutOffPosition).toBeGreaterThan(body.a.cutOffPosition);
    expect(figure(body, 'EECO01/total/count')).toEqual({ a: 2, b: 3, changed: true, explanation: [{ participantId: 'cmp-n', events: [['ParticipantEnrolled', '2025-06-01', 'test-caseworker']] }] });
    expect(figure(body, 'EECO01/men/count')).toEqual({ a: 0, b: 1, changed: true, explanation: [{ participantId: 'cmp-m', events: [['EntryProfileCorrected', expect.any(String), 'test-caseworker']] }] });
    // One woman corrected away, one enrolled: the women's cell is the same, and nothing explains a change it did not have.
    expect(figure(body, 'EECO01/women/count')).toEqual({ a: 2, b: 2, changed: false, explanation: [] });
    expect(figure(body, 'EECR01/total/count')).toEqual({ a: 0, b: 1, changed: true, explanation: [{ participantId: 'cmp-w', events: [['ParticipantExited', '2025-09-30', 'test-caseworker']] }] });
    expect(figure(body, 'COMPLETION_RATE/total/numerator')).toMatchObject({ a: 0, b: 1 });
    expect(JSON.stringify(body)).not.toContain('Comparison Person');
  });

  it('compares a submitted report with now, and proves side A is the report submitted', async () => {
    const { body: submitted } = await t.admin.post(`/api/v1/projects/${PROJECT}/reports`).send({ to: '2026-03-30' }).expect(201);
    await enrol('cmp-late');
    await projected(t);
    const { body } = await t.evaluator.get(`/api/v1/projects/${PROJECT}/reports/${submitted.eventId}/comparison`).expect(200);
    expect(body.submittedReport).toMatchObject({ reportId: submitted.eventId, digest: submitted.digest, submittedBy: 'test-admin', digestReproduced: true });
    expect(body.a.asKnownOn).toBe(submitted.asKnownOn);
    expect(body.period).toEqual({ from: null, to: '2026-03-30' });
    expect(figure(body, 'EECO01/total/count')).toEqual({ a: 3, b: 4, changed: true, explanation: [{ participantId: 'cmp-late', events: [['ParticipantEnrolled', '2025-06-01', 'test-caseworker']] }] });

    const unknown = await t.evaluator.get(`/api/v1/projects/${PROJECT}/reports/${randomUUID()}/comparison`).expect(404);
    expect(unknown.body).toMatchObject({ code: 'REPORT.NOT_FOUND' });
  });

  it('refuses funders (they get suppressed figures only, never participants), a day to come, and A after B', async () => {
    await t.funder.get(`${COMPARISON}?to=2026-03-30&asKnownOnA=2025-01-01`).expect(403);
    const future = new Date(Date.now() + 60_000).toISOString();
    const ahead = await t.evaluator.get(`${COMPARISON}?to=2026-03-30&asKnownOnA=${encodeURIComponent(future)}`).expect(400);
    expect(ahead.body).toMatchObject({ code: 'REPORT.AS_KNOWN_ON_IN_FUTURE', errors: [{ field: 'asKnownOnA' }] });
    const reversed = await t.evaluator.get(`${COMPARISON}?to=2026-03-30&asKnownOnA=2025-02-01&asKnownOnB=2025-01-01`).expect(400);
    expect(reversed.body).toMatchObject({ errors: [{ field: 'asKnownOnA' }] });
    const missing = await t.evaluator.get(`${COMPARISON}?to=2026-03-30`).expect(400);
    expect(missing.body).toMatchObject({ errors: [{ field: 'asKnownOnA' }] });
  });
});
