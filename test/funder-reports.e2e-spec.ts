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
    expect(unchanged.reports).toEqual([
      expect.objectContaining({ reportId: submitted.eventId, digest: submitted.digest, asKnownOn: submitted.asKnownOn, period: { from: null, to: '2026-03-30' }, submittedByRole: 'admin', differsNow: false, changes: [] }),
    ]);

    // Two men join: 7 -> 9, and the men's 2 is small, so it is withheld with every cell that would give it away.
    for (let i = 0; i < 2; i++) participantIds.push((await t.caseworker.post(ENROL).send({ enrolledOn: '2025-06-02', profile: { ...entryProfile, gender: 'man' } }).expect(201)).body.participantId);
    await projected(t);
    const response = await t.funder.get(REPORTS).expect(200);
    const [report] = response.body.reports;
    expect(report.differsNow).toBe(true);
    expect(report.changes).toContainEqual({ code: 'EECO02', breakdown: 'total', part: 'value', then: 7, now: 9 });
    expect(report.changes).toContainEqual({ code: 'EECO01', breakdown: 'men', part: 'value', then: 0, now: 'suppressed' });
    expect(report.changes.some((c: { now: unknown }) => c.now === 2)).toBe(false);
    for (const change of report.changes) {
      expect([change.then, change.now].every(isPublishable)).toBe(true);
    }
    // No participant, by id or otherwise: the answer is counts.
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
