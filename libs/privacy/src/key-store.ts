import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataKey, KeyLookup } from './data-key';
import { MasterKeys } from './master-keys';
import { newDataKey } from './sealed-box';
import { retryWhileBusy, SQLITE_BUSY_TIMEOUT_MS } from '@pathway/event-store';

/**
 * Per-participant data keys, kept apart from the event log and wrapped by a master key from
 * configuration (a stolen key file alone reads nothing). `destroy` forgets a person.
 */
export interface KeyStore {
  /** The participant's data key, made on first use; KeyDestroyedError once destroyed. */
  keyFor(participantId: string): Promise<Buffer>;
  /**
   * Makes a key for each of `participantIds` that has none, all in one transaction, durable when
   * the promise resolves (the bulk form of `keyFor`, for an import's chunk of rows: one commit,
   * not one per key). An existing key is kept; a tombstone stays a tombstone (no key for an
   * erased person). Returns how many keys it made. Call it before appending the events sealed
   * with these keys: a key without an event is harmless, an event without its key is not.
   */
  createKeys(participantIds: readonly string[]): Promise<number>;
  /**
   * The bulk form of `indexIdentity`, in one transaction: files each entry whose participant's key
   * is active, skips the rest (tombstone or no key). Returns how many it filed.
   */
  indexIdentities(entries: readonly IdentityEntry[]): Promise<number>;
  /** The key if it still exists; null once destroyed (or never made). */
  find(participantId: string): Promise<Buffer | null>;
  /**
   * Like `keyFor`, with the key's name (entry id and version) for the boxes it seals. Also
   * takes `AUDIT_KEY_ID`, the installation's audit key.
   */
  dataKeyFor(id: string): Promise<DataKey>;
  /** Tells a destroyed key (a tombstone) from one the store does not have at all. */
  lookup(id: string): Promise<KeyLookup>;
  /**
   * Destroys the key, so everything sealed with it is unreadable for good, and leaves a
   * tombstone so no new key is ever made for the person; true if there was a key.
   */
  destroy(participantId: string): Promise<boolean>;
  /** Wraps every key not yet under the current master key with it; how many it moved. */
  rewrap(): Promise<number>;
  /**
   * Files the blind index (`blindIndex`) of the participant's identity number, replacing an
   * earlier one. Only while the participant's key is active: false (nothing filed) for a
   * tombstone or no key, so an erased person is never indexed again. `destroy` removes the entry
   * in the same transaction as the key.
   */
  indexIdentity(participantId: string, digest: string): Promise<boolean>;
  /** The participants whose identity number has this blind index (any project; the caller filters). */
  findByIdentity(digest: string): Promise<string[]>;
  /**
   * Every group of two or more participants (any project: the caller filters) whose identity
   * numbers have the same blind index, each group's ids sorted: one GROUP BY over the index,
   * nothing opened. For the worklist's likely duplicates.
   */
  sharedIdentities(): Promise<string[][]>;
  close(): Promise<void>;
}

/** The rows of identity numbers indexed for more than one participant, by digest then id (both engines). */
export const SHARED_IDENTITIES =
  'SELECT digest, participant_id FROM identity_index WHERE digest IN (SELECT digest FROM identity_index GROUP BY digest HAVING COUNT(*) > 1) ORDER BY digest, participant_id';

/** One blind-index entry to file: the participant and the digest of their identity number. */
export interface IdentityEntry {
  participantId: string;
  digest: string;
}

export interface IdentityRow {
  digest: string;
  participant_id: string;
}

/** Rows folded into groups of ids, each sorted (the digests themselves stay here). */
export function groupByDigest(rows: readonly IdentityRow[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const { digest, participant_id: id } of rows) groups.set(digest, [...(groups.get(digest) ?? []), id]);
  return [...groups.values()].map((ids) => ids.sort());
}

/** Nothing new is sealed for a person who was forgotten. */
export class KeyDestroyedError extends Error {
  constructor() {
    super("The participant's personal data was erased");
    this.name = 'KeyDestroyedError';
  }
}

/**
 * One row per participant; `wrapped` is NULL once the key was destroyed (the tombstone).
 * `version` names the key in the boxes it sealed (see `KeyRef`); every key made so far is 1.
 */
export const DATA_KEYS_TABLE = 'CREATE TABLE IF NOT EXISTS data_keys (participant_id TEXT PRIMARY KEY, wrapped TEXT, destroyed_at TEXT, version INTEGER NOT NULL DEFAULT 1)';

/** Stores made before keys had versions get the column; their keys are version 1. */
export const ADD_KEY_VERSION = 'ALTER TABLE data_keys ADD COLUMN version INTEGER NOT NULL DEFAULT 1';

