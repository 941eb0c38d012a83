import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAuditLog } from '@pathway/audit';
import { SqliteEventStore } from '@pathway/event-store';
import { MasterKeys, SqliteKeyStore } from '@pathway/privacy';
import { SqliteUserStore } from '@pathway/users';
import { BackupFile, BackupManifest } from './backup-manifest';
import { restoreBackup } from './restore-backup';
import { takeBackup } from './take-backup';

/** An embedded installation written through the stores' own classes, as the API writes. */
function installation() {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-backup-'));
  const masterKeys = new MasterKeys(randomBytes(32));
  const events = new SqliteEventStore(join(dir, 'events.db'));
  const keys = new SqliteKeyStore(join(dir, 'keys.db'), masterKeys);
  const audit = new SqliteAuditLog(join(dir, 'audit.db'));
  const users = SqliteUserStore.open(dir);
  const append = (id: string, type: string, extra: Record<string, unknown> = {}) =>
    events.append(`participant-${id}`, [{ eventId: randomUUID(), type, data: { participantId: id, ...extra }, metadata: { actor: 'test' } }], 'any');
  return {
    dir,
    masterKeys,
    events,
    keys,
    users,
    /** The key is made before the event that uses it is appended, as the API does. */
    enrol: async (id: string) => {
      await keys.keyFor(id);
      // A sealed box naming the participant's key, as enrolment with personal data writes.
      await append(id, 'ParticipantEnrolled', { personal: { alg: 'A256GCM', iv: 'aXY=', tag: 'dGFn', ciphertext: 'eA==', key: { id, version: 1 } } });
    },
    /** The event first, then the key is destroyed (ErasePersonalDataHandler). */
    erase: async (id: string) => {
      await append(id, 'PersonalDataErased');
      await keys.destroy(id);
    },
    /** The first half of an erasure: what a backup may catch between the two steps. */
    appendErasure: (id: string) => append(id, 'PersonalDataErased'),
    read: (id: string) => audit.record({ at: new Date().toISOString(), subject: 's', role: 'caseworker', action: 'personal-data.read', participantId: id, projectId: 'P', correlationId: randomUUID() }),
    close: async () => {
      await events.close();
      await keys.close();
      await audit.close();
      await users.close();
    },
  };
}
type Installation = ReturnType<typeof installation>;

