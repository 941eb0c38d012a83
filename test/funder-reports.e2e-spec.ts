import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrolParticipant, registerProject } from '@pathway/application';
import { EntryProfile, IsoDate } from '@pathway/domain';
import { SqliteEventStore } from '@pathway/event-store';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = framtidProject.id;
const ENROL = `/api/v1/projects/${PROJECT}/participants`;
const REPORTS = `/api/v1/projects/${PROJECT}/reports`;
const THRESHOLD = 5;

/** Every count a funder is sent: 0, at least the threshold, or the suppression mark. */
const isPublishable = (value: unknown) => value === null || value === 'suppressed' || value === 0 || (typeof value === 'number' && value >= THRESHOLD);

/**
 * Issue 11, funders: the submitted reports with cut-off and digest, and whether the figures known
 * now differ, counts only, suppressed by the export's rule, never a participant.
 */
describe('submitted reports for funders', () => {
  let t: TestApp;
  const participantIds: string[] = [];

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    for (let i = 0; i < 7; i++) participantIds.push((await t.caseworker.post(ENROL).send({ enrolledOn: '2025-06-01', profile: entryProfile }).expect(201)).body.participantId);
    await projected(t);
  }, 30_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('lists a submitted report unchanged, then changed with the differing counts suppressed on both sides', async () => {
    const submitted = (await t.admin.post(REPORTS).send({ to: '2026-03-30' }).expect(201)).body;
    const unchanged = (await t.funder.get(REPORTS).expect(200)).body;
    expect(unchanged.project).toMatchObject({ projectId: PROJECT, name: '#framtid', startDate: '2023-03-31', endDate: '2026-03-30' });
    expect(unchanged.suppressionThreshold).toBe(THRESHOLD);
    expect(unchanged.comparedAsKnownOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(unchanged.reports).toEqual([
      expect.objectContaining({
        reportId: submitted.eventId,
        digest: submitted.digest,
        asKnownOn: submitted.asKnownOn,
        period: { from: null, to: '2026-03-30' },
        submittedByRole: 'admin',
        comparable: false,
        differsNow: false,
        changes: [],
      }),
    ]);

    // One person recorded after the submission: a comparison with the present would single them
    // out (7 -> 8, their answers among the changed cells). Nothing is compared before a month end has passed.
    participantIds.push((await t.caseworker.post(ENROL).send({ enrolledOn: '2025-06-02', profile: { ...entryProfile, disability: null } }).expect(201)).body.participantId);
    await projected(t);
    const response = await t.funder.get(REPORTS).expect(200);
    expect(response.body.reports[0]).toMatchObject({ comparable: false, differsNow: false, changes: [] });
    for (const id of participantIds) expect(response.text).not.toContain(id);
  }, 30_000);

  it('offers the reporting periods a funder may download, each accepted by the export', async () => {
    const { body } = await t.funder.get(REPORTS).expect(200);
    expect(body.reportingPeriods.length).toBeGreaterThan(0);
    const [newest] = body.reportingPeriods;
    expect(newest).toMatchObject({ kind: 'quarter', from: expect.any(String), to: expect.any(String), asKnownOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const query = `format=json&from=${newest.from}&to=${newest.to}&asKnownOn=${newest.asKnownOn}`;
    await t.funder.get(`/api/v1/projects/${PROJECT}/indicators/export?${query}`).expect(200);
  });

  it('answers evaluators and admins, refuses caseworkers and a funder of another project, 404 for no such project', async () => {
    await t.evaluator.get(REPORTS).expect(200);
    await t.admin.get(REPORTS).expect(200);
    expect((await t.caseworker.get(REPORTS)).status).toBe(403);
    const otherFunder = await t.as('funder', ['P-2']);
    // Another project's reports are not there for them (the guard answers as for every project route).
    expect([403, 404]).toContain((await otherFunder.get(REPORTS)).status);
    expect((await t.admin.get('/api/v1/projects/NO-SUCH/reports')).status).toBe(404);
  });
});

/** The day `days` before today (UTC), as a date and as the instant the history was recorded at. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const dateOf = (instant: Date) => instant.toISOString().slice(0, 10) as IsoDate;

/**
 * "Known now", for a funder, is the latest month end that has passed: history recorded in the
 * past (through the same application functions as the API, with the clock set back) is compared
 * exactly as at that month end, whatever happens after it.
 */
describe('submitted reports compared at the latest month end', () => {
  const PAST = { ...framtidProject, id: '24-314-L01', startDate: dateOf(daysAgo(400)), endDate: dateOf(daysAgo(-400)) };
  const woman = entryProfile as EntryProfile;
  let t: TestApp;

  beforeAll(async () => {
    // Seven women 100 days ago, two men 70 days ago: all before the latest month end (at most 31 days ago).
    const dataDir = mkdtempSync(join(tmpdir(), 'pathway-month-end-'));
    const store = new SqliteEventStore(join(dataDir, 'events.db'));
    const request = { actor: 'test-admin', actorRole: 'admin', correlationId: 'month-end' };
    const at = (instant: Date) => ({ store, now: () => instant, newId: randomUUID });
    const { id, ...details } = PAST;
    await registerProject(at(daysAgo(101)), { projectId: id, ...details, timeZone: 'Europe/Stockholm' }, request);
    for (let i = 0; i < 7; i++) await enrolParticipant(at(daysAgo(100)), { projectId: id, enrolledOn: dateOf(daysAgo(100)), profile: woman }, request);
    for (let i = 0; i < 2; i++) await enrolParticipant(at(daysAgo(70)), { projectId: id, enrolledOn: dateOf(daysAgo(70)), profile: { ...woman, gender: 'man' } }, request);
    await store.close();
    t = await startApp(dataDir);
    await projected(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('shows the counts that differ between a report and the same period as known on the latest month end, suppressed on both sides', async () => {
    const reports = `/api/v1/projects/${PAST.id}/reports`;
    const to = dateOf(daysAgo(1));
    // As known 85 days ago: the seven women only.
    const before = (await t.admin.post(reports).send({ to, asKnownOn: dateOf(daysAgo(85)) }).expect(201)).body;
    // A late enrolment now: after the latest month end, so no funder sees it before the next one.
    const caseworker = await t.as('caseworker', [PAST.id]);
    await caseworker.post(`/api/v1/projects/${PAST.id}/participants`).send({ enrolledOn: dateOf(daysAgo(2)), profile: { ...entryProfile, disability: null } }).expect(201);
    await projected(t);

    const funder = await t.as('funder', [PAST.id]);
    const response = await funder.get(reports).expect(200);
    const [report] = response.body.reports;
    expect(report).toMatchObject({ reportId: before.eventId, comparable: true, differsNow: true });
    // 7 -> 9 (not 10: the late enrolment is after the month end), and the men's 2 is withheld with every cell that would give it away.
    expect(report.changes).toContainEqual({ code: 'EECO02', breakdown: 'total', part: 'value', then: 7, now: 9 });
    expect(report.changes).toContainEqual({ code: 'EECO01', breakdown: 'men', part: 'value', then: 0, now: 'suppressed' });
    expect(report.changes.some((c: { now: unknown }) => c.now === 2 || c.now === 10)).toBe(false);
    for (const change of report.changes) expect([change.then, change.now].every(isPublishable)).toBe(true);
  }, 60_000);
});
