import { randomUUID } from 'node:crypto';
import { participantStream } from '@pathway/application';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = '22-015-S01';
const SESSIONS = `/api/v1/projects/${PROJECT}/group-sessions`;

/**
 * Issue 10 §8: a group session records one attendance per participant, answered row by row,
 * safe to send again (all of it or only the refused rows), on both read-model engines.
 */
describe.each(testEngines())('group sessions (%s)', (engine) => {
  let t: EngineTestApp;
  let store: EventStore;

  const enrol = (participantId: string, projectId = PROJECT) =>
    t.caseworker.post(`/api/v1/projects/${projectId}/participants`).send({ participantId, enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
  const record = (participantId: string, milestone: object) => t.caseworker.post(`/api/v1/participants/${participantId}/milestones`).send(milestone).expect(201);
  const send = (key: string, participantIds: string[], session: object = { occurredOn: '2024-03-05', kind: 'workshop' }) =>
    t.caseworker.post(SESSIONS).set('Idempotency-Key', key).send({ ...session, participantIds });
  const attendances = async (participantId: string) =>
    (await store.readStream(participantStream(participantId))).filter((e) => e.type === 'GroupSessionAttended');
  const rows = (body: { results: Array<{ participantId: string; result: string; problem?: { code: string } }> }) =>
    Object.fromEntries(body.results.map((r) => [r.participantId, r.problem ? `${r.result} ${r.problem.code}` : r.result]));

  beforeAll(async () => {
    t = await startAppOn(engine);
    store = t.app.get(EVENT_STORE);
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    await t.admin.post('/api/v1/projects').send({ ...framtidProject, id: 'P-2', name: 'Projekt två' }).expect(201);
  }, 30_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('records the present, refuses the exited and the other project, answers a resend already-recorded, and records a fixed row sent alone', async () => {
    for (const id of ['a-1', 'a-2', 'a-3', 'a-exited']) await enrol(id);
    await enrol('b-other', 'P-2');
    await record('a-exited', { type: 'exited', occurredOn: '2024-03-01', reason: 'moved', situation: 'unknown' });
    const key = randomUUID();
    const everyone = ['a-1', 'a-2', 'a-3', 'a-exited', 'b-other', 'nobody-at-all'];

    const first = await send(key, everyone).expect(200);
    expect(rows(first.body)).toEqual({
      'a-1': 'recorded',
      'a-2': 'recorded',
      'a-3': 'recorded',
      'a-exited': 'refused PARTICIPANT.ALREADY_EXITED',
      'b-other': 'refused PARTICIPANT.NOT_FOUND',
      'nobody-at-all': 'refused PARTICIPANT.NOT_FOUND',
    });
    expect(first.body.results.map((r: { participantId: string }) => r.participantId)).toEqual(everyone);
    const refusal = (id: string) => first.body.results.find((r: { participantId: string }) => r.participantId === id).problem;
    expect(refusal('a-exited')).toEqual({ code: 'PARTICIPANT.ALREADY_EXITED', status: 422, title: expect.any(String), params: { exitedOn: '2024-03-01' } });
    // Another project's participant reads exactly like one that does not exist.
    expect(refusal('b-other')).toEqual(refusal('nobody-at-all'));
    expect(await attendances('b-other')).toEqual([]);
    expect(await attendances('a-exited')).toEqual([]);
    const [attended] = await attendances('a-1');
    expect(attended!.data).toEqual({ participantId: 'a-1', occurredOn: '2024-03-05', sessionId: first.body.sessionId, kind: 'workshop' });
    expect(attended!.metadata.projectId).toBe(PROJECT);

    // The same request again: every written row is already-recorded, nothing new in the log.
    const head = await store.headPosition();
    const again = await send(key, everyone).expect(200);
    expect(rows(again.body)).toEqual({ ...rows(first.body), 'a-1': 'already-recorded', 'a-2': 'already-recorded', 'a-3': 'already-recorded' });
    expect(again.body.sessionId).toBe(first.body.sessionId);
    expect(again.body.results[0].eventId).toBe(first.body.results[0].eventId);
    expect(await store.headPosition()).toBe(head);

    // The exited participant comes back; only that row is sent again, under the same key.
    await record('a-exited', { type: 're-entered', occurredOn: '2024-03-04' });
    const fixed = await send(key, ['a-exited']).expect(200);
    expect(rows(fixed.body)).toEqual({ 'a-exited': 'recorded' });
    expect((await attendances('a-exited'))[0]!.data.sessionId).toBe(first.body.sessionId);
    for (const id of ['a-1', 'a-2', 'a-3', 'a-exited']) expect(await attendances(id)).toHaveLength(1);

    // The same key with another date is another request: written rows are refused, nothing is written.
    const before = await store.headPosition();
    const changed = await send(key, ['a-1'], { occurredOn: '2024-03-06', kind: 'workshop' }).expect(200);
    expect(rows(changed.body)).toEqual({ 'a-1': 'refused IDEMPOTENCY.KEY_REUSED' });
    expect(await store.headPosition()).toBe(before);

    // The attendance is on the pathway like any milestone.
    await projected(t);
    const pathway = await t.caseworker.get('/api/v1/participants/a-1').expect(200);
    expect(pathway.body.timeline.map((m: { type: string }) => m.type)).toContain('GroupSessionAttended');
  });

  it('refuses a date before the enrolment or in the future row by row, and writes each row on its own', async () => {
    await enrol('c-1');
    await t.caseworker
      .post(`/api/v1/projects/${PROJECT}/participants`)
      .send({ participantId: 'c-late', enrolledOn: '2024-04-01', profile: entryProfile })
      .expect(201);
    const early = await send(randomUUID(), ['c-1', 'c-late'], { occurredOn: '2024-03-05', kind: 'study-visit' }).expect(200);
    expect(rows(early.body)).toEqual({ 'c-1': 'recorded', 'c-late': 'refused MILESTONE.BEFORE_ENROLMENT' });
    expect(early.body.results[1].problem.params).toEqual({ date: '2024-03-05', earliest: '2024-04-01' });
    const future = await send(randomUUID(), ['c-1'], { occurredOn: '2999-01-01', kind: 'study-visit' }).expect(200);
    expect(rows(future.body)).toEqual({ 'c-1': 'refused MILESTONE.DATE_IN_FUTURE' });
    expect(await attendances('c-1')).toHaveLength(1);
  });

  it('records each participant once when the same session is sent many times at once', async () => {
    const ids = ['d-1', 'd-2', 'd-3'];
    for (const id of ids) await enrol(id);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(key, ids)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      for (const row of answer.body.results) expect(['recorded', 'already-recorded']).toContain(row.result);
    }
    for (const id of ids) {
      const [event] = await attendances(id);
      expect(await attendances(id)).toHaveLength(1);
      // Every sending names that one event. (Two sendings racing to the same append may both say
      // `recorded`: the store takes the second as a retry of the first; what counts is one event.)
      const rowsOf = answers.map((a) => a.body.results.find((r: { participantId: string }) => r.participantId === id));
      expect(new Set(rowsOf.map((r) => r.eventId))).toEqual(new Set([event!.eventId]));
    }
    expect(new Set(answers.map((a) => a.body.sessionId)).size).toBe(1);
  });

  it('validates the body field by field, bounds the list, needs an Idempotency-Key, and writes nothing on a 400', async () => {
    await enrol('e-1');
    const head = await store.headPosition();
    const invalid = async (body: object, field: string, key: string | null = randomUUID()) => {
      const pending = t.caseworker.post(SESSIONS);
      if (key) pending.set('Idempotency-Key', key);
      const response = await pending.send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('REQUEST.INVALID');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    const valid = { occurredOn: '2024-03-05', kind: 'workshop', participantIds: ['e-1'] };
    await invalid({ ...valid, occurredOn: '2024-02-30' }, 'occurredOn');
    await invalid({ ...valid, kind: 'party' }, 'kind');
    await invalid({ ...valid, participantIds: [] }, 'participantIds');
    await invalid({ ...valid, participantIds: ['e-1', 'e-1'] }, 'participantIds');
    await invalid({ ...valid, participantIds: ['Anna Andersson'] }, 'participantIds');
    await invalid({ ...valid, participantIds: Array.from({ length: 501 }, (_, i) => `x-${i}`) }, 'participantIds');
    await invalid(valid, 'Idempotency-Key', null);
    expect(await store.headPosition()).toBe(head);
    // 500 is within the bound: each unknown id is refused on its own row.
    const many = await send(randomUUID(), Array.from({ length: 500 }, (_, i) => `x-${i}`)).expect(200);
    expect(many.body.results).toHaveLength(500);
    expect(await store.headPosition()).toBe(head);
  });

  it('is for caseworkers of the project: 403 for evaluators and funders, 404 for another project', async () => {
    for (const caller of [t.evaluator, t.funder]) {
      const response = await caller.post(SESSIONS).set('Idempotency-Key', randomUUID()).send({ occurredOn: '2024-03-05', kind: 'workshop', participantIds: ['a-1'] });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('AUTH.FORBIDDEN');
    }
    const outsider = await t.as('caseworker', ['P-2'], 'caseworker-of-p2');
    const response = await outsider.post(SESSIONS).set('Idempotency-Key', randomUUID()).send({ occurredOn: '2024-03-05', kind: 'workshop', participantIds: ['a-1'] });
    expect(response.status).toBe(404);
  });
});
