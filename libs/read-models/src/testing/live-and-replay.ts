import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pathway/event-store';
import { ReadModelDb } from '../schema/open-read-model-db';
import { openTestReadModelDb, TestReadModelDb } from './read-model-engines';

/**
 * For a suite that builds read models two ways from one log and compares them: a log in a
 * temporary SQLite store, and `open()` for a fresh read-model database on `engine` with its
 * schema. Registers an `afterAll` that closes and drops the databases and removes the log.
 */
export function liveAndReplay(engine: 'sqlite' | 'postgres'): { store: SqliteEventStore; open: () => Promise<ReadModelDb> } {
  const dir = mkdtempSync(join(tmpdir(), 'pathway-live-replay-'));
  const store = new SqliteEventStore(join(dir, 'events.db'), { synchronous: 'NORMAL' });
  const opened: TestReadModelDb[] = [];
  afterAll(async () => {
    for (const rm of opened) await rm.drop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    store,
    open: async () => {
      const rm = await openTestReadModelDb(engine);
      opened.push(rm);
      return rm;
    },
  };
}
