import { join } from 'node:path';
import { EventStore, KurrentDbEventStore, SqliteEventStore } from '@pathway/event-store';
import { Environment } from './environment';

/**
 * The configured adapter: the only place that knows which one runs. `bulk` (demo data, imports)
 * lets SQLite skip the per-append flush to disk; a crash then loses at most the last appends.
 */
export function openEventStore(
  env: Pick<Environment, 'EVENT_STORE' | 'DATA_DIR' | 'EVENTSTORE_CONNECTION_STRING'>,
  { bulk = false } = {},
): EventStore {
  return env.EVENT_STORE === 'kurrentdb'
    ? new KurrentDbEventStore(env.EVENTSTORE_CONNECTION_STRING!)
    : new SqliteEventStore(join(env.DATA_DIR, 'events.db'), { synchronous: bulk ? 'NORMAL' : 'FULL' });
}
