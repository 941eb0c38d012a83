import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkMasterKeys, MasterKeys, WrongMasterKeyError } from '@pathway/privacy';
import { BackupRefusedError } from './backup-refused.error';
import { fileSha256 } from './file-checksum';
import { VerifiedBackup, verifyBackup } from './verify-backup';

/** The stores a data directory holds (a restore replaces them), with SQLite's side files. */
const STORE_FILES = ['events.db', 'keys.db', 'audit.db', 'users.db', 'read-models.db'];
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

export interface RestoreBackupOptions {
  from: string;
  dataDir: string;
  /** The master key(s) the restored key store must open with; null when none is configured. */
  masterKeys: MasterKeys | null;
  /** Replace the stores of a data directory that has some (never one in use). */
  force?: boolean;
}

/**
 * Restores a verified backup into a data directory: refuses a set that does not belong together
 * (see verifyBackup), a master key that does not open its key store, a data directory with
 * stores unless `force`, and always one whose event log is open in another process (a running
 * API). Files are copied beside the target, checked again, then renamed into place; the read
 * models of the directory are removed, for the caller to rebuild from the restored log.
 */
export async function restoreBackup({ from, dataDir, masterKeys, force = false }: RestoreBackupOptions): Promise<VerifiedBackup> {
  const verified = await verifyBackup(from);
  if (verified.keys && !masterKeys) {
    throw new BackupRefusedError(
      'BACKUP.MASTER_KEY_MISSING',
      `No master key: a backup never holds it. Set MASTER_KEY, or put the installation's master.key in ${dataDir}, then restore again`,
    );
  }
  try {
    if (verified.keys && masterKeys) checkMasterKeys(masterKeys, verified.keys.wrappedCheck);
  } catch (error) {
    if (!(error instanceof WrongMasterKeyError)) throw error;
    throw new BackupRefusedError('BACKUP.WRONG_MASTER_KEY', "The master key given does not open this backup's key store: use the master key of the installation it was taken from");
  }
  const present = STORE_FILES.flatMap((file) => SIDE_FILES.map((side) => file + side)).filter((file) => existsSync(join(dataDir, file)));
  if (present.length > 0 && !force) {
    throw new BackupRefusedError('BACKUP.DATA_DIR_NOT_EMPTY', `${dataDir} already holds ${present.join(', ')}: restore into a new directory, or stop the API and give --force to replace them`);
  }
  if (existsSync(join(dataDir, 'events.db')) && logInUse(join(dataDir, 'events.db'))) {
    throw new BackupRefusedError('BACKUP.DATA_DIR_IN_USE', `${join(dataDir, 'events.db')} is open in another process (a running API?): stop it before restoring`);
  }

  const staging = join(dataDir, `.restore-${verified.manifest.backupId}`);
  mkdirSync(staging, { recursive: true });
  try {
    for (const file of verified.manifest.order) {
      copyFileSync(join(from, file), join(staging, file));
      if ((await fileSha256(join(staging, file))) !== verified.manifest.sha256[file]) {
        throw new BackupRefusedError('BACKUP.COPY_FAILED', `${file} changed while it was copied into ${dataDir}: nothing was replaced`);
      }
    }
    for (const file of STORE_FILES) for (const side of SIDE_FILES) rmSync(join(dataDir, file + side), { force: true });
    // The log goes in last: a directory with events.db is what a re-run needs --force for.
    for (const file of (['keys.db', 'audit.db', 'users.db', 'events.db'] as const).filter((f) => verified.manifest.order.includes(f))) renameSync(join(staging, file), join(dataDir, file));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return verified;
}

/**
 * Whether another connection has the log open: leaving WAL mode needs every other connection
 * closed, so a refusal (or SQLITE_BUSY) means someone has it. The file is replaced afterwards.
 */
function logInUse(path: string): boolean {
  try {
    const db = new Database(path, { fileMustExist: true, timeout: 0 });
    try {
      return db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete';
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}
