import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCheckpoint } from '../libs/read-models/src/projection/checkpoints';
import { LIVE_PROJECTION, NEXT_PROJECTION } from '../libs/read-models/src/schema/ensure-schema';
import { openReadModelDb } from '../libs/read-models/src/schema/open-read-model-db';
import { dumpTables } from '../libs/read-models/src/testing/dump-tables';
import { pathway, spawnPathway } from './support/cli';
import { demoWithReference } from './support/demo-reference';
import { removeDir } from './support/test-app';

/** `pathway replay`, killed in the middle and started again; and the evaluator's copy as known at a cut-off. */
describe('pathway replay', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathway-replay-'));
  let reference: Awaited<ReturnType<typeof dumpTables>>;
  let head: number;

  beforeAll(async () => {
    ({ head, reference } = await demoWithReference(dataDir, 3000));
  }, 120_000);
  afterAll(() => removeDir(dataDir));

  it('gives the same tables after being killed in the middle and started again', async () => {
    const { db } = openReadModelDb({ engine: 'sqlite', file: join(dataDir, 'read-models.db') });
    const child = spawnPathway(dataDir, 'replay');
    let killedAt: number | null = null;
    const deadline = Date.now() + 60_000;
    while (killedAt === null && Date.now() < deadline && child.exitCode === null) {
      const position = await readCheckpoint(db, NEXT_PROJECTION).catch(() => null);
      if (position !== null && position > 0) {
        child.kill('SIGKILL');
        killedAt = position;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    expect(killedAt).not.toBeNull();
    const left = await readCheckpoint(db, NEXT_PROJECTION);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(head);

    const { stdout } = await pathway(dataDir, 'replay');
    expect(stdout).toContain(`Read models rebuilt up to position ${head}`);
    expect(await readCheckpoint(db, NEXT_PROJECTION)).toBeNull();
    expect(await readCheckpoint(db, LIVE_PROJECTION)).toBe(head);
    expect(await dumpTables(db)).toEqual(reference);
    await db.destroy();
  }, 120_000);

  it('builds an evaluator copy up to a position, leaving the live read models alone', async () => {
    const out = join(dataDir, 'copy-by-position.db');
    const { stdout } = await pathway(dataDir, 'replay', '--until', '1000', '--out', out);
    expect(stdout).toContain('as known at position 1000');
    const { db } = openReadModelDb({ engine: 'sqlite', file: out });
    const copy = await dumpTables(db);
    expect(await readCheckpoint(db, LIVE_PROJECTION)).toBe(1000);
    expect(copy.milestones.every((m) => Number(m.position) <= 1000)).toBe(true);
    expect(copy.participants.length).toBeLessThan(reference.participants.length);
    await db.destroy();
    await expect(pathway(dataDir, 'replay', '--until', '1000', '--out', out)).rejects.toMatchObject({ stderr: expect.stringContaining('already exists') });
  }, 60_000);

  it('builds an evaluator copy as known on a date, counting only what was recorded by then', async () => {
    const out = join(dataDir, 'copy-by-date.db');
    await pathway(dataDir, 'replay', '--until', '2024-06-30', '--out', out);
    const { db } = openReadModelDb({ engine: 'sqlite', file: out });
    const copy = await dumpTables(db);
    expect(copy.milestones.length).toBeGreaterThan(0);
    expect(copy.milestones.every((m) => String(m.recorded_at) <= '2024-06-30T21:59:59.999Z')).toBe(true);
    expect(copy.milestones.every((m) => m.retracted_at === null || String(m.retracted_at) <= '2024-06-30T21:59:59.999Z')).toBe(true);
    expect(copy.participants.every((p) => String(p.enrolment_recorded_at) <= '2024-06-30T21:59:59.999Z')).toBe(true);
    await db.destroy();
    await expect(pathway(dataDir, 'replay', '--until', 'last-tuesday', '--out', join(dataDir, 'x.db'))).rejects.toMatchObject({
      stderr: expect.stringContaining('give a date'),
    });
  }, 60_000);
});
