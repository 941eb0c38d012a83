import { DEMO_PROJECTS } from '@pathway/demo';
import { Agent, removeDir, startApp, TestApp } from './support/test-app';
import { projected } from './support/wait-for';

/** `DEMO_PARTICIPANTS=N npm start`: every ESF+ indicator and rate for every demo project. */
describe('the app started with demo data', () => {
  let t: TestApp;
  /** An evaluator of every demo project (the standard callers work in the test projects). */
  let evaluator: Agent;
  beforeAll(async () => {
    t = await startApp(undefined, { DEMO_PARTICIPANTS: '400' });
    evaluator = await t.as('evaluator', DEMO_PROJECTS.map((p) => p.details.projectId));
    await projected(t, 20_000);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it.each(DEMO_PROJECTS.map((p) => p.details.projectId))('reports every indicator and rate for %s', async (projectId) => {
    const summary = await evaluator.get(`/api/v1/projects/${projectId}`).expect(200);
    const { body } = await evaluator.get(`/api/v1/projects/${projectId}/indicators`).expect(200);
    expect(body.indicators.map((i: { code: string }) => i.code)).toEqual([
      ...Array.from({ length: 17 }, (_, i) => `EECO${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 6 }, (_, i) => `EECR0${i + 1}`),
    ]);
    expect(body.rates).toHaveLength(7);
    const total = body.indicators[0];
    expect(total.total).toBe(summary.body.participants.enrolled);
    expect(total.total).toBe(total.women + total.men + total.nonBinary + total.genderNotDisclosed);
    expect(total.total).toBeGreaterThan(0);
  });

  it('does not add demo data to a store that holds events', async () => {
    const before = (await t.anonymous().get('/health')).body.eventStore.headPosition;
    await t.close();
    t = await startApp(t.dataDir, { DEMO_PARTICIPANTS: '400' });
    expect((await t.anonymous().get('/health')).body.eventStore.headPosition).toBe(before);
  });
});
