import { EventStore } from '@pathway/event-store';
import { ensureSchema, LIVE_PROJECTION } from './schema/ensure-schema';
import { openReadModelDb, ReadModelDb, ReadModelDbConfig } from './schema/open-read-model-db';
import { LIVE_TABLES } from './schema/table-set';
import { LiveProjection } from './projection/live-projection';
import { ProjectionRunner } from './projection/projection-runner';

/** Opens the read-model database, sets up its schema and makes the live projection over it. */
export async function openReadModels(
  store: EventStore,
  config: ReadModelDbConfig,
  live: { pollIntervalMs: number; onError: (error: unknown) => void },
): Promise<{ readModels: ReadModelDb; projection: LiveProjection }> {
  const readModels = openReadModelDb(config);
  await ensureSchema(readModels.db);
  const runner = new ProjectionRunner(store, readModels.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES });
  return { readModels, projection: new LiveProjection(runner, live) };
}
