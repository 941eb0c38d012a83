import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryProfile, framtidProject } from './support/fixtures';
import { holdExclusiveLock } from './support/outside-lock';
import { removeDir, startApp, TestApp } from './support/test-app';

const milestone = { type: 'job-search-started', occurredOn: '2024-02-01' };

async function withParticipant(t: TestApp, participantId: string): Promise<void> {
  await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
  await t.caseworker.post('/api/v1/projects/22-015-S01/participants').send({ participantId, enrolledOn: '2024-01-15', profile: entryProfile }).expect(201);
}

const versionOf = async (t: TestApp, participantId: string) => (await t.caseworker.get(`/api/v1/participants/${participantId}/history`).expect(200)).body.events.length;

/** Failures are told, not hidden: a locked or full store answers 503 with a code, at once, and readiness says which store. */
describe('storage failures over HTTP', () => {
  describe('an outside lock on events.db', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp();
      await withParticipant(t, 'p-lock');
    });
    afterAll(async () => {
      await t.close();
      removeDir(t.dataDir);
    });

    it('answers a write 503 STORAGE.BUSY with Retry-After within about 2 s, keeps the event loop free meanwhile, writes nothing, and works once the lock goes', async () => {
      const lock = await holdExclusiveLock(join(t.dataDir, 'events.db'));
      try {
        const started = Date.now();
        const write = t.caseworker.post('/api/v1/participants/p-lock/milestones').send(milestone).then((r) => r);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const probeStarted = Date.now();
        await t.anonymous().get('/health/live').expect(200);
        // Before: SQLite's 5 s busy_timeout held the one thread, so even this waited seconds.
        expect(Date.now() - probeStarted).toBeLessThan(250);
        const response = await write;
        expect(Date.now() - started).toBeLessThan(3500);
        expect(response.status).toBe(503);
        expect(response.headers['retry-after']).toBe('1');
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(response.body).toMatchObject({ status: 503, code: 'STORAGE.BUSY' });
      } finally {
        await lock.release();
      }
      expect(await versionOf(t, 'p-lock')).toBe(1);
      await t.caseworker.post('/api/v1/participants/p-lock/milestones').send(milestone).expect(201);
      expect(await versionOf(t, 'p-lock')).toBe(2);
    }, 20_000);

    it('keeps /health/live and /health/ready up when nothing is wrong, and /health for older probes', async () => {
      const { body } = await t.anonymous().get('/health/ready').expect(200);
      expect(body).toMatchObject({
        status: 'ready',
        checks: { eventStore: { status: 'up' }, writePath: { status: 'up' }, readModels: { status: 'up' }, keyStore: { status: 'up' }, auditLog: { status: 'up' } },
      });
      await t.anonymous().get('/health').expect(200);
    });
  });

  // A full disk, for real: a small tmpfs (needs root to mount; said plainly when not possible).
  const mountDir = mkdtempSync(join(tmpdir(), 'pathway-full-'));
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', mountDir], { stdio: 'ignore' });
    mounted = true;
  } catch (error) {
    // Under CI a skipped test is not a pass: the run fails instead (.ci/run runs as root).
    if (process.env.CI === 'true') throw new Error(`A 12 MB tmpfs could not be mounted for the full-disk test: ${(error as Error).message}`);
    console.warn('A tmpfs could not be mounted (not root?): the full-disk test is left out.');
    mounted = false;
  }
  const onTmpfs = mounted ? describe : describe.skip;

  onTmpfs('a full disk (a 12 MB tmpfs filled up)', () => {
    let t: TestApp;
    const filler = join(mountDir, 'filler');
    beforeAll(async () => {
      t = await startApp(mountDir);
      await withParticipant(t, 'p-full');
    });
    afterAll(async () => {
      await t.close();
      execFileSync('umount', ['-l', mountDir]);
      rmSync(mountDir, { recursive: true, force: true });
    });

    it('answers a write 503 STORAGE.FULL, readiness names the write path, nothing is written, and writes work again once there is room', async () => {
      const { bavail, bsize } = statfsSync(mountDir);
      try {
        writeFileSync(filler, Buffer.alloc(Number(bavail) * Number(bsize)));
      } catch {
        // ENOSPC at the very end: the disk is full, which is the point
      }
      const response = await t.caseworker.post('/api/v1/participants/p-full/milestones').send(milestone);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'STORAGE.FULL' });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);

      const ready = await t.anonymous().get('/health/ready').expect(503);
      expect(ready.body).toMatchObject({ status: 'not-ready', checks: { writePath: { status: 'down', code: 'STORAGE.FULL', cause: 'ENOSPC' } } });

      rmSync(filler);
      expect(await versionOf(t, 'p-full')).toBe(1);
      await t.caseworker.post('/api/v1/participants/p-full/milestones').send(milestone).expect(201);
      await t.anonymous().get('/health/ready').expect(200);
    }, 30_000);
  });
});