/**
 * The blind index of identity numbers, one row per participant, beside their keys so the row goes
 * with the key (`destroy`). Never in the event log, the read models or Kafka.
 */
export const IDENTITY_INDEX_TABLE = 'CREATE TABLE IF NOT EXISTS identity_index (participant_id TEXT PRIMARY KEY, digest TEXT NOT NULL)';
export const IDENTITY_INDEX_BY_DIGEST = 'CREATE INDEX IF NOT EXISTS identity_index_digest ON identity_index (digest)';

/** One key wrapped by the master key when the store was made: a wrong MASTER_KEY is caught at start. */
export const MASTER_KEY_CHECK_TABLE = 'CREATE TABLE IF NOT EXISTS master_key_check (id INTEGER PRIMARY KEY CHECK (id = 1), wrapped TEXT NOT NULL)';

/** The configured master key(s) did not wrap this store's keys. */
export class WrongMasterKeyError extends Error {
  constructor() {
    super('MASTER_KEY does not open this key store: it is not the key its data keys were wrapped with (during a change, set the old one as MASTER_KEY_PREVIOUS)');
    this.name = 'WrongMasterKeyError';
  }
}

export function checkMasterKeys(masterKeys: MasterKeys, wrapped: string): void {
  try {
    masterKeys.unwrap(wrapped);
  } catch {
    throw new WrongMasterKeyError();
  }
}

type KeyRow = { wrapped: string | null; version?: number } | undefined;

/** What a row says about entry `id`: see `KeyLookup`. */
export function lookupRow(id: string, row: KeyRow, masterKeys: MasterKeys): KeyLookup {
  if (!row) return { state: 'absent' };
  if (!row.wrapped) return { state: 'destroyed' };
  let material: Buffer;
  try {
    material = masterKeys.unwrap(row.wrapped);
  } catch {
    return { state: 'unreadable' };
  }
  return { state: 'active', key: { ref: { id, version: Number(row.version ?? 1) }, material } };
}

/** A key row the master key does not open: nothing is sealed with it, nothing opened. */
export class KeyUnreadableError extends Error {
  constructor() {
    super("The participant's key cannot be opened with the master key");
    this.name = 'KeyUnreadableError';
  }
}

/** `lookup` after `keyFor`: an active key, KeyDestroyedError for a tombstone, KeyUnreadableError for a damaged row. */
export function activeKey(lookup: KeyLookup): DataKey {
  if (lookup.state === 'unreadable') throw new KeyUnreadableError();
  if (lookup.state !== 'active') throw new KeyDestroyedError();
  return lookup.key;
}

/** The key a row holds, null for none, KeyDestroyedError for a tombstone when `orFail`. */
export function unwrapRow(row: KeyRow, masterKeys: MasterKeys, orFail = false): Buffer | null {
  if (row?.wrapped) return masterKeys.unwrap(row.wrapped);
  if (row && orFail) throw new KeyDestroyedError();
  return null;
}

