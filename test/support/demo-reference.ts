import { SqliteEventStore } from '@pathway/event-store';
import { ensureSchema, LIVE_PROJECTION, LIVE_TABLES, openReadModelDb, ProjectionRunner } from '@pathway/read-models';
import { join } from 'node:path';
import { dumpTables } from '../../libs/read-models/src/testing/dump-tables';
import { pathway } from './cli';

/**
 * `pathway demo --participants <participants>` into `dataDir`, and the reference a rebuild must
 * equal: the same log projected in-process into `dataDir/reference.db`, as its tables
 * (`dumpTables`), with the log's head position.
 */
export async function demoWithReference(dataDir: string, participants: number): Promise<{ head: number; reference: Awaited<ReturnType<typeof dumpTables>> }> {
  await pathway(dataDir, 'demo', '--participants', String(participants));
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  const { db } = openReadModelDb({ engine: 'sqlite', file: join(dataDir, 'reference.db') });
  try {
    await ensureSchema(db);
    await new ProjectionRunner(store, db, { name: LIVE_PROJECTION, tables: LIVE_TABLES }).catchUp();
    return { head: await store.headPosition(), reference: await dumpTables(db) };
  } finally {
    await db.destroy();
    await store.close();
  }
}
