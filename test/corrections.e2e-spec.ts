import { testEngines } from '../libs/read-models/src/testing/read-model-engines';
import { entryProfile, framtidProject } from './support/fixtures';
import { EngineTestApp, startAppOn } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = framtidProject.id;
const ENROL = `/api/v1/projects/${PROJECT}/participants`;
const P = (id: string) => `/api/v1/participants/${id}`;
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

type Figure = { code: string; total: number; women: number; men: number; nonBinary: number; genderNotDisclosed: number; dataMissing: number };

/**
 * Issue 15 §1: corrections of the entry and withdrawals of enrolments made in error, through the
 * API, on both read-model engines. Every expected figure is worked out by hand from the five
 * participants below (framtid, Europe/Stockholm; ages at entry in full years):
 *
 *   A  woman  born 2003-08-14  enrolled 2024-01-15  age 20 (EECO07)   corrected: gender man
 *   B  woman  born 2006-05-01  enrolled 2024-02-01  age 17 (EECO06)   corrected: born 2001-05-01, age 22 (EECO07)
 *   C  woman  born 2003-08-14  enrolled 2024-12-20  age 21 (EECO07)   corrected: enrolled 2025-01-10 (next year)
 *   D  woman  born 2003-08-14  enrolled 2024-03-01  age 20 (EECO07)   withdrawn: a duplicate of E
 *   E  woman  born 2003-08-14  enrolled 2024-03-01  age 20 (EECO07)
 *
 * K0 is after the enrolments, K1..K4 after each change in the order above.
 */
