import { Kysely } from 'kysely';
import { EventStore } from '@pathway/event-store';
import { ReadModelSchema } from '../schema/read-model-schema';

export type CheckpointCheck =
  | { status: 'consistent' }
  /** The read models saw events the log no longer has: events.db restored from an older backup than the read models. */
  | { status: 'ahead-of-log'; position: number; headPosition: number }
  /** The log has another event at the checkpoint's position: a different log, or one restored and written to since. */
  | { status: 'different-event'; position: number };

/**
 * Does the projection's checkpoint still belong to this log? Compares the checkpoint with the
 * log's head and the event id stored with it. A checkpoint without an event id (written by an
 * older version) is checked against the head only.
 */
export async function checkCheckpointAgainstLog(store: EventStore, db: Kysely<ReadModelSchema>, name: string): Promise<CheckpointCheck> {
  const row = await db.selectFrom('checkpoints').select(['position', 'event_id']).where('name', '=', name).executeTakeFirst();
  const position = Number(row?.position ?? 0);
  if (position === 0) return { status: 'consistent' };
  const headPosition = await store.headPosition();
  if (position > headPosition) return { status: 'ahead-of-log', position, headPosition };
  if (!row?.event_id) return { status: 'consistent' };
  const [atCheckpoint] = await store.readAll(position - 1, 1);
  return atCheckpoint?.position === position && atCheckpoint.eventId === row.event_id ? { status: 'consistent' } : { status: 'different-event', position };
}
