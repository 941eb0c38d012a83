import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  RecordedEvent,
  StreamAppend,
  Subscription,
  WrongExpectedVersionError,
} from '@pathway/event-store';

/**
 * The store demo commands are decided against before their events go to the log: streams in
 * memory, each append checked against its expected version as the real store checks it, and
 * kept in order until `take`n, to be written to the log with everyone else's in time order (the
 * log's store checks every expected version again). Positions and commit stamps are the log's
 * to give: here they are 0 and '' (the demo reads neither). Only streams' reads and appends
 * are kept: the global log is not here.
 */
export class DecidingStore implements EventStore {
  /** Events as appended: made into recorded ones only when read (the state cache mostly spares the read). */
  private readonly streams = new Map<string, EventToAppend[]>();
  private appended: StreamAppend[] = [];

  /** `streams`: streams decided earlier (the demo projects' registrations), copied. */
  constructor(streams: ReadonlyMap<string, readonly EventToAppend[]> = new Map()) {
    for (const [streamId, events] of streams) this.streams.set(streamId, [...events]);
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length;
    const expectedVersion = expected === 'no-stream' ? 0 : expected;
    if (expectedVersion !== 'any' && expectedVersion !== current) throw new WrongExpectedVersionError(streamId, expected, current);
    stream.push(...events);
    this.streams.set(streamId, stream);
    this.appended.push({ streamId, events, expected });
    return { streamVersion: stream.length, position: 0 };
  }

  async readStream(streamId: string, afterVersion = 0): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    return stream.slice(afterVersion).map((event, i) => ({ ...event, streamId, streamVersion: afterVersion + i + 1, position: 0, committedAt: '' }));
  }

  /** The appends made since the last `take`, in order. */
  take(): StreamAppend[] {
    const appended = this.appended;
    this.appended = [];
    return appended;
  }

  /** The streams as they stand, to start another store from. */
  snapshot(): ReadonlyMap<string, readonly EventToAppend[]> {
    return this.streams;
  }

  /** Forgets a stream whose commands are all decided. */
  drop(streamId: string): void {
    this.streams.delete(streamId);
  }

  readAll(): Promise<RecordedEvent[]> {
    return Promise.reject(new Error('A deciding store keeps streams, not the log'));
  }

  subscribe(): Subscription {
    throw new Error('A deciding store keeps streams, not the log');
  }

  headPosition(): Promise<number> {
    return this.readAll().then(() => 0);
  }

  cutOffAt(): Promise<number> {
    return this.readAll().then(() => 0);
  }

  async close(): Promise<void> {}
}