describe.each(testEngines())('corrections and withdrawals with %s read models', (engine) => {
  let t: EngineTestApp;
  const K: string[] = [];
  const ids = { A: 'corr-a', B: 'corr-b', C: 'corr-c', D: 'corr-d', E: 'corr-e' };

  const report = async (query: string): Promise<Record<string, Figure>> => {
    const { body } = await t.evaluator.get(`/api/v1/projects/${PROJECT}/indicators?${query}`).expect(200);
    return Object.fromEntries((body.indicators as Figure[]).map((f) => [f.code, f]));
  };
  const asKnownOn = (k: string, period = 'to=2026-03-30') => report(`${period}&asKnownOn=${encodeURIComponent(k)}`);
  const mark = async () => {
    await pause();
    K.push(new Date().toISOString());
    await pause();
  };

  beforeAll(async () => {
    t = await startAppOn(engine);
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    const enrol = (participantId: string, enrolledOn: string, birthDate = entryProfile.birthDate) =>
      t.caseworker.post(ENROL).send({ participantId, enrolledOn, profile: { ...entryProfile, birthDate }, personal: { name: 'Rätta Person' } }).expect(201);
    await enrol(ids.A, '2024-01-15');
    await enrol(ids.B, '2024-02-01', '2006-05-01');
    await enrol(ids.C, '2024-12-20');
    await enrol(ids.D, '2024-03-01');
    await enrol(ids.E, '2024-03-01');
    await t.caseworker.post(`${P(ids.E)}/milestones`).send({ type: 'job-search-started', occurredOn: '2024-03-04' }).expect(201);
    await mark();
    await t.caseworker.post(`${P(ids.A)}/corrections`).send({ corrected: { gender: 'man' }, reason: 'Typed wrong' }).expect(201);
    await mark();
    await t.caseworker.post(`${P(ids.B)}/corrections`).send({ corrected: { birthDate: '2001-05-01' }, reason: 'Year typed wrong' }).expect(201);
    await mark();
    await t.caseworker.post(`${P(ids.C)}/corrections`).send({ corrected: { enrolledOn: '2025-01-10' }, reason: 'Started in January' }).expect(201);
    await mark();
    await t.caseworker.post(`${P(ids.D)}/withdrawal`).send({ ground: 'duplicate', duplicateOf: ids.E, reason: 'Enrolled twice' }).expect(201);
    await mark();
    await projected(t);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('splits by gender as corrected only from the correction on', async () => {
    expect((await asKnownOn(K[0]!)).EECO01).toMatchObject({ total: 5, women: 5, men: 0 });
    expect((await asKnownOn(K[1]!)).EECO01).toMatchObject({ total: 5, women: 4, men: 1 });
  });

  it('moves a participant between the age bands EECO06 and EECO07 when the birth date is corrected', async () => {
    const [before, after] = [await asKnownOn(K[1]!), await asKnownOn(K[2]!)];
    expect([before.EECO06!.total, before.EECO07!.total]).toEqual([1, 4]);
    expect([after.EECO06!.total, after.EECO07!.total]).toEqual([0, 5]);
    expect(after.EECO06!.dataMissing).toBe(0);
  });

  it('moves a participant across a reporting period boundary when the enrolment date is corrected', async () => {
    const in2024 = 'from=2024-01-01&to=2024-12-31';
    const in2025 = 'from=2025-01-01&to=2025-03-31';
    expect([(await asKnownOn(K[2]!, in2024)).EECO01!.total, (await asKnownOn(K[2]!, in2025)).EECO01!.total]).toEqual([5, 0]);
    expect([(await asKnownOn(K[3]!, in2024)).EECO01!.total, (await asKnownOn(K[3]!, in2025)).EECO01!.total]).toEqual([4, 1]);
  });

  it('counts a withdrawn duplicate as known before its withdrawal, and nowhere after', async () => {
    expect((await asKnownOn(K[3]!)).EECO01).toMatchObject({ total: 5, women: 4, men: 1 });
    const after = await asKnownOn(K[4]!);
    expect(after.EECO01).toMatchObject({ total: 4, women: 3, men: 1 });
    expect(after.EECO07!.total).toBe(4);
    // As known now equals as known on the last instant: live rows and the facts agree.
    const now = await report('to=2026-03-30');
    expect(now).toEqual(after);
    const summary = await t.evaluator.get(`/api/v1/projects/${PROJECT}`).expect(200);
    expect(summary.body.participants).toEqual({ enrolled: 4, active: 4, exited: 0 });
    const withdrawn = await t.evaluator.get(`${ENROL}?status=withdrawn`).expect(200);
    expect(withdrawn.body.items.map((i: { participantId: string }) => i.participantId)).toEqual([ids.D]);
  });

  it("shows the corrected entry in the pathway, the correction on its timeline with who, when and why, and the duplicate's pointer", async () => {
    const c = await t.caseworker.get(P(ids.C)).expect(200);
    expect(c.body).toMatchObject({ enrolledOn: '2025-01-10', lastEntryOn: '2025-01-10', withdrawal: null });
    const correction = c.body.timeline.find((m: { type: string }) => m.type === 'EntryProfileCorrected');
    expect(correction).toMatchObject({
      recordedBy: 'test-caseworker',
      recordedAt: expect.any(String),
      details: { corrected: { enrolledOn: '2025-01-10' }, reason: { status: 'open', text: 'Started in January' } },
    });
    // Evaluators see that there is a reason, not the reason.
    const sealed = await t.evaluator.get(P(ids.C)).expect(200);
    expect(sealed.body.timeline.find((m: { type: string }) => m.type === 'EntryProfileCorrected').details.reason).toEqual({ status: 'sealed' });

    const b = await t.caseworker.get(P(ids.B)).expect(200);
    expect(b.body.profile.birthDate).toBe('2001-05-01');
    const d = await t.caseworker.get(P(ids.D)).expect(200);
    expect(d.body).toMatchObject({ status: 'withdrawn', withdrawal: { ground: 'duplicate', duplicateOf: ids.E, recordedBy: 'test-caseworker' } });

    // The log keeps what was recorded at enrolment; the history shows the correction with its metadata.
    const history = await t.caseworker.get(`${P(ids.A)}/history`).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['ParticipantEnrolled', 'EntryProfileCorrected']);
    expect(history.body.events[0].data.profile.gender).toBe('woman');
    expect(history.body.events[1]).toMatchObject({ data: { corrected: { gender: 'man' } }, metadata: { actor: 'test-caseworker', actorRole: 'caseworker' } });
  });

  it('refuses further records on a withdrawn participant and every broken rule with a stable code, writing nothing', async () => {
    const refused = async (path: string, body: object, status: number, code: string) => {
      const before = (await t.caseworker.get(`${P(path.split('/')[0]!)}/history`)).body.version;
      const response = await t.caseworker.post(`${P(path)}`).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await t.caseworker.get(`${P(path.split('/')[0]!)}/history`)).body.version).toBe(before);
    };
    await refused(`${ids.D}/milestones`, { type: 'job-search-started', occurredOn: '2024-03-05' }, 422, 'PARTICIPANT.WITHDRAWN');
    await refused(`${ids.D}/corrections`, { corrected: { gender: 'man' }, reason: 'x' }, 422, 'PARTICIPANT.WITHDRAWN');
    await refused(`${ids.D}/withdrawal`, { ground: 'never-took-part', reason: 'x' }, 422, 'PARTICIPANT.WITHDRAWN');
    await refused(`${ids.E}/withdrawal`, { ground: 'duplicate', duplicateOf: ids.D, reason: 'x' }, 422, 'WITHDRAWAL.DUPLICATE_WITHDRAWN');
    await refused(`${ids.E}/withdrawal`, { ground: 'duplicate', duplicateOf: 'corr-nobody', reason: 'x' }, 422, 'WITHDRAWAL.DUPLICATE_NOT_FOUND');
    await refused(`${ids.E}/withdrawal`, { ground: 'duplicate', reason: 'x' }, 422, 'WITHDRAWAL.DUPLICATE_OF_REQUIRED');
    await refused(`${ids.E}/withdrawal`, { ground: 'duplicate', duplicateOf: ids.E, reason: 'x' }, 422, 'WITHDRAWAL.DUPLICATE_OF_SELF');
    await refused(`${ids.E}/withdrawal`, { ground: 'never-took-part', duplicateOf: ids.A, reason: 'x' }, 422, 'WITHDRAWAL.DUPLICATE_OF_NOT_ALLOWED');
    await refused(`${ids.E}/withdrawal`, { ground: 'never-took-part', reason: ' \n' }, 422, 'WITHDRAWAL.REASON_REQUIRED');
    await refused(`${ids.E}/corrections`, { corrected: {}, reason: 'x' }, 422, 'CORRECTION.NO_FIELDS');
    await refused(`${ids.E}/corrections`, { corrected: { gender: 'woman' }, reason: 'x' }, 422, 'CORRECTION.NOTHING_CHANGED');
    await refused(`${ids.E}/corrections`, { corrected: { enrolledOn: '2024-03-05' }, reason: 'x' }, 422, 'CORRECTION.ENROLMENT_AFTER_FIRST_MILESTONE');
    await refused(`${ids.E}/corrections`, { corrected: { enrolledOn: '2023-01-01' }, reason: 'x' }, 422, 'PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD');
    await refused(`${ids.E}/corrections`, { corrected: { birthDate: '2024-03-02' }, reason: 'x' }, 422, 'PARTICIPANT.BORN_AFTER_ENROLMENT');
    await refused(`${ids.E}/corrections`, { corrected: { gender: 'man' }, reason: '  ' }, 422, 'CORRECTION.REASON_REQUIRED');
    // Left out or empty, the reason fails the request's shape (as the README says).
    await refused(`${ids.E}/corrections`, { corrected: { gender: 'man' } }, 400, 'REQUEST.INVALID');
    await refused(`${ids.E}/corrections`, { corrected: { gender: 'man' }, reason: '' }, 400, 'REQUEST.INVALID');
    // Values as at enrolment: the edge refuses what the profile does not allow, naming the field.
    for (const corrected of [{ gender: 'female' }, { labourMarketStatus: null }, { enrolledOn: null }, { enrolledOn: '2024-02-30' }, { disability: 'yes' }, { name: 'Anna' }]) {
      const response = await t.caseworker.post(`${P(ids.E)}/corrections`).send({ corrected, reason: 'x' });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toMatch(/^corrected\./);
    }
    // Optimistic concurrency as on every write: a stale If-Match is 409 with the current version, the right one goes through.
    const { version } = (await t.caseworker.get(`${P(ids.E)}/history`).expect(200)).body;
    const stale = await t.caseworker.post(`${P(ids.E)}/corrections`).set('If-Match', `"${version - 1}"`).send({ corrected: { disability: true }, reason: 'x' });
    expect({ status: stale.status, currentVersion: stale.body.currentVersion }).toEqual({ status: 409, currentVersion: version });
    const fresh = await t.caseworker.post(`${P(ids.E)}/corrections`).set('If-Match', `"${version}"`).send({ corrected: { disability: true }, reason: 'x' });
    expect({ status: fresh.status, etag: fresh.headers.etag }).toEqual({ status: 201, etag: `"${version + 1}"` });
    expect((await t.caseworker.post(`${P('corr-nobody')}/corrections`).send({ corrected: { gender: 'man' }, reason: 'x' })).status).toBe(404);
    expect((await t.evaluator.post(`${P(ids.E)}/corrections`).send({ corrected: { gender: 'man' }, reason: 'x' })).status).toBe(403);
  });

  it('gives the same read models after a rebuild from the log', async () => {
    const before = { report: await report('to=2026-03-30'), past: await asKnownOn(K[2]!), pathways: await Promise.all(Object.values(ids).map((id) => t.evaluator.get(P(id)).then((r) => r.body))) };
    const { body: job } = await t.admin.post('/api/v1/projections/rebuild').expect(202);
    for (const deadline = Date.now() + 30_000; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const { body } = await t.admin.get(`/api/v1/projections/rebuild/${job.jobId}`).expect(200);
      if (body.status === 'succeeded') break;
      if (body.status === 'failed' || Date.now() > deadline) throw new Error(`rebuild did not succeed: ${JSON.stringify(body)}`);
    }
    await projected(t);
    const after = { report: await report('to=2026-03-30'), past: await asKnownOn(K[2]!), pathways: await Promise.all(Object.values(ids).map((id) => t.evaluator.get(P(id)).then((r) => r.body))) };
    expect(after).toEqual(before);
  }, 60_000);
});
