import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { KeyStore, PostgresKeyStore, SqliteKeyStore } from '@pathway/privacy';
import { Environment } from './environment';
import { readOrCreateSecretFile } from './secret-file';

type KeyStoreSettings = Pick<Environment, 'READ_MODEL_DB' | 'DATA_DIR' | 'DATABASE_URL' | 'MASTER_KEY'>;

/**
 * Participants' data keys: an SQLite file of their own in embedded mode, a PostgreSQL table in
 * production. Without MASTER_KEY (embedded mode only) a master key is made in the data directory.
 */
export async function openKeyStore(env: KeyStoreSettings): Promise<KeyStore> {
  if (env.READ_MODEL_DB === 'postgres' && !env.MASTER_KEY) {
    throw new Error('Invalid configuration:\n  - MASTER_KEY is required with READ_MODEL_DB=postgres: 64 hex digits from your secret store');
  }
  const masterKey = Buffer.from(env.MASTER_KEY ?? (await readOrCreateSecretFile(join(env.DATA_DIR, 'master.key'), async () => randomBytes(32).toString('hex'))), 'hex');
  return env.READ_MODEL_DB === 'postgres' ? new PostgresKeyStore(env.DATABASE_URL!, masterKey) : new SqliteKeyStore(join(env.DATA_DIR, 'keys.db'), masterKey);
}
