import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files a backup holds, by their name in DATA_DIR and in the backup directory. */
export const BACKUP_FILES = ['events.db', 'keys.db', 'audit.db', 'users.db'] as const;
export type BackupFile = (typeof BACKUP_FILES)[number];

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'pathway-backup/1';

/** Where the event log copy ends: its last position and the id of the event there (0 and null when empty). */
export interface LogHead {
  position: number;
  lastEventId: string | null;
}

/**
 * `manifest.json` in a backup directory: what was taken, in which order, and how to know the
 * parts belong together. `sha256` is the hex SHA-256 of each file as written; `keyCheck` is the
 * SHA-256 of the key store's master-key check row (random per installation, so a key store of
 * another installation has another one). The master key itself is never in it.
 */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  /** A random id for this backup. */
  backupId: string;
  /** `pathway` package version that wrote it. */
  toolVersion: string;
  /** ISO instants: when the copy of the log and of the key store finished. */
  takenAt: Partial<Record<BackupFile, string>>;
  /** The files copied, in the order they were taken (see takeBackup for why); a key store or audit log never opened yet is left out. */
  order: BackupFile[];
  log: LogHead & { events: number; byType: Record<string, number> };
  /** Null when the installation has no key store yet (no personal data ever recorded). */
  keys: {
    keyCheck: string;
    live: number;
    destroyed: number;
    /** Keys destroyed before the key copy whose erasure event came after the log's head. */
    erasedAfterLogHead: string[];
    /** Erased in the log copy, key not yet destroyed when copied: the backup destroyed it in its copy. */
    erasuresFinished: string[];
  } | null;
  audit: { entries: number; lastSequence: number } | null;
  /**
   * The local accounts (embedded sign-in), null when none were ever made (OpenID Connect, or a
   * backup written before users.db was backed up). Sessions are left out of the copy.
   */
  users?: { accounts: number } | null;
  sha256: Partial<Record<BackupFile, string>>;
}

export function writeManifest(dir: string, manifest: BackupManifest): void {
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
}

/** The manifest as written; null when missing or not JSON (the caller refuses the set). */
export function readManifest(dir: string): BackupManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
    return manifest?.format === MANIFEST_FORMAT ? manifest : null;
  } catch {
    return null;
  }
}
