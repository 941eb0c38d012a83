import { AppendResult, EventStore, StreamAppend } from '@pathway/event-store';

/** Appends written together: about 2,000 events, a few hundred kB of JSON. */
export const DEMO_APPEND_BATCH = 2_000;

/** A store that can write several appends in one transaction (the SQLite store can). */
type BatchingStore = EventStore & { appendBatch(appends: StreamAppend[]): Promise<AppendResult[]> };

const canBatch = (store: EventStore): store is BatchingStore => typeof (store as Partial<BatchingStore>).appendBatch === 'function';

/**
 * Writes appends in the order given: in one transaction where the store can (`appendBatch`),
 * else one by one. Each keeps its own expected version, which the store checks; the log is the
 * one the same appends made one by one write (positions, versions, ids, payloads, commit stamps).
 */
export async function appendInOrder(store: EventStore, appends: StreamAppend[]): Promise<void> {
  if (canBatch(store)) {
    await store.appendBatch(appends);
  } else {
    for (const { streamId, events, expected } of appends) await store.append(streamId, events, expected);
  }
}
