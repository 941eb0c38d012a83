import { openTestReadModelDb, testEngines, TestReadModelDb } from '../../read-models/src/testing/read-model-engines';
import { RebuildAlreadyActiveError, RebuildJobs } from './rebuild-jobs';

/** One rebuild at a time, an owner and a lease: a dead owner's job is taken over, a live one's is not. */
describe.each(testEngines())('rebuild jobs on %s', (engine) => {
  let rm: TestReadModelDb;
  let jobs: RebuildJobs;
  const t0 = new Date('2026-01-01T10:00:00.000Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  // Owners on another machine: only their lease tells whether they live.
  const [a, b] = ['elsewhere-1:4242:aaaa', 'elsewhere-2:4243:bbbb'];

  beforeEach(async () => {
    rm = await openTestReadModelDb(engine);
    jobs = new RebuildJobs(rm.db);
  });
  afterEach(async () => {
    await rm.drop();
  });

  it('refuses a second request while one is requested or running, with that job', async () => {
    const first = await jobs.request(t0);
    await expect(jobs.request(at(1))).rejects.toEqual(new RebuildAlreadyActiveError(first));
    await jobs.claim(a, 1000, at(2));
    const error = await jobs.request(at(3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RebuildAlreadyActiveError);
    expect((error as RebuildAlreadyActiveError).job).toMatchObject({ jobId: first.jobId, status: 'running' });
  });

  it('lets only one of two simultaneous requests in', async () => {
    const results = await Promise.allSettled([jobs.request(t0), jobs.request(t0), jobs.request(t0)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof RebuildAlreadyActiveError)).toBe(true);
  });

  it('hands a running job to another owner only once its lease has run out, and keeps the progress', async () => {
    const job = await jobs.request(t0);
    expect(await jobs.claim(a, 1000, at(10))).toMatchObject({ jobId: job.jobId, status: 'running' });
    expect(await jobs.renew(job.jobId, a, 1000, { processed: 500, total: 2000 }, at(500))).toBe(true);
    expect(await jobs.claim(b, 1000, at(1400))).toBeNull(); // renewed at 500: holds to 1500
    const taken = await jobs.claim(b, 1000, at(1600));
    expect(taken).toMatchObject({ jobId: job.jobId, status: 'running', processed: 500, total: 2000, startedAt: at(10).toISOString() });
    // The old owner, if it was only slow, learns it lost the job and cannot end it.
    expect(await jobs.renew(job.jobId, a, 1000, undefined, at(1700))).toBe(false);
    await jobs.finish(job.jobId, a, { status: 'failed', error: 'late' }, at(1800));
    expect(await jobs.find(job.jobId)).toMatchObject({ status: 'running' });
    await jobs.finish(job.jobId, b, { status: 'succeeded', position: 2000 }, at(1900));
    expect(await jobs.find(job.jobId)).toMatchObject({ status: 'succeeded', processed: 2000, finishedAt: at(1900).toISOString() });
    await expect(jobs.request(at(2000))).resolves.toMatchObject({ status: 'requested' });
  });
});
