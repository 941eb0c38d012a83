import { TestApp } from './test-app';

/** Waits until the read models have caught up with the log (the projector runs in the app). */
export async function projected(t: TestApp, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await t.evaluator.get('/api/v1/projections').expect(200);
    const live = body.projections.find((p: { name: string }) => p.name === 'outcomes');
    if (live?.lag === 0) return;
    if (Date.now() > deadline) throw new Error(`read models did not catch up: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
