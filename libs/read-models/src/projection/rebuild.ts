import { Kysely } from 'kysely';
import { EventStore } from '@pathway/event-store';
import { readCheckpoint, resetCheckpoint } from './checkpoints';
import { BulkLoad } from './bulk-load';
import { ProjectionRunner } from './projection-runner';
import { createIndexes, createProjectedTables, dropProjectedTables } from '../schema/create-tables';
import { LIVE_PROJECTION, NEXT_PROJECTION } from '../schema/ensure-schema';
import { ReadModelSchema } from '../schema/read-model-schema';
import { LIVE_TABLES, NEXT_TABLES, tableNames } from '../schema/table-set';

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
