import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIVE_PROJECTION, NEXT_PROJECTION, openReadModelDb, readCheckpoint } from '@pathway/read-models';
import { RebuildJobs } from '@pathway/runtime';
import { dumpTables } from '../libs/read-models/src/testing/dump-tables';
import { demoWithReference } from './support/demo-reference';
import { removeDir } from './support/test-app';

const ROOT = join(__dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A rebuild's owner killed with SIGKILL: the job does not stay `running` forever; the next projector resumes it. */
describe('rebuild jobs survive a kill -9 of their owner', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-rebuild-kill-'));
  let head: number;
  let reference: Awaited<ReturnType<typeof dumpTables>>;

  const startProjector = (): ChildProcess =>
    spawn('node', ['-r', '@swc-node/register', 'apps/projector/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PROJECTION_POLL_MS: '20', REBUILD_LEASE_MS: '1500', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });

  beforeAll(async () => {
    ({ head, reference } = await demoWithReference(dataDir, 3000));
  }, 180_000);
  afterAll(() => removeDir(dataDir));

  it('leaves the job running, and the next projector takes it over (its owner is gone) and finishes it from the checkpoint', async () => {
    const first = startProjector();
    const { db } = openReadModelDb({ engine: 'sqlite', file: join(dataDir, 'read-models.db') });
    const jobs = new RebuildJobs(db);
    try {
      // Wait for the projector to set up the schema and catch up, then ask for a rebuild.
      for (let deadline = Date.now() + 90_000; (await readCheckpoint(db, LIVE_PROJECTION).catch(() => null)) !== head; await sleep(50)) {
        if (Date.now() > deadline) throw new Error('the projector did not catch up');
      }
      const job = await jobs.request();

      let killedAt: number | null = null;
      for (let deadline = Date.now() + 60_000; killedAt === null && Date.now() < deadline; await sleep(2)) {
        const position = await readCheckpoint(db, NEXT_PROJECTION).catch(() => null);
        if (position !== null && position > 0) {
          first.kill('SIGKILL');
          killedAt = position;
        }
      }
      if (first.exitCode === null && first.signalCode === null) await once(first, 'exit');
      expect(killedAt).not.toBeNull();
      const left = await readCheckpoint(db, NEXT_PROJECTION);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(head);
      // Before leases, this is where it ended: `running` forever, and every new request answered with it.
      expect(await jobs.find(job.jobId)).toMatchObject({ status: 'running' });
      await expect(jobs.request()).rejects.toMatchObject({ name: 'RebuildAlreadyActiveError' });

      const second = startProjector();
      try {
        let done = await jobs.find(job.jobId);
        for (let deadline = Date.now() + 90_000; done?.status === 'running' && Date.now() < deadline; await sleep(100)) done = await jobs.find(job.jobId);
        expect(done).toMatchObject({ status: 'succeeded', processed: head, total: head, error: null });
        expect(await readCheckpoint(db, NEXT_PROJECTION)).toBeNull();
        expect(await readCheckpoint(db, LIVE_PROJECTION)).toBe(head);
        expect(await dumpTables(db)).toEqual(reference);
        // The slot is free again: a new request is accepted.
        await expect(jobs.request()).resolves.toMatchObject({ status: 'requested' });
      } finally {
        second.kill('SIGKILL');
      }
    } finally {
      first.kill('SIGKILL');
      await db.destroy();
    }
  }, 240_000);
});
