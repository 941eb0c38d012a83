import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BackupManifest, readManifest } from './backup-manifest';
import { BackupRefusedError } from './backup-refused.error';
import { fileSha256 } from './file-checksum';
import { KeyStoreFacts, keyStoreFacts, LogFacts, logFacts, userFacts } from './store-facts';

export interface VerifiedBackup {
  manifest: BackupManifest;
  log: LogFacts;
  /** Null for a backup taken before any key store existed. */
  keys: KeyStoreFacts | null;
}

/**
 * Checks that a backup directory is one set whose parts belong together, before anything is
 * restored: the manifest; the log's head (position and last event id) and counts; the key
 * store's identity (its check key: another installation's differs); that every participant the
 * log says was erased has a destroyed key (a key store older than the log would bring them
 * back); and last the SHA-256 of every file (a key store from another backup of the same
 * installation, or any changed byte). Throws BackupRefusedError with the first fault found.
 */
export async function verifyBackup(dir: string): Promise<VerifiedBackup> {
  const manifest = readManifest(dir);
  if (!manifest || manifest.order[0] !== 'events.db') throw new BackupRefusedError('BACKUP.NO_MANIFEST', `${join(dir, 'manifest.json')} is missing or not a Pathway backup manifest`);
  for (const file of manifest.order) {
    if (!existsSync(join(dir, file))) throw new BackupRefusedError('BACKUP.FILE_MISSING', `${file} is missing from the backup`);
  }

  const log = readable('events.db', () => logFacts(join(dir, 'events.db')));
  if (log.position !== manifest.log.position || log.lastEventId !== manifest.log.lastEventId || log.events !== manifest.log.events) {
    throw new BackupRefusedError(
      'BACKUP.LOG_HEAD_MISMATCH',
      `events.db ends at position ${log.position} (${log.lastEventId ?? 'empty'}, ${log.events} events) but the manifest says ${manifest.log.position} (${manifest.log.lastEventId ?? 'empty'}, ${manifest.log.events} events): the log is not the one this backup took`,
    );
  }
  const keys = manifest.order.includes('keys.db') ? readable('keys.db', () => keyStoreFacts(join(dir, 'keys.db'))) : null;
  if (!keys && existsSync(join(dir, 'keys.db'))) {
    throw new BackupRefusedError('BACKUP.KEY_STORE_FOREIGN', 'keys.db is in the directory but this backup was taken without a key store: it comes from elsewhere');
  }
  if (keys && keys.keyCheck !== manifest.keys?.keyCheck) {
    throw new BackupRefusedError('BACKUP.KEY_STORE_FOREIGN', 'keys.db belongs to another installation, or to this one before a master-key change (its key-check identity differs from the manifest): it is not the key store this backup took');
  }
  const resurrected = keys ? [...log.erased].filter((id) => !keys.destroyed.has(id)) : [];
  if (resurrected.length > 0) {
    throw new BackupRefusedError(
      'BACKUP.KEY_STORE_OLDER_THAN_LOG',
      `keys.db still holds keys of ${resurrected.length} participants the log says were erased: it is older than the log and would bring erased people back`,
    );
  }
  if (manifest.order.includes('users.db')) {
    const users = readable('users.db', () => userFacts(join(dir, 'users.db')));
    if (users.accounts !== manifest.users?.accounts) {
      throw new BackupRefusedError('BACKUP.USERS_MISMATCH', `users.db holds ${users.accounts} accounts but the manifest says ${manifest.users?.accounts ?? 'none'}: it is not the accounts copy this backup took`);
    }
  }
  for (const file of manifest.order) {
    if ((await fileSha256(join(dir, file))) !== manifest.sha256[file]) {
      throw new BackupRefusedError(
        'BACKUP.CHECKSUM_MISMATCH',
        `${file} does not match the manifest's SHA-256: it was changed, or comes from another backup${file === 'keys.db' ? ' of this installation' : ''}; restore a complete set as it was taken`,
      );
    }
  }
  return { manifest, log, keys };
}

function readable<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new BackupRefusedError('BACKUP.FILE_UNREADABLE', `${file} cannot be read as a Pathway store (${(error as Error).message})`);
  }
}
