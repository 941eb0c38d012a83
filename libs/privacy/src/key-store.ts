import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { newDataKey, seal, Sealed, unseal } from './sealed-box';

/**
 * Per-participant data keys, kept apart from the event log and wrapped by a master key from
 * configuration (a stolen key file alone reads nothing). `destroy` forgets a person.
 */
export interface KeyStore {
  /** The participant's data key, made on first use. */
  keyFor(participantId: string): Promise<Buffer>;
  /** The key if it still exists; null once destroyed (or never made). */
  find(participantId: string): Promise<Buffer | null>;
  /** Destroys the key, so everything sealed with it is unreadable for good; true if there was one. */
  destroy(participantId: string): Promise<boolean>;
  close(): Promise<void>;
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
    this.db.exec('CREATE TABLE IF NOT EXISTS data_keys (participant_id TEXT PRIMARY KEY, wrapped TEXT NOT NULL)');
  }

  async keyFor(participantId: string): Promise<Buffer> {
    const existing = await this.find(participantId);
    if (existing) return existing;
    const key = newDataKey();
    this.db.prepare('INSERT OR IGNORE INTO data_keys (participant_id, wrapped) VALUES (?, ?)').run(participantId, JSON.stringify(seal(key, this.masterKey)));
    return (await this.find(participantId))!;
  }

  async find(participantId: string): Promise<Buffer | null> {
    const row = this.db.prepare<[string], { wrapped: string }>('SELECT wrapped FROM data_keys WHERE participant_id = ?').get(participantId);
    return row ? unseal(JSON.parse(row.wrapped) as Sealed, this.masterKey) : null;
  }

  async destroy(participantId: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM data_keys WHERE participant_id = ?').run(participantId).changes > 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
