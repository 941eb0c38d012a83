import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pathway/event-store';
import { SqliteKeyStore, WrongMasterKeyError } from './key-store';
import { MasterKeys } from './master-keys';
import { sealPersonalData, unsealPersonalData } from './personal-data';

/** Crypto-shredding, byte by byte: after the key is destroyed, nothing on disk reads as the person. */
describe('SqliteKeyStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-keys-'));
  const masterKey = randomBytes(32);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const filesContain = (needle: Buffer) => readdirSync(dir).some((file) => readFileSync(join(dir, file)).includes(needle));

  it('keeps one key per participant, wrapped by the master key', async () => {
    const keys = new SqliteKeyStore(join(dir, 'keys.db'), new MasterKeys(masterKey));
    const key = await keys.keyFor('p-1');
    expect(await keys.keyFor('p-1')).toEqual(key);
    expect(await keys.find('p-2')).toBeNull();
    await keys.close();
    expect(filesContain(key)).toBe(false);
    const reopened = new SqliteKeyStore(join(dir, 'keys.db'), new MasterKeys(masterKey));
    expect(await reopened.find('p-1')).toEqual(key);
    await reopened.close();
    expect(() => new SqliteKeyStore(join(dir, 'keys.db'), new MasterKeys(randomBytes(32)))).toThrow(WrongMasterKeyError);
  });

  it('forgets a person once the key is destroyed: the log keeps only unreadable ciphertext', async () => {
    const keys = new SqliteKeyStore(join(dir, 'keys.db'), new MasterKeys(masterKey));
    const events = new SqliteEventStore(join(dir, 'events.db'));
    const person = { name: 'Zelda Quistgaard', nationalIdentityNumber: '199001019876' };
    const key = await keys.keyFor('p-9');
    const sealed = sealPersonalData(person, key);
    await events.append('participant-p-9', [{ eventId: 'e-1', type: 'PersonalDataRecorded', data: { personal: sealed }, metadata: {} }], 'no-stream');
    expect(unsealPersonalData(sealed, (await keys.find('p-9'))!)).toEqual(person);

    const wrappedKey = (() => {
      const db = new Database(join(dir, 'keys.db'), { readonly: true });
      const row = db.prepare<[string], { wrapped: string }>('SELECT wrapped FROM data_keys WHERE participant_id = ?').get('p-9')!;
      db.close();
      return Buffer.from(JSON.parse(row.wrapped).ciphertext);
    })();
    expect(filesContain(wrappedKey)).toBe(true);

    expect(await keys.destroy('p-9')).toBe(true);
    expect(await keys.find('p-9')).toBeNull();
    expect(await keys.destroy('p-9')).toBe(false);
    await keys.close();
    await events.close();

    expect(filesContain(Buffer.from('Zelda Quistgaard'))).toBe(false);
    expect(filesContain(Buffer.from('199001019876'))).toBe(false);
    expect(filesContain(key)).toBe(false);
    expect(filesContain(wrappedKey)).toBe(false);
    const [stored] = await new SqliteEventStore(join(dir, 'events.db')).readStream('participant-p-9');
    expect(() => unsealPersonalData(stored!.data.personal as typeof sealed, randomBytes(32))).toThrow();
  });
});

describe('SqliteKeyStore made before keys had versions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-keys-v0-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gains the version column, its keys reading as version 1, its tombstones as destroyed', async () => {
    const masterKeys = new MasterKeys(randomBytes(32));
    const key = randomBytes(32);
    const db = new Database(join(dir, 'keys.db'));
    db.exec('CREATE TABLE data_keys (participant_id TEXT PRIMARY KEY, wrapped TEXT, destroyed_at TEXT)');
    db.prepare('INSERT INTO data_keys VALUES (?, ?, NULL), (?, NULL, ?)').run('p-old', masterKeys.wrap(key), 'p-gone', '2025-01-01T00:00:00.000Z');
    db.close();

    const keys = new SqliteKeyStore(join(dir, 'keys.db'), masterKeys);
    expect(await keys.lookup('p-old')).toEqual({ state: 'active', key: { ref: { id: 'p-old', version: 1 }, material: key } });
    expect(await keys.lookup('p-gone')).toEqual({ state: 'destroyed' });
    expect(await keys.lookup('p-never')).toEqual({ state: 'absent' });
    await keys.close();
  });
});