function rows(file: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-backup-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function backup(site: Installation, onCopied?: (file: BackupFile) => Promise<void>) {
  const out = join(newDir(), 'backup');
  const manifest = await takeBackup({ dataDir: site.dir, out, toolVersion: 'test', onCopied });
  return { out, manifest };
}

describe('backup and restore of the embedded stores', () => {
  let site: Installation;
  beforeEach(async () => {
    site = installation();
    dirs.push(site.dir);
    for (const id of ['p-1', 'p-2', 'p-3']) await site.enrol(id);
    await site.read('p-1');
  });
  afterEach(() => site.close());

  it('keeps a person erased when the erasure happens while the backup runs, between the log and key copies', async () => {
    const key2 = await site.keys.find('p-2');
    const { out, manifest } = await backup(site, async (file) => {
      if (file === 'events.db') {
        await site.erase('p-1');
        await site.enrol('p-late'); // a key newer than the log copy: for an enrolment the copy does not hold
      }
    });
    expect(manifest.log).toMatchObject({ position: 3, events: 3, byType: { ParticipantEnrolled: 3 } });
    expect(manifest.keys!.erasedAfterLogHead).toEqual(['p-1']);

    const target = newDir();
    await restoreBackup({ from: out, dataDir: target, masterKeys: site.masterKeys });
    const restored = new SqliteKeyStore(join(target, 'keys.db'), site.masterKeys);
    try {
      expect(await restored.find('p-1')).toBeNull();
      await expect(restored.keyFor('p-1')).rejects.toThrow('erased'); // the tombstone came along: no new key either
      expect(await restored.find('p-2')).toEqual(key2);
    } finally {
      await restored.close();
    }
  });

  it('destroys in its copy the key of a person whose erasure event it has but whose key was not destroyed yet', async () => {
    await site.appendErasure('p-2'); // the event is in the log copy; the key goes only after the key copy
    const wrapped = rows(join(site.dir, 'keys.db'), "SELECT wrapped FROM data_keys WHERE participant_id = 'p-2'")[0]!.wrapped as string;
    const { out, manifest } = await backup(site, async (file) => {
      if (file === 'keys.db') await site.keys.destroy('p-2');
    });
    expect(manifest.keys).toMatchObject({ erasuresFinished: ['p-2'], erasedAfterLogHead: [] });
    expect(readFileSync(join(out, 'keys.db')).includes(Buffer.from(wrapped))).toBe(false);
    const target = newDir();
    await restoreBackup({ from: out, dataDir: target, masterKeys: site.masterKeys });
    const restored = new SqliteKeyStore(join(target, 'keys.db'), site.masterKeys);
    try {
      expect(await restored.find('p-2')).toBeNull();
      expect(await restored.find('p-1')).toEqual(await site.keys.find('p-1'));
    } finally {
      await restored.close();
    }
  });

  it('restores the log up to the head byte for byte, and the audit log', async () => {
    await site.erase('p-3');
    const { out, manifest } = await backup(site, async (file) => {
      if (file === 'events.db') await site.enrol('p-after');
    });
    const target = newDir();
    await restoreBackup({ from: out, dataDir: target, masterKeys: site.masterKeys });
    const events = (file: string) => rows(file, 'SELECT * FROM events WHERE position <= ? ORDER BY position', manifest.log.position);
    expect(events(join(target, 'events.db'))).toEqual(events(join(site.dir, 'events.db')));
    expect(manifest.log.position).toBe(4);
    expect(manifest.audit).toEqual({ entries: 1, lastSequence: 1 });
  });

  it('refuses a key store from an earlier backup of the same installation that still holds an erased key', async () => {
    const before = await backup(site);
    await site.erase('p-2');
    const after = await backup(site);
    copyFileSync(join(before.out, 'keys.db'), join(after.out, 'keys.db'));
    await expect(restoreBackup({ from: after.out, dataDir: newDir(), masterKeys: site.masterKeys })).rejects.toMatchObject({ code: 'BACKUP.KEY_STORE_OLDER_THAN_LOG' });
  });

  it('refuses a key store from another backup of the same installation', async () => {
    const first = await backup(site);
    await site.enrol('p-4');
    const second = await backup(site);
    copyFileSync(join(second.out, 'keys.db'), join(first.out, 'keys.db'));
    const target = newDir();
    // Its key count differs from the manifest's before any checksum is compared.
    await expect(restoreBackup({ from: first.out, dataDir: target, masterKeys: site.masterKeys })).rejects.toMatchObject({
      code: 'BACKUP.KEYS_MISMATCH',
      message: expect.stringContaining('keys.db'),
    });
  });

  it('refuses an older key store put into a newer backup with its checksum edited in the manifest (issue 15 tester)', async () => {
    const older = await backup(site);
    await site.enrol('p-4');
    await site.enrol('p-5');
    const newer = await backup(site);
    copyFileSync(join(older.out, 'keys.db'), join(newer.out, 'keys.db'));
    const manifestPath = join(newer.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, sha256: { ...manifest.sha256, 'keys.db': older.manifest.sha256['keys.db'] } }));
    const target = newDir();
    await expect(restoreBackup({ from: newer.out, dataDir: target, masterKeys: site.masterKeys })).rejects.toMatchObject({
      code: 'BACKUP.KEYS_MISMATCH',
      message: expect.stringContaining('keys.db holds 3 data keys'),
    });
    expect(readdirSync(target)).toEqual([]);

    // With the key counts edited too, the log itself shows the keys it needs are missing.
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, keys: older.manifest.keys, sha256: { ...manifest.sha256, 'keys.db': older.manifest.sha256['keys.db'] } }));
    await expect(restoreBackup({ from: newer.out, dataDir: target, masterKeys: site.masterKeys })).rejects.toMatchObject({
      code: 'BACKUP.KEY_STORE_MISSING_KEYS',
      message: expect.stringContaining('2 keys'),
    });
    expect(readdirSync(target)).toEqual([]);
  });

  it('accepts a key store holding a key made just before its event (an orphan key)', async () => {
    await site.keys.keyFor('p-orphan');
    const { out } = await backup(site);
    await expect(restoreBackup({ from: out, dataDir: newDir(), masterKeys: site.masterKeys })).resolves.toBeDefined();
  });

  it('refuses an audit log whose entries are not those the manifest counted', async () => {
    const older = await backup(site);
    await site.read('p-2');
    const newer = await backup(site);
    copyFileSync(join(older.out, 'audit.db'), join(newer.out, 'audit.db'));
    const manifestPath = join(newer.out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, sha256: { ...manifest.sha256, 'audit.db': older.manifest.sha256['audit.db'] } }));
    await expect(restoreBackup({ from: newer.out, dataDir: newDir(), masterKeys: site.masterKeys })).rejects.toMatchObject({ code: 'BACKUP.AUDIT_MISMATCH' });
  });

  it('writes the backup directory readable by its owner only (0700) and every file 0600', async () => {
    const { out, manifest } = await backup(site);
    expect(statSync(out).mode & 0o777).toBe(0o700);
    for (const file of [...manifest.order, 'manifest.json']) expect({ file, mode: statSync(join(out, file)).mode & 0o777 }).toEqual({ file, mode: 0o600 });
  });

  it('refuses a key store from another installation', async () => {
    const other = installation();
    dirs.push(other.dir);
    await other.enrol('p-1');
    const theirs = await backup(other);
    await other.close();
    const ours = await backup(site);
    copyFileSync(join(theirs.out, 'keys.db'), join(ours.out, 'keys.db'));
    await expect(restoreBackup({ from: ours.out, dataDir: newDir(), masterKeys: site.masterKeys })).rejects.toMatchObject({ code: 'BACKUP.KEY_STORE_FOREIGN' });
  });

  it('refuses a changed payload and a shortened log', async () => {
    const { out } = await backup(site);
    const changed = new Database(join(out, 'events.db'));
    changed.prepare("UPDATE events SET data = json_set(data, '$.participantId', 'p-9') WHERE position = 2").run();
    changed.close();
    await expect(restoreBackup({ from: out, dataDir: newDir(), masterKeys: site.masterKeys })).rejects.toMatchObject({
      code: 'BACKUP.CHECKSUM_MISMATCH',
      message: expect.stringContaining('events.db'),
    });
    const shortened = new Database(join(out, 'events.db'));
    shortened.prepare('DELETE FROM events WHERE position = 3').run();
    shortened.close();
    await expect(restoreBackup({ from: out, dataDir: newDir(), masterKeys: site.masterKeys })).rejects.toMatchObject({ code: 'BACKUP.LOG_HEAD_MISMATCH' });
  });

  it('refuses without the master key, or with another one, and writes nothing', async () => {
    const { out } = await backup(site);
    const target = newDir();
    await expect(restoreBackup({ from: out, dataDir: target, masterKeys: null })).rejects.toMatchObject({ code: 'BACKUP.MASTER_KEY_MISSING' });
    await expect(restoreBackup({ from: out, dataDir: target, masterKeys: new MasterKeys(randomBytes(32)) })).rejects.toMatchObject({ code: 'BACKUP.WRONG_MASTER_KEY' });
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses a data directory with stores unless forced, and one in use even when forced', async () => {
    const { out } = await backup(site);
    await expect(restoreBackup({ from: out, dataDir: site.dir, masterKeys: site.masterKeys })).rejects.toMatchObject({ code: 'BACKUP.DATA_DIR_NOT_EMPTY' });
    await expect(restoreBackup({ from: out, dataDir: site.dir, masterKeys: site.masterKeys, force: true })).rejects.toMatchObject({ code: 'BACKUP.DATA_DIR_IN_USE' });
    await site.enrol('p-4'); // the installation still works after the refusals
    await site.close();
    await restoreBackup({ from: out, dataDir: site.dir, masterKeys: site.masterKeys, force: true });
    const events = new SqliteEventStore(join(site.dir, 'events.db'));
    expect(await events.headPosition()).toBe(3);
    await events.close();
    site = installation(); // for afterEach
  });

  it('backs up the local accounts with the other stores, without their sessions, and restores them', async () => {
    const anna = { id: 'local:anna', email: 'anna@example.org', displayName: 'Anna K', role: 'admin' as const, projects: [], passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' };
    await site.users.add(anna);
    await site.users.startSession('session-1', anna.id, 1_000);
    const { out, manifest } = await backup(site, async (file) => {
      if (file === 'audit.db') await site.users.add({ ...anna, id: 'local:bo', email: 'bo@example.org' }); // before the accounts copy: in it
    });
    expect(manifest.order).toEqual(['events.db', 'keys.db', 'audit.db', 'users.db']);
    expect(manifest.users).toEqual({ accounts: 2 });
    expect(manifest.sha256['users.db']).toMatch(/^[0-9a-f]{64}$/);
    expect(rows(join(out, 'users.db'), 'SELECT * FROM sessions')).toEqual([]);
    expect(readFileSync(join(out, 'users.db')).includes(Buffer.from('session-1'))).toBe(false);

    await site.close();
    await restoreBackup({ from: out, dataDir: site.dir, masterKeys: site.masterKeys, force: true });
    const restored = SqliteUserStore.open(site.dir);
    try {
      expect(await restored.byEmail('anna@example.org')).toEqual({ ...anna, disabled: false, version: 1 });
      expect(await restored.count()).toBe(2);
      expect(await restored.session('session-1')).toBeNull();
    } finally {
      await restored.close();
    }
    site = installation(); // for afterEach
  });

  it('refuses an accounts file that is not the one the backup took', async () => {
    const { out } = await backup(site);
    const other = installation();
    dirs.push(other.dir);
    await other.users.add({ id: 'local:eve', email: 'eve@example.org', displayName: 'Eve', role: 'admin', projects: [], passwordHash: 'x' });
    await other.close();
    copyFileSync(join(other.dir, 'users.db'), join(out, 'users.db'));
    await expect(restoreBackup({ from: out, dataDir: newDir(), masterKeys: site.masterKeys })).rejects.toMatchObject({ code: 'BACKUP.USERS_MISMATCH' });
    const changed = new Database(join(out, 'users.db'));
    changed.prepare("UPDATE users SET role = 'caseworker'").run();
    changed.close();
    const target = newDir();
    await expect(restoreBackup({ from: out, dataDir: target, masterKeys: site.masterKeys })).rejects.toMatchObject({ code: expect.stringMatching(/^BACKUP\.(USERS_MISMATCH|CHECKSUM_MISMATCH)$/) });
    expect(readdirSync(target)).toEqual([]);
  });

  it('backs up a log that never had a key store or audit log (written by `pathway demo` alone)', async () => {
    const dataDir = newDir();
    const events = new SqliteEventStore(join(dataDir, 'events.db'));
    await events.append('project-P', [{ eventId: randomUUID(), type: 'ProjectRegistered', data: {}, metadata: {} }], 'no-stream');
    await events.close();
    const out = join(newDir(), 'backup');
    const manifest = await takeBackup({ dataDir, out, toolVersion: 'test' });
    expect(manifest).toMatchObject({ order: ['events.db'], keys: null, audit: null, log: { position: 1 } });
    const target = newDir();
    await restoreBackup({ from: out, dataDir: target, masterKeys: null });
    expect(readdirSync(target)).toEqual(['events.db']);
  });
});
