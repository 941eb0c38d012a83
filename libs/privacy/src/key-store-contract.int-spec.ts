import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from './key-store';
import { PostgresKeyStore } from './postgres-key-store';
import { keyStoreContract } from './testing/key-store-contract';
import { postgresTestDatabase, TestDatabase, testEngines } from '../../read-models/src/testing/read-model-engines';

const dir = mkdtempSync(join(tmpdir(), 'pathway-key-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

keyStoreContract('sqlite', async (masterKeys) => new SqliteKeyStore(join(dir, 'keys.db'), masterKeys));

// The global setup lists PostgreSQL when it answers (and fails a CI run when it does not).
if (testEngines().includes('postgres')) {
  let database: Promise<TestDatabase> | null = null;
  afterAll(async () => (await database)?.drop());
  keyStoreContract('postgres', async (masterKeys) => {
    database ??= postgresTestDatabase();
    const { config } = await database;
    return PostgresKeyStore.connect(config.engine === 'postgres' ? config.url : '', masterKeys);
  });
}
