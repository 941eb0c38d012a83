import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { KeyStore, MasterKeys, PostgresKeyStore, SqliteKeyStore } from '@pathway/privacy';
import { Environment } from './environment';
import { readOrCreateSecretFile } from './secret-file';

type KeyStoreSettings = Pick<Environment, 'READ_MODEL_DB' | 'DATA_DIR' | 'DATABASE_URL' | 'MASTER_KEY'> & Partial<Pick<Environment, 'MASTER_KEY_PREVIOUS'>>;

/**
 * Participants' data keys: an SQLite file of their own in embedded mode, a PostgreSQL table in
 * production. Without MASTER_KEY (embedded mode only) a master key is made in the data directory;
 * with MASTER_KEY_PREVIOUS too, keys wrapped by the old one still open (see `pathway keys rewrap`).
 */
export async function openKeyStore(env: KeyStoreSettings): Promise<KeyStore> {
  if (env.READ_MODEL_DB === 'postgres' && !env.MASTER_KEY) {
    throw new Error('Invalid configuration:\n  - MASTER_KEY is required with READ_MODEL_DB=postgres: 64 hex digits from your secret store');
  }
  if (env.MASTER_KEY_PREVIOUS && !env.MASTER_KEY) {
    throw new Error('Invalid configuration:\n  - MASTER_KEY_PREVIOUS is for replacing MASTER_KEY: set MASTER_KEY to the new key too');
  }
  const current = env.MASTER_KEY ?? (await readOrCreateSecretFile(join(env.DATA_DIR, 'master.key'), async () => randomBytes(32).toString('hex')));
  const previous = env.MASTER_KEY_PREVIOUS ? Buffer.from(env.MASTER_KEY_PREVIOUS, 'hex') : undefined;
  const masterKeys = new MasterKeys(Buffer.from(current, 'hex'), previous);
  return env.READ_MODEL_DB === 'postgres' ? PostgresKeyStore.connect(env.DATABASE_URL!, masterKeys) : new SqliteKeyStore(join(env.DATA_DIR, 'keys.db'), masterKeys);
}
