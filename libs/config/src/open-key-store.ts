import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KeyStore, MasterKeys, PostgresKeyStore, SqliteKeyStore } from '@pathway/privacy';
import { Environment } from './environment';
import { readOrCreateSecretFile } from './secret-file';

type KeyStoreSettings = Pick<Environment, 'READ_MODEL_DB' | 'DATA_DIR' | 'DATABASE_URL' | 'MASTER_KEY'> & Partial<Pick<Environment, 'MASTER_KEY_PREVIOUS'>>;

/**
 * Participants' data keys: an SQLite file of their own in embedded mode, a PostgreSQL table in
 * production. Without MASTER_KEY (embedded mode only) a master key is made in the data directory,
 * unless the directory's key store already holds keys (restored or moved without its master.key):
 * then a configuration error, never a new key that cannot open them;
 * with MASTER_KEY_PREVIOUS too, keys wrapped by the old one still open (see `pathway keys rewrap`).
 */
/**
 * Whether an embedded key store file was already made with some master key: it has its
 * master-key check row, data keys or erasure tombstones. False for a missing or empty file.
 */
function keyStoreInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const has = (table: string) =>
      db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)!.n > 0 &&
      db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()!.n > 0;
    return has('master_key_check') || has('data_keys');
  } finally {
    db.close();
  }
}

/**
 * Refuses to start embedded mode on a key store whose master key is not given: no MASTER_KEY, no
 * master.key in DATA_DIR, yet keys.db was made (a data directory restored or moved without its
 * master key). Making a new master.key there would only fail to open it. Throws an "Invalid
 * configuration" error naming what to supply; the API's main calls it before Nest starts so
 * the operator reads that message alone.
 */
export function assertMasterKeyAvailable(env: Pick<Environment, 'READ_MODEL_DB' | 'DATA_DIR' | 'MASTER_KEY'>): void {
  if (!env.MASTER_KEY && env.READ_MODEL_DB !== 'postgres' && !existsSync(join(env.DATA_DIR, 'master.key')) && keyStoreInUse(join(env.DATA_DIR, 'keys.db'))) {
    throw new Error(
      `Invalid configuration:\n  - MASTER_KEY is not set and ${join(env.DATA_DIR, 'master.key')} does not exist, but ${join(env.DATA_DIR, 'keys.db')} already holds keys wrapped by a master key (a restored or moved data directory?). ` +
        'A new master key cannot open them: set MASTER_KEY to the installation\'s master key, or put its master.key file back in DATA_DIR from where it was kept',
    );
  }
}

export async function openKeyStore(env: KeyStoreSettings): Promise<KeyStore> {
  if (env.READ_MODEL_DB === 'postgres' && !env.MASTER_KEY) {
    throw new Error('Invalid configuration:\n  - MASTER_KEY is required with READ_MODEL_DB=postgres: 64 hex digits from your secret store');
  }
  if (env.MASTER_KEY_PREVIOUS && !env.MASTER_KEY) {
    throw new Error('Invalid configuration:\n  - MASTER_KEY_PREVIOUS is for replacing MASTER_KEY: set MASTER_KEY to the new key too');
  }
  assertMasterKeyAvailable(env);
  const current = env.MASTER_KEY ?? (await readOrCreateSecretFile(join(env.DATA_DIR, 'master.key'), async () => randomBytes(32).toString('hex')));
  const previous = env.MASTER_KEY_PREVIOUS ? Buffer.from(env.MASTER_KEY_PREVIOUS, 'hex') : undefined;
  const masterKeys = new MasterKeys(Buffer.from(current, 'hex'), previous);
  return env.READ_MODEL_DB === 'postgres' ? PostgresKeyStore.connect(env.DATABASE_URL!, masterKeys) : new SqliteKeyStore(join(env.DATA_DIR, 'keys.db'), masterKeys);
}