/**
 * The embedded key store: an SQLite file of its own. `secure_delete` overwrites a destroyed
 * key's bytes, and the rollback journal (not WAL) leaves no copy of them behind.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  /** The statements every request runs, prepared once: preparing cost more than running them. */
  private readonly statements;

  constructor(
    path: string,
    private readonly masterKeys: MasterKeys,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('synchronous = FULL');
    // The API and `pathway keys rewrap` may write at once; longer waits in retryWhileBusy, off the event loop.
    this.db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    this.db.exec(DATA_KEYS_TABLE);
    const columns = this.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('data_keys')").all();
    if (!columns.some((c) => c.name === 'version')) this.db.exec(ADD_KEY_VERSION);
    this.db.exec(IDENTITY_INDEX_TABLE);
    this.db.exec(IDENTITY_INDEX_BY_DIGEST);
    this.db.exec(MASTER_KEY_CHECK_TABLE);
    this.db.prepare('INSERT OR IGNORE INTO master_key_check (id, wrapped) VALUES (1, ?)').run(masterKeys.wrap(newDataKey()));
    checkMasterKeys(masterKeys, this.checkRow().wrapped);
    this.statements = {
      row: this.db.prepare<[string], { wrapped: string | null; version: number }>('SELECT wrapped, version FROM data_keys WHERE participant_id = ?'),
      insertKey: this.db.prepare<[string, string]>('INSERT OR IGNORE INTO data_keys (participant_id, wrapped) VALUES (?, ?)'),
    };
  }

  async keyFor(participantId: string): Promise<Buffer> {
    const wrapped = this.masterKeys.wrap(newDataKey());
    await retryWhileBusy(() => this.statements.insertKey.run(participantId, wrapped));
    return unwrapRow(await retryWhileBusy(() => this.row(participantId)), this.masterKeys, true)!;
  }

  async createKeys(participantIds: readonly string[]): Promise<number> {
    if (participantIds.length === 0) return 0;
    const rows = participantIds.map((id) => [id, this.masterKeys.wrap(newDataKey())] as const);
    const create = this.db.transaction(() => rows.reduce((made, [id, wrapped]) => made + this.statements.insertKey.run(id, wrapped).changes, 0));
    return retryWhileBusy(() => create.immediate());
  }

  async indexIdentities(entries: readonly IdentityEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const file = this.db.prepare(
      'INSERT INTO identity_index (participant_id, digest) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM data_keys WHERE participant_id = ? AND wrapped IS NOT NULL) ' +
        'ON CONFLICT (participant_id) DO UPDATE SET digest = excluded.digest',
    );
    const fileAll = this.db.transaction(() => entries.reduce((filed, { participantId, digest }) => filed + file.run(participantId, digest, participantId).changes, 0));
    return retryWhileBusy(() => fileAll.immediate());
  }

  async find(participantId: string): Promise<Buffer | null> {
    return unwrapRow(await retryWhileBusy(() => this.row(participantId)), this.masterKeys);
  }

  async dataKeyFor(id: string): Promise<DataKey> {
    await this.keyFor(id);
    return activeKey(await this.lookup(id));
  }

  async lookup(id: string): Promise<KeyLookup> {
    return lookupRow(id, this.row(id), this.masterKeys);
  }

  async destroy(participantId: string): Promise<boolean> {
    const destroyedAt = new Date().toISOString();
    const destroy = this.db.transaction(() => {
      const had = this.db.prepare('UPDATE data_keys SET wrapped = NULL, destroyed_at = ? WHERE participant_id = ? AND wrapped IS NOT NULL').run(destroyedAt, participantId).changes > 0;
      this.db.prepare('INSERT OR IGNORE INTO data_keys (participant_id, wrapped, destroyed_at) VALUES (?, NULL, ?)').run(participantId, destroyedAt);
      this.db.prepare('DELETE FROM identity_index WHERE participant_id = ?').run(participantId);
      return had;
    });
    return retryWhileBusy(() => destroy.immediate());
  }

  async rewrap(): Promise<number> {
    const moved = this.db.transaction(() => {
      const rows = this.db.prepare<[], { participant_id: string; wrapped: string }>('SELECT participant_id, wrapped FROM data_keys WHERE wrapped IS NOT NULL').all();
      const update = this.db.prepare('UPDATE data_keys SET wrapped = ? WHERE participant_id = ?');
      const stale = rows.filter((row) => !this.masterKeys.isCurrent(row.wrapped));
      for (const row of stale) update.run(this.masterKeys.wrap(this.masterKeys.unwrap(row.wrapped)), row.participant_id);
      this.db.prepare('UPDATE master_key_check SET wrapped = ?').run(this.masterKeys.wrap(this.masterKeys.unwrap(this.checkRow().wrapped)));
      return stale.length;
    });
    return retryWhileBusy(() => moved.immediate());
  }

  async indexIdentity(participantId: string, digest: string): Promise<boolean> {
    // One statement: the key's state and the row are read and written together (SQLite locks the file).
    const file = this.db.prepare(
      'INSERT INTO identity_index (participant_id, digest) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM data_keys WHERE participant_id = ? AND wrapped IS NOT NULL) ' +
        'ON CONFLICT (participant_id) DO UPDATE SET digest = excluded.digest',
    );
    return (await retryWhileBusy(() => file.run(participantId, digest, participantId))).changes > 0;
  }

  async findByIdentity(digest: string): Promise<string[]> {
    const rows = await retryWhileBusy(() => this.db.prepare<[string], { participant_id: string }>('SELECT participant_id FROM identity_index WHERE digest = ? ORDER BY participant_id').all(digest));
    return rows.map((r) => r.participant_id);
  }

  async sharedIdentities(): Promise<string[][]> {
    const rows = await retryWhileBusy(() => this.db.prepare<[], IdentityRow>(SHARED_IDENTITIES).all());
    return groupByDigest(rows);
  }

  private checkRow(): { wrapped: string } {
    return this.db.prepare<[], { wrapped: string }>('SELECT wrapped FROM master_key_check').get()!;
  }

  private row(participantId: string): KeyRow {
    return this.statements.row.get(participantId);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
