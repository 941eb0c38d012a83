import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

const PROJECT = framtidProject.id;
const ENROL = `/api/v1/projects/${PROJECT}/participants`;
const REPORT = `/api/v1/projects/${PROJECT}/indicators`;
const DRILL = (code: string) => `/api/v1/projects/${PROJECT}/indicators/${code}/participants`;
const GROUPS = ['women', 'men', 'nonBinary', 'genderNotDisclosed'] as const;

interface Report {
  indicators: Array<Record<(typeof GROUPS)[number] | 'total' | 'dataMissing', number> & { code: string }>;
  rates: Array<{ code: string; numerator: number; denominator: number; byGenderMeasures: Record<string, { numerator: number; denominator: number }> }>;
}

/** Issue 11, evaluator 3: select a figure and see the pseudonymous pathways counted in it; funders never. */
describe('drill-down: the participants behind a figure', () => {
  let t: TestApp;
  const enrol = (participantId: string, profile: Record<string, unknown>) =>
    t.caseworker.post(ENROL).send({ participantId, enrolledOn: '2025-06-01', profile: { ...entryProfile, ...profile }, personal: { name: 'Drill Person' } }).expect(201);

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    // By hand: dr-w1 a woman, long-term unemployed, disability unknown (entryProfile), exits job searching;
    // dr-w2 a woman, unemployed, with a disability; dr-m a man, inactive, no disability; dr-x gender not
    // disclosed, long-term unemployed, no disability.
    await enrol('dr-w1', {});
    await enrol('dr-w2', { labourMarketStatus: 'unemployed', disability: true });
    await enrol('dr-m', { gender: 'man', labourMarketStatus: 'inactive', disability: false });
    await enrol('dr-x', { gender: null, disability: false });
    await t.caseworker.post('/api/v1/participants/dr-w1/milestones').send({ type: 'exited', occurredOn: '2025-09-30', reason: 'completed', situation: 'job-searching' }).expect(201);
    await projected(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('lists exactly the participants a hand count gives, pseudonymous ids only', async () => {
    const ids = async (code: string, query = '') => (await t.evaluator.get(`${DRILL(code)}?to=2026-03-30${query}`).expect(200)).body;
    expect(await ids('EECO01')).toMatchObject({ code: 'EECO01', group: 'total', measure: 'count', value: 4, participantIds: ['dr-m', 'dr-w1', 'dr-w2', 'dr-x'] });
    expect((await ids('EECO01', '&group=women')).participantIds).toEqual(['dr-w1', 'dr-w2']);
    expect((await ids('EECO03')).participantIds).toEqual(['dr-w1', 'dr-x']);
    expect((await ids('EECO12')).participantIds).toEqual(['dr-w2']);
    expect((await ids('EECO12', '&measure=dataMissing')).participantIds).toEqual(['dr-w1']);
    expect((await ids('EECR01')).participantIds).toEqual(['dr-w1']);
    const admin = await t.admin.get(`${DRILL('EECO04')}?to=2026-03-30&group=men`).expect(200);
    expect(admin.body.participantIds).toEqual(['dr-m']);
    expect(JSON.stringify(admin.body)).not.toContain('Drill Person');
  });

  it('has as many participants as the report figure, for every cell of the seeded project', async () => {
    const { body: report } = (await t.evaluator.get(`${REPORT}?to=2026-03-30`).expect(200)) as { body: Report };
    const cells: Array<[string, string, string, number]> = [];
    for (const f of report.indicators) {
      cells.push([f.code, 'total', 'count', f.total], [f.code, 'total', 'dataMissing', f.dataMissing]);
      for (const g of GROUPS) cells.push([f.code, g, 'count', f[g]]);
    }
    for (const r of report.rates) {
      if (r.code !== 'MEDIAN_DAYS_TO_PLACEMENT') cells.push([r.code, 'total', 'numerator', r.numerator]);
      if (r.code !== 'TARGET_ACHIEVEMENT') cells.push([r.code, 'total', 'denominator', r.denominator]);
      for (const g of GROUPS) {
        if (r.code !== 'MEDIAN_DAYS_TO_PLACEMENT') cells.push([r.code, g, 'numerator', r.byGenderMeasures[g].numerator]);
        if (r.code !== 'TARGET_ACHIEVEMENT') cells.push([r.code, g, 'denominator', r.byGenderMeasures[g].denominator]);
      }
    }
    expect(cells.length).toBeGreaterThan(100);
    for (const [code, group, measure, value] of cells) {
      const { body } = await t.evaluator.get(`${DRILL(code)}?to=2026-03-30&group=${group}&measure=${measure}`).expect(200);
      expect([code, group, measure, body.participantIds.length, body.value]).toEqual([code, group, measure, value, value]);
    }
  }, 120_000);

  it('counts as known on a day, as the report does', async () => {
    const { body } = await t.evaluator.get(`${DRILL('EECO01')}?to=2026-03-30&asKnownOn=2024-01-01`).expect(200);
    expect(body).toMatchObject({ value: 0, participantIds: [], asKnownOn: expect.any(String) });
  });

  it('refuses funders and caseworkers, figures the report has not, and the two no list makes up', async () => {
    await t.funder.get(`${DRILL('EECO01')}?to=2026-03-30`).expect(403);
    await t.caseworker.get(`${DRILL('EECO01')}?to=2026-03-30`).expect(403);
    await t.anonymous().get(`${DRILL('EECO01')}?to=2026-03-30`).expect(401);
    await t.evaluator.get(`${DRILL('EECO99')}?to=2026-03-30`).expect(400);
    await t.evaluator.get(`${DRILL('EECO01')}?to=2026-03-30&group=women&measure=dataMissing`).expect(400);
    await t.evaluator.get(`${DRILL('EECO01')}?to=2026-03-30&group=everyone`).expect(400);
    await t.evaluator.get(`${DRILL('MEDIAN_DAYS_TO_PLACEMENT')}?to=2026-03-30&measure=numerator`).expect(400);
    await t.evaluator.get(`${DRILL('TARGET_ACHIEVEMENT')}?to=2026-03-30&measure=denominator`).expect(400);
    // An evaluator of other projects is told no more than that there is no such project.
    const other = await t.as('evaluator', ['some-other-project']);
    await other.get(`${DRILL('EECO01')}?to=2026-03-30`).expect(404);
  });
});
