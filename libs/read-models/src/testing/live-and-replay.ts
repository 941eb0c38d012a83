import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pathway/event-store';
import { ensureSchema } from '../schema/ensure-schema';
import { openReadModelDb, ReadModelDb } from '../schema/open-read-model-db';
import { testDatabase, TestDatabase } from './read-model-engines';

/**
 * For a suite that builds read models two ways from one log and compares them: a log in a
 * temporary SQLite store, and `open()` for a fresh read-model database on `engine` with its
 * schema. Registers an `afterAll` that drops the databases and removes the log.
 */
export function liveAndReplay(engine: 'sqlite' | 'postgres'): { store: SqliteEventStore; open: () => Promise<ReadModelDb> } {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-live-replay-'));
  const store = new SqliteEventStore(join(dir, 'events.db'), { synchronous: 'NORMAL' });
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    store,
    open: async () => {
      const database = await testDatabase(engine);
      databases.push(database);
      const rm = openReadModelDb(database.config);
      await ensureSchema(rm.db);
      return rm;
    },
  };
}
