import { EventStore } from '@pathway/event-store';
import { IndicatorReportQuery, LIVE_PROJECTION, ReadModelDb, readCheckpoint } from '@pathway/read-models';

/** How long a report waits for the projector to apply what it must count, before answering 503. */
export const REPORT_WAIT_MS = 3_000;
/** What a 503 tells the caller to wait before asking again, in seconds. */
export const REPORT_RETRY_AFTER_SECONDS = 2;
const POLL_MS = 25;

/** The read models have not yet applied every event a report must count (code `REPORT.READ_MODEL_BEHIND`). */
export class ReadModelBehindError extends Error {
  constructor(
    /** The log position the report counts to. */
    readonly needed: number,
    /** The position the read models have applied up to. */
    readonly applied: number,
    readonly retryAfterSeconds = REPORT_RETRY_AFTER_SECONDS,
  ) {
    super(`The read models have applied the log up to position ${applied}; the report needs ${needed}`);
    this.name = 'ReadModelBehindError';
  }
}

/**
 * Fixes what a report counts and makes sure the read models hold it. As known on K: the event
 * store's cut-off for K (the last event it committed by K; stable once K has passed, whatever
 * the clocks of the replicas that appended). As known now: the head of the log when asked.
 * Then waits up to `waitMs` for the live projection's checkpoint to reach that position, so a
 * report never answers from read models that are still missing events it must count.
 *
 * Returns the query with `cutOffPosition` set (with `asKnownOn`); throws ReadModelBehindError
 * when the projection is still behind after the wait. The caller refuses a K in the future.
 */
export async function reportCutOff(
  store: Pick<EventStore, 'cutOffAt' | 'headPosition'>,
  { db }: ReadModelDb,
  query: IndicatorReportQuery,
  waitMs = REPORT_WAIT_MS,
): Promise<IndicatorReportQuery> {
  const position = query.asKnownOn === null ? await store.headPosition() : await store.cutOffAt(query.asKnownOn);
  await readModelsAt({ db }, position, waitMs);
  return query.asKnownOn === null ? query : { ...query, cutOffPosition: position };
}

/**
 * Waits up to `waitMs` for the live projection's checkpoint to reach `position` (a log
 * position); throws ReadModelBehindError when it is still behind after the wait.
 */
export async function readModelsAt({ db }: Pick<ReadModelDb, 'db'>, position: number, waitMs = REPORT_WAIT_MS): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const applied = (await readCheckpoint(db, LIVE_PROJECTION)) ?? 0;
    if (applied >= position) return;
    if (Date.now() >= deadline) throw new ReadModelBehindError(position, applied);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
