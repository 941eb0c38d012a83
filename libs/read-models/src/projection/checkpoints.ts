import { Kysely } from 'kysely';
import { ReadModelSchema } from '../schema/read-model-schema';

export async function readCheckpoint(db: Kysely<ReadModelSchema>, name: string): Promise<number | null> {
  const row = await db.selectFrom('checkpoints').select('position').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.position) : null;
}

/** Someone else moved the checkpoint (a rebuild swapped tables in, or a second projector ran): start over from it. */
export class CheckpointMovedError extends Error {
  constructor(name: string) {
    super(`Checkpoint ${name} moved while a batch was applied`);
    this.name = 'CheckpointMovedError';
  }
}

/** Advances the checkpoint in the caller's transaction, only from where the batch started. */
export async function advanceCheckpoint(
  trx: Kysely<ReadModelSchema>,
  name: string,
  from: number,
  to: number,
  eventId: string | null = null,
): Promise<void> {
  const result = await trx
    .updateTable('checkpoints')
    .set({ position: to, updated_at: new Date().toISOString(), event_id: eventId })
    .where('name', '=', name)
    .where('position', '=', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new CheckpointMovedError(name);
}

export async function resetCheckpoint(trx: Kysely<ReadModelSchema>, name: string, position = 0, eventId: string | null = null): Promise<void> {
  await trx.deleteFrom('checkpoints').where('name', '=', name).execute();
  await trx.insertInto('checkpoints').values({ name, position, updated_at: new Date().toISOString(), event_id: eventId }).execute();
}

/** Creates the checkpoint at position 0 unless it exists. */
export async function ensureCheckpoint(db: Kysely<ReadModelSchema>, name: string): Promise<void> {
  await db
    .insertInto('checkpoints')
    .values({ name, position: 0, updated_at: new Date().toISOString(), event_id: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
