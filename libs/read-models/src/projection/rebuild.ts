import { Kysely } from 'kysely';
import { EventStore } from '@pathway/event-store';
import { readCheckpoint, resetCheckpoint } from './checkpoints';
import { BulkLoad } from './bulk-load';
import { ProjectionRunner } from './projection-runner';
import { createIndexes, createProjectedTables, dropProjectedTables } from '../schema/create-tables';
import { LIVE_PROJECTION, NEXT_PROJECTION } from '../schema/ensure-schema';
import { ReadModelSchema } from '../schema/read-model-schema';
import { LIVE_TABLES, NEXT_TABLES, tableNames } from '../schema/table-set';

/**
 * The JavaScript heap (old generation, MB) a rebuild is given by default where it runs on a
 * thread or in a process of its own (`REBUILD_HEAP_MB` of the environment, the bench). Its memory is bounded by a batch of the
 * log and a round of participants (bulk-load.ts), not by the log: 1,000,000 events of the demo
 * log rebuild within 96 MB, as fast as without a limit; the rest is room for a round of 500
 * participants with long timelines, which the derivation reads back at once. Without a limit,
 * V8 let the heap grow with garbage first: peak RSS 395-397 MB against 294 MB with this one
 * (298 MB with 256), in the bench.
 */
export const DEFAULT_REBUILD_HEAP_MB = 512;

export interface RebuildProgress {
  processed: number;
  total: number;
}

/**
 * Rebuilds every read model from position 0 into `next_` tables while readers keep using the
 * live ones, then swaps them in within one transaction. A rebuild that was interrupted resumes
 * from its own checkpoint. The live projection, if running, notices the moved checkpoint and
 * carries on from it.
 */
export async function rebuildReadModels(
  store: EventStore,
  db: Kysely<ReadModelSchema>,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  batchSize = 5000,
): Promise<{ position: number }> {
  const bulk = BulkLoad.for(db);
  // A rebuild interrupted before bulk loads existed has tables of another shape: it starts again.
  const resumeFrom = (await bulk.canResume(db)) ? await readCheckpoint(db, NEXT_PROJECTION) : null;
  if (resumeFrom === null) {
    await db.transaction().execute(async (trx) => {
      await dropProjectedTables(trx, NEXT_TABLES);
      await createProjectedTables(trx, NEXT_TABLES, '', { withIndexes: false });
      await bulk.startLoad(trx);
      await resetCheckpoint(trx, NEXT_PROJECTION);
    });
  }

  const runner = new ProjectionRunner(store, db, { name: NEXT_PROJECTION, tables: NEXT_TABLES, batchSize, bulk });
  const total = await store.headPosition();
  let position = resumeFrom ?? 0;
  onProgress({ processed: position, total });
  while ((await runner.step()) > 0) {
    position = (await readCheckpoint(db, NEXT_PROJECTION))!;
    onProgress({ processed: position, total: Math.max(total, position) });
  }

  await db.transaction().execute(async (trx) => {
    const tag = Date.now().toString(36);
    await bulk.finishLoad(trx, NEXT_TABLES, tag);
    await createIndexes(trx, NEXT_TABLES, tag, 'derivation');
    await bulk.deriveAll(trx, NEXT_TABLES);
    await createIndexes(trx, NEXT_TABLES, tag, 'rest');
    const next = await trx.selectFrom('checkpoints').select(['position', 'event_id']).where('name', '=', NEXT_PROJECTION).executeTakeFirstOrThrow();
    position = Number(next.position);
    await dropProjectedTables(trx, LIVE_TABLES);
    const live = tableNames(LIVE_TABLES);
    for (const [i, next] of tableNames(NEXT_TABLES).entries()) {
      await trx.schema.alterTable(next).renameTo(live[i]!).execute();
    }
    await resetCheckpoint(trx, LIVE_PROJECTION, position, next.event_id);
    await trx.deleteFrom('checkpoints').where('name', '=', NEXT_PROJECTION).execute();
  });
  return { position };
}
