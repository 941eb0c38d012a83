import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_FILES, BackupFile, BackupManifest, MANIFEST_FORMAT, writeManifest } from './backup-manifest';
import { BackupRefusedError } from './backup-refused.error';
import { fileSha256 } from './file-checksum';
import { auditFacts, keyStoreFacts, logFacts, userFacts } from './store-facts';

export interface TakeBackupOptions {
  /** The embedded data directory (DATA_DIR) the API is running on. */
  dataDir: string;
  /** A new or empty directory for the backup. */
  out: string;
  toolVersion: string;
  /** The clock, for `takenAt` (milliseconds since the epoch). */
  now?: () => number;
  /** Called as each store's copy is complete, in order (progress; tests write in between). */
  onCopied?: (file: BackupFile) => Promise<void> | void;
}

/**
 * Takes an online backup of the embedded stores while the API may be writing, with SQLite's
 * backup API, in this order:
 * 1. the event log: copied in one step, so the copy is one committed state (its head);
 * 2. the key store, after the log: a participant's key is made before the event sealed with it
 *    is appended, so every key the log copy needs is in the key copy. Keys made after the log
 *    copy belong to enrolments not in it: unused, harmless.
 * 3. the audit log: it only grows, and entries after the head are harmless.
 * 4. the local accounts (users.db), last: independent of the log; their sessions are deleted in
 *    the copy (a restore signs everyone out; a copied session would outlive its sign-out).
 * Erasure appends `PersonalDataErased` and then destroys the key, so an erasure running during
 * the backup can leave the log copy saying "erased" and the key copy still holding the key. The
 * log decides: the backup destroys those keys in its copy (tombstone, bytes overwritten and
 * vacuumed) before checksumming, so an erased person stays erased after a restore. A key
 * destroyed before the key copy whose event came after the log copy stays destroyed too.
 * Read models are left out: a restore rebuilds them. The master key is never copied. The
 * directory is made 0700 and every file in it 0600 (personal data, audit trail, password hashes).
 *
 * Throws BackupRefusedError (`BACKUP.*`) for a missing log or a non-empty `out`.
 */
export async function takeBackup({ dataDir, out, toolVersion, now = Date.now, onCopied = () => undefined }: TakeBackupOptions): Promise<BackupManifest> {
  if (!existsSync(join(dataDir, 'events.db'))) throw new BackupRefusedError('BACKUP.STORE_MISSING', `${join(dataDir, 'events.db')} does not exist: nothing to back up (is DATA_DIR right?)`);
  if (existsSync(out) && readdirSync(out).length > 0) throw new BackupRefusedError('BACKUP.OUT_NOT_EMPTY', `${out} is not empty: a backup is written to a new directory`);
  // Personal data (sealed), the audit trail and password hashes: readable by the operator only.
  mkdirSync(out, { recursive: true, mode: 0o700 });
  chmodSync(out, 0o700);

  const takenAt: BackupManifest['takenAt'] = {};
  const order: BackupFile[] = [];
  for (const file of BACKUP_FILES) {
    // The key store, audit log and accounts are made when the API first starts; a log written by `pathway demo` alone has none.
    if (file !== 'events.db' && !existsSync(join(dataDir, file))) continue;
    await copyStore(join(dataDir, file), join(out, file));
    chmodSync(join(out, file), 0o600);
    if (file === 'users.db') withoutSessions(join(out, file));
    takenAt[file] = new Date(now()).toISOString();
    order.push(file);
    await onCopied(file);
  }

  const log = logFacts(join(out, 'events.db'));
  const finished = order.includes('keys.db') ? finishErasures(join(out, 'keys.db'), log.erased, new Date(now()).toISOString()) : [];
  const keys = order.includes('keys.db') ? keyStoreFacts(join(out, 'keys.db')) : null;
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    backupId: randomUUID(),
    toolVersion,
    takenAt,
    order,
    log: { position: log.position, lastEventId: log.lastEventId, events: log.events, byType: log.byType },
    keys: keys && {
      keyCheck: keys.keyCheck,
      live: keys.live,
      destroyed: keys.destroyed.size,
      erasedAfterLogHead: [...keys.destroyed].filter((id) => !log.erased.has(id)).sort(),
      erasuresFinished: finished,
    },
    audit: order.includes('audit.db') ? auditFacts(join(out, 'audit.db')) : null,
    users: order.includes('users.db') ? userFacts(join(out, 'users.db')) : null,
    sha256: {},
  };
  for (const file of order) manifest.sha256[file] = await fileSha256(join(out, file));
  writeManifest(out, manifest);
  chmodSync(join(out, 'manifest.json'), 0o600);
  return manifest;
}

/**
 * One store copied with the backup API. After a first empty step the rest is copied in one
 * step, that is under one read transaction: a consistent snapshot, and no endless restarts
 * while another process keeps writing. The copy is switched to a rollback journal so it is one
 * self-contained file (the stores set their own journal mode when they open it again).
 */
async function copyStore(source: string, target: string): Promise<void> {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Deletes the sessions in the accounts copy and rewrites the file so none of their rows is left in it. */
function withoutSessions(usersCopy: string): void {
  const db = new Database(usersCopy, { fileMustExist: true });
  try {
    db.pragma('secure_delete = ON');
    db.exec('DELETE FROM sessions; VACUUM');
  } finally {
    db.close();
  }
}

/**
 * Destroys, in the key store copy, the keys of participants the log copy says were erased (an
 * erasure caught between its event and its key destruction); the ids it destroyed, sorted.
 * `secure_delete` overwrites the cells and VACUUM rewrites the file, so no copy of them is left.
 */
function finishErasures(keysCopy: string, erased: Set<string>, at: string): string[] {
  const db = new Database(keysCopy, { fileMustExist: true });
  try {
    db.pragma('secure_delete = ON');
    const live = db.prepare<[], { id: string }>('SELECT participant_id AS id FROM data_keys WHERE wrapped IS NOT NULL').all();
    const pending = live.map((row) => row.id).filter((id) => erased.has(id)).sort();
    if (pending.length === 0) return [];
    const destroy = db.prepare('UPDATE data_keys SET wrapped = NULL, destroyed_at = ? WHERE participant_id = ?');
    db.transaction(() => pending.forEach((id) => destroy.run(at, id)))();
    db.exec('VACUUM');
    return pending;
  } finally {
    db.close();
  }
}
