import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BackupManifest, readManifest } from './backup-manifest';
import { BackupRefusedError } from './backup-refused.error';
import { fileSha256 } from './file-checksum';
import { auditFacts, KeyStoreFacts, keyStoreFacts, LogFacts, logFacts, userFacts } from './store-facts';

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
 * back); that the manifest's counts (keys, erased keys, audit entries, accounts) are those of
 * the files; that every key the log's sealed personal data was sealed with is in the key store,
 * live or erased (a key store older than the log would leave people unreadable; a key made just
 * before its event and left without one is harmless and accepted); and last the SHA-256 of every file (a key store from another backup of the same
 * installation, or any changed byte). Throws BackupRefusedError with the first fault found.
 */
export async function verifyBackup(dir: string): Promise<VerifiedBackup> {
  const manifest = readManifest(dir);
  if (!manifest || manifest.order[0] !== 'events.db') throw new BackupRefusedError('BACKUP.NO_MANIFEST', `${join(dir, 'manifest.json')} is missing or not a Pathway backup manifest`);
  for (const file of manifest.order) {
    if (!existsSync(join(dir, file))) throw new BackupRefusedError('BACKUP.FILE_MISSING', `${file} is missing from the backup`);
  }

  const log = readable('events.db', () => logFacts(join(dir, 'events.db')));
  if (log.position !== manifest.log.position || log.lastEventId !== manifest.log.lastEventId || log.events !== manifest.log.events || !sameCounts(log.byType, manifest.log.byType)) {
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
  if (keys && (keys.live !== manifest.keys?.live || keys.destroyed.size !== manifest.keys?.destroyed)) {
    throw new BackupRefusedError(
      'BACKUP.KEYS_MISMATCH',
      `keys.db holds ${keys.live} data keys and ${keys.destroyed.size} erased ones but the manifest says ${manifest.keys?.live ?? 0} and ${manifest.keys?.destroyed ?? 0}: it is not the key store this backup took`,
    );
  }
  const missing = [...log.sealedWith].filter((id) => !keys?.entries.has(id));
  if (missing.length > 0) {
    throw new BackupRefusedError(
      'BACKUP.KEY_STORE_MISSING_KEYS',
      `The log holds personal data sealed with ${missing.length} keys that keys.db has neither as a key nor as an erasure (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): the key store does not belong to this log (an older one?); restore a complete set as it was taken`,
    );
  }
  if (manifest.order.includes('audit.db')) {
    const audit = readable('audit.db', () => auditFacts(join(dir, 'audit.db')));
    if (audit.entries !== manifest.audit?.entries || audit.lastSequence !== manifest.audit?.lastSequence) {
      throw new BackupRefusedError(
        'BACKUP.AUDIT_MISMATCH',
        `audit.db holds ${audit.entries} entries (last ${audit.lastSequence}) but the manifest says ${manifest.audit?.entries ?? 'none'} (last ${manifest.audit?.lastSequence ?? 'none'}): it is not the audit log this backup took`,
      );
    }
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

function sameCounts(actual: Record<string, number>, claimed: Record<string, number> | undefined): boolean {
  const keys = new Set([...Object.keys(actual), ...Object.keys(claimed ?? {})]);
  return [...keys].every((type) => actual[type] === claimed?.[type]);
}

function readable<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new BackupRefusedError('BACKUP.FILE_UNREADABLE', `${file} cannot be read as a Pathway store (${(error as Error).message})`);
  }
}
