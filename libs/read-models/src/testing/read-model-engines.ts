import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { ensureSchema } from '../schema/ensure-schema';
import { openReadModelDb, ReadModelDb, ReadModelDbConfig } from '../schema/open-read-model-db';

/** The PostgreSQL server tests use; the machine runs one on 127.0.0.1:5432 with trust auth. */
export const TEST_POSTGRES_URL = process.env.PATHWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  config: ReadModelDbConfig;
  drop(): Promise<void>;
}

export function sqliteTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-rm-'));
  return { config: { engine: 'sqlite', file: join(dir, 'read-models.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database of its own on the test server, dropped afterwards. */
export async function postgresTestDatabase(): Promise<TestDatabase> {
  const name = `pathway_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    config: { engine: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The engines found by the test run's global setup (test/support/global-setup.js). */
export const testEngines = (): Array<'sqlite' | 'postgres'> =>
  (process.env.PATHWAY_TEST_ENGINES ?? 'sqlite').split(',') as Array<'sqlite' | 'postgres'>;

export const testDatabase = (engine: 'sqlite' | 'postgres') =>
  engine === 'sqlite' ? Promise.resolve(sqliteTestDatabase()) : postgresTestDatabase();

/** Read models opened on a test database of their own; `drop()` closes the connection and drops the database. */
export interface TestReadModelDb extends ReadModelDb {
  drop(): Promise<void>;
}

/**
 * A fresh read-model database on `engine` (an SQLite file in a temporary directory, or a database
 * of its own on the test PostgreSQL server), opened and with its schema, for one suite.
 */
export async function openTestReadModelDb(engine: 'sqlite' | 'postgres'): Promise<TestReadModelDb> {
  const database = await testDatabase(engine);
  const rm = openReadModelDb(database.config);
  await ensureSchema(rm.db);
  return {
    ...rm,
    drop: async () => {
      await rm.db.destroy();
      await database.drop();
    },
  };
}
