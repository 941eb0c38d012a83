import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { LogHead } from './backup-manifest';

/**
 * Facts read straight from a copied store file (read-only), for the manifest and for checking
 * a set before it is restored. The stores' own classes would create or change schema on open.
 */
function readOnly<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export interface LogFacts extends LogHead {
  events: number;
  byType: Record<string, number>;
  /** Participants whose `PersonalDataErased` event is in the log. */
  erased: Set<string>;
  /**
   * The key-store entries the log's sealed boxes (personal data, free text) were sealed with: each
   * box's `key.id`, or the event's participant for boxes sealed before boxes named their key.
   * Every one must be in the key store restored with the log, live or destroyed.
   */
  sealedWith: Set<string>;
}

/** Every sealed box (an object with `ciphertext` and `iv`) inside an event's data. */
function sealedBoxes(value: unknown, found: { key?: { id?: unknown } }[] = []): { key?: { id?: unknown } }[] {
  if (Array.isArray(value)) value.forEach((item) => sealedBoxes(item, found));
  else if (value && typeof value === 'object') {
    if ('ciphertext' in value && 'iv' in value) found.push(value as { key?: { id?: unknown } });
    else Object.values(value).forEach((item) => sealedBoxes(item, found));
  }
  return found;
}

export function logFacts(path: string): LogFacts {
  return readOnly(path, (db) => {
    const head = db.prepare<[], { position: number; event_id: string }>('SELECT position, event_id FROM events ORDER BY position DESC LIMIT 1').get();
    const types = db.prepare<[], { type: string; n: number }>('SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY type').all();
    const erased = db
      .prepare<[], { id: string }>("SELECT json_extract(data, '$.participantId') AS id FROM events WHERE type = 'PersonalDataErased'")
      .all();
    return {
      position: head?.position ?? 0,
      lastEventId: head?.event_id ?? null,
      events: types.reduce((sum, t) => sum + t.n, 0),
      byType: Object.fromEntries(types.map((t) => [t.type, t.n])),
      erased: new Set(erased.map((row) => row.id)),
      sealedWith: sealedKeyIds(db),
    };
  });
}

function sealedKeyIds(db: Database.Database): Set<string> {
  const ids = new Set<string>();
  const rows = db.prepare<[], { data: string }>("SELECT data FROM events WHERE data LIKE '%\"ciphertext\"%'").iterate();
  for (const row of rows) {
    const data = JSON.parse(row.data) as { participantId?: unknown };
    for (const box of sealedBoxes(data)) {
      const id = typeof box.key?.id === 'string' ? box.key.id : typeof data.participantId === 'string' ? data.participantId : null;
      if (id) ids.add(id);
    }
  }
  return ids;
}

export interface KeyStoreFacts {
  /** SHA-256 of the wrapped check key: the key store's identity (see BackupManifest). */
  keyCheck: string;
  /** The wrapped check key, to try the master key on before restoring. */
  wrappedCheck: string;
  live: number;
  /** Participants with a tombstone (key destroyed). */
  destroyed: Set<string>;
  /** Every entry of the store, live or destroyed (participants and the installation's audit key). */
  entries: Set<string>;
}

export function keyStoreFacts(path: string): KeyStoreFacts {
  return readOnly(path, (db) => {
    const check = db.prepare<[], { wrapped: string }>('SELECT wrapped FROM master_key_check WHERE id = 1').get();
    if (!check) throw new Error(`${path} has no master-key check row: it is not a Pathway key store`);
    const live = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM data_keys WHERE wrapped IS NOT NULL').get()!.n;
    const destroyed = db.prepare<[], { id: string }>('SELECT participant_id AS id FROM data_keys WHERE wrapped IS NULL').all();
    const entries = db.prepare<[], { id: string }>('SELECT participant_id AS id FROM data_keys').all();
    return {
      keyCheck: createHash('sha256').update(check.wrapped).digest('hex'),
      wrappedCheck: check.wrapped,
      live,
      destroyed: new Set(destroyed.map((row) => row.id)),
      entries: new Set(entries.map((row) => row.id)),
    };
  });
}

export function auditFacts(path: string): { entries: number; lastSequence: number } {
  return readOnly(path, (db) => {
    const row = db.prepare<[], { n: number; last: number | null }>('SELECT COUNT(*) AS n, MAX(sequence) AS last FROM audit_log').get()!;
    return { entries: row.n, lastSequence: row.last ?? 0 };
  });
}

export function userFacts(path: string): { accounts: number } {
  return readOnly(path, (db) => ({ accounts: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users').get()!.n }));
}
