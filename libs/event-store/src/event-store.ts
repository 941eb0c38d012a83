/**
 * The port every event store adapter implements. Versions count a stream's events
 * (the first event is version 1, a stream that does not exist is at version 0);
 * positions order the global log (greater means later; not necessarily consecutive).
 */
export type ExpectedVersion = 'any' | 'no-stream' | number;

export interface EventToAppend {
  /** A UUID; also the idempotency key: appending the same ids again writes nothing. */
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface RecordedEvent extends EventToAppend {
  streamId: string;
  streamVersion: number;
  position: number;
  /**
   * When the store committed the event: an ISO 8601 instant in UTC, stamped by the store itself
   * (not by the appending process, whose clock may differ from another replica's). Never
   * decreases along the log, and events appended together share it, so "committed by K" is a
   * prefix of the log. Reports "as known on K" count by it (see `cutOffAt`).
   */
  committedAt: string;
}

export interface AppendResult {
  /** The stream's version after the append: the version of the last event written. */
  streamVersion: number;
  /** The global position of the last event written. */
  position: number;
}

export interface Subscription {
  /** Stops after the event being handled, if any. */
  stop(): Promise<void>;
  /** Settles when the subscription stops; rejects with the handler's error if it threw. */
  done: Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<AppendResult>;
  /**
   * A stream's events in order; empty if the stream does not exist. With `afterVersion`, only
   * the events after that version: how a command catches a cached state up without rereading
   * a long stream.
   */
  readStream(streamId: string, afterVersion?: number): Promise<RecordedEvent[]>;
  /** Up to `limit` events of the global log with a position greater than `after`, in order. */
  readAll(after: number, limit: number): Promise<RecordedEvent[]>;
  /** Calls `onEvent` for every event after `after`, in order, one at a time, then follows new ones live. */
  subscribe(after: number, onEvent: (event: RecordedEvent) => Promise<void> | void): Subscription;
  /** Position of the last event in the global log, 0 when empty. */
  headPosition(): Promise<number>;
  /**
   * The cut-off of the log as known on `instant` (ISO 8601): the position of the last event
   * committed at or before it, 0 when none was. Once `instant` has passed this answer never
   * changes: every event appended afterwards, by any process whatever its clock, is committed
   * after `instant` (the SQLite store raises its commit clock to `instant` when asked; a server
   * store stamps commits with its own single clock). Callers refuse instants in the future.
   */
  cutOffAt(instant: string): Promise<number>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
