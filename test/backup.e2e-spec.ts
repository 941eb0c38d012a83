import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupManifest, readManifest } from '@pathway/backup';
import { SqliteEventStore } from '@pathway/event-store';
import { ensureSchema, openReadModelDb, rebuildReadModels } from '@pathway/read-models';
import { dumpTables } from '../libs/read-models/src/testing/dump-tables';
import { pathway } from './support/cli';
import { entryProfile, framtidProject } from './support/fixtures';
import { removeDir, startApp, TestApp } from './support/test-app';

const PROJECT = framtidProject.id;
// Each `pathway` run is a process of its own (10 s and more to start on a loaded 2-core machine).
jest.setTimeout(60_000);

function rows<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function readModels(file: string) {
  const { db } = openReadModelDb({ engine: 'sqlite', file });
  try {
    return await dumpTables(db);
  } finally {
    await db.destroy();
  }
}

/** `pathway backup` from its own process while the API keeps writing; `pathway restore` into a new directory. */
describe('pathway backup and restore', () => {
  let t: TestApp;
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-backup-e2e-'));
    dirs.push(dir);
    return dir;
  };
  const enrol = (id: string) =>
    t.caseworker
      .post(`/api/v1/projects/${PROJECT}/participants`)
      .send({ participantId: id, enrolledOn: '2024-01-15', profile: entryProfile, personal: { name: `Person ${id}`, phone: '+46 70 000 00 00' } })
      .expect(201);
  const erase = (id: string) => t.admin.delete(`/api/v1/participants/${id}/personal-data`).send({ reason: 'Art. 17 request' }).expect(200);

  let out: string;
  let manifest: BackupManifest;
  let restored: string;
  let writesDuringBackup = 0;

  beforeAll(async () => {
    t = await startApp();
    await t.admin.post('/api/v1/projects').send(framtidProject).expect(201);
    for (let i = 0; i < 10; i++) await enrol(`bk-${i}`);
    await erase('bk-0');

    // A burst of enrolments, milestones and erasures for as long as the backup runs.
    out = join(newDir(), 'backup');
    let running = true;
    const burst = (async () => {
      for (let i = 0; running; i++) {
        await enrol(`burst-${i}`);
        await t.caseworker.post(`/api/v1/participants/burst-${i}/milestones`).send({ type: 'job-search-started', occurredOn: '2024-02-01' }).expect(201);
        if (i % 3 === 0) await erase(`bk-${1 + ((i / 3) % 9)}`).catch(() => undefined);
        writesDuringBackup += 1;
      }
    })();
    const started = writesDuringBackup;
    const { stdout } = await pathway(t.dataDir, 'backup', '--out', out).finally(() => (running = false));
    await burst;
    writesDuringBackup -= started;
    expect(stdout).toContain('The master key is NOT in the backup');
    manifest = readManifest(out)!;

    restored = newDir();
    copyFileSync(join(t.dataDir, 'master.key'), join(restored, 'master.key')); // kept apart from the backup, as the command says
    await pathway(restored, 'restore', '--from', out);
  }, 120_000);

  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
    dirs.forEach(removeDir);
  });

  it('was taken while the API wrote', () => {
    expect(writesDuringBackup).toBeGreaterThan(0);
    const head = rows<{ head: number }>(join(t.dataDir, 'events.db'), 'SELECT MAX(position) AS head FROM events')[0]!.head;
    expect(manifest.log.position).toBeGreaterThan(11);
    expect(head).toBeGreaterThanOrEqual(manifest.log.position);
  });

  it('gives the same log up to the head, byte for byte', () => {
    const query = 'SELECT * FROM events WHERE position <= ? ORDER BY position';
    const copy = rows(join(restored, 'events.db'), query, manifest.log.position);
    expect(copy).toHaveLength(manifest.log.events);
    expect(copy).toEqual(rows(join(t.dataDir, 'events.db'), query, manifest.log.position));
  });

  it('gives the same keys, and no key for anyone the restored log erased', () => {
    type KeyRow = { participant_id: string; wrapped: string | null };
    const original = new Map(rows<KeyRow>(join(t.dataDir, 'keys.db'), 'SELECT participant_id, wrapped FROM data_keys').map((r) => [r.participant_id, r.wrapped]));
    const copy = rows<KeyRow>(join(restored, 'keys.db'), 'SELECT participant_id, wrapped FROM data_keys');
    // Each restored key is the installation's key, unless the person was erased after the backup.
    for (const row of copy) expect([row.wrapped, null]).toContainEqual(original.get(row.participant_id));
    const erased = rows<{ id: string }>(join(restored, 'events.db'), "SELECT json_extract(data, '$.participantId') AS id FROM events WHERE type = 'PersonalDataErased'");
    const live = new Set(copy.filter((row) => row.wrapped).map((row) => row.participant_id));
    expect(erased.map((e) => e.id)).toContain('bk-0');
    for (const { id } of erased) expect(live.has(id)).toBe(false);
    const enrolled = rows<{ id: string }>(join(restored, 'events.db'), "SELECT json_extract(data, '$.participantId') AS id FROM events WHERE type = 'ParticipantEnrolled'");
    const known = new Set(copy.map((row) => row.participant_id));
    for (const { id } of enrolled) expect(known.has(id)).toBe(true);
  });

  it('rebuilds read models equal to a fresh rebuild of the restored log', async () => {
    const fresh = join(newDir(), 'fresh.db');
    const store = new SqliteEventStore(join(restored, 'events.db'));
    const { db } = openReadModelDb({ engine: 'sqlite', file: fresh });
    await ensureSchema(db);
    await rebuildReadModels(store, db);
    await db.destroy();
    await store.close();
    const rebuilt = await readModels(join(restored, 'read-models.db'));
    expect(rebuilt.participants.length).toBe(manifest.log.byType.ParticipantEnrolled);
    expect(rebuilt).toEqual(await readModels(fresh));
  });

  it('opens personal data with the kept master key, and keeps the erased erased', async () => {
    const app = await startApp(restored);
    try {
      // Erased while the backup ran (key destroyed, event after the head): unreadable all the same.
      for (const id of manifest.keys!.erasedAfterLogHead) {
        expect((await app.caseworker.get(`/api/v1/participants/${id}`).expect(200)).body.personalData).toEqual({ status: 'erased', erasedAt: null });
      }
      expect((await app.caseworker.get('/api/v1/participants/burst-0').expect(200)).body.personalData).toEqual({ status: 'recorded', data: { name: 'Person burst-0', phone: '+46 70 000 00 00' } });
      expect((await app.caseworker.get('/api/v1/participants/bk-0').expect(200)).body.personalData).toMatchObject({ status: 'erased' });
    } finally {
      await app.close();
    }
  });

  it('refuses a key store from another backup, with a clear message and exit code 2', async () => {
    const second = join(newDir(), 'backup');
    await pathway(t.dataDir, 'backup', '--out', second);
    copyFileSync(join(out, 'keys.db'), join(second, 'keys.db'));
    const target = newDir();
    copyFileSync(join(t.dataDir, 'master.key'), join(target, 'master.key'));
    await expect(pathway(target, 'restore', '--from', second)).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/BACKUP\.(KEY_STORE_OLDER_THAN_LOG|KEYS_MISMATCH|KEY_STORE_MISSING_KEYS|CHECKSUM_MISMATCH)/) });
  }, 60_000);

  it('refuses to restore over the running API, even with --force', async () => {
    await expect(pathway(t.dataDir, 'restore', '--from', out, '--force')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('BACKUP.DATA_DIR_IN_USE') });
    await expect(pathway(t.dataDir, 'restore', '--from', out)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('BACKUP.DATA_DIR_NOT_EMPTY') });
    await t.caseworker.get('/api/v1/participants/bk-1').expect(200);
  }, 60_000);
});
