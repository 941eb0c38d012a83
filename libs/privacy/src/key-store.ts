import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { newDataKey, seal, Sealed, unseal } from './sealed-box';

/**
 * Per-participant data keys, kept apart from the event log and wrapped by a master key from
 * configuration (a stolen key file alone reads nothing). `destroy` forgets a person.
 */
export interface KeyStore {
  /** The participant's data key, made on first use; KeyDestroyedError once destroyed. */
  keyFor(participantId: string): Promise<Buffer>;
  /** The key if it still exists; null once destroyed (or never made). */
  find(participantId: string): Promise<Buffer | null>;
  /**
   * Destroys the key, so everything sealed with it is unreadable for good, and leaves a
   * tombstone so no new key is ever made for the person; true if there was a key.
   */
  destroy(participantId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Nothing new is sealed for a person who was forgotten. */
export class KeyDestroyedError extends Error {
  constructor() {
    super("The participant's personal data was erased");
    this.name = 'KeyDestroyedError';
  }
}

/** One row per participant; `wrapped` is NULL once the key was destroyed (the tombstone). */
export const DATA_KEYS_TABLE = 'CREATE TABLE IF NOT EXISTS data_keys (participant_id TEXT PRIMARY KEY, wrapped TEXT, destroyed_at TEXT)';

type KeyRow = { wrapped: string | null } | undefined;

/** The key a row holds, null for none, KeyDestroyedError for a tombstone when `orFail`. */
export function unwrapRow(row: KeyRow, masterKey: Buffer, orFail = false): Buffer | null {
  if (row?.wrapped) return unseal(JSON.parse(row.wrapped) as Sealed, masterKey);
  if (row && orFail) throw new KeyDestroyedError();
  return null;
}

/**
 * The embedded key store: an SQLite file of its own. `secure_delete` overwrites a destroyed
 * key's bytes, and the rollback journal (not WAL) leaves no copy of them behind.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;

  constructor(
    path: string,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== 32) throw new RangeError('The master key is 32 bytes (64 hex digits)');
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('synchronous = FULL');
    this.db.exec(DATA_KEYS_TABLE);
  }

  async keyFor(participantId: string): Promise<Buffer> {
    const wrapped = JSON.stringify(seal(newDataKey(), this.masterKey));
    this.db.prepare('INSERT OR IGNORE INTO data_keys (participant_id, wrapped) VALUES (?, ?)').run(participantId, wrapped);
    return unwrapRow(this.row(participantId), this.masterKey, true)!;
  }

  async find(participantId: string): Promise<Buffer | null> {
    return unwrapRow(this.row(participantId), this.masterKey);
  }

  async destroy(participantId: string): Promise<boolean> {
    const destroyedAt = new Date().toISOString();
    const had = this.db.prepare('UPDATE data_keys SET wrapped = NULL, destroyed_at = ? WHERE participant_id = ? AND wrapped IS NOT NULL').run(destroyedAt, participantId).changes > 0;
    this.db.prepare('INSERT OR IGNORE INTO data_keys (participant_id, wrapped, destroyed_at) VALUES (?, NULL, ?)').run(participantId, destroyedAt);
    return had;
  }

  private row(participantId: string): KeyRow {
    return this.db.prepare<[string], { wrapped: string | null }>('SELECT wrapped FROM data_keys WHERE participant_id = ?').get(participantId);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
