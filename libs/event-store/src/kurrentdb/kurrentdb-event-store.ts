import {
  ANY,
  BACKWARDS,
  END,
  excludeSystemEvents,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as KurrentWrongExpectedVersion,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { instantToMicros } from '../commit-time';
import { WrongExpectedVersionError } from '../errors';
import { AppendResult, EventStore, EventToAppend, ExpectedVersion, RecordedEvent, Subscription } from '../event-store';

type Json = Record<string, unknown>;

/**
 * KurrentDB (EventStoreDB) adapter. Stream revisions are 0-based, our versions 1-based;
 * global positions are the commit positions of the transaction log. Commit times are the
 * server's `created` stamps: one clock (the leader's) for every writer, whatever the clocks of
 * the API replicas. Not run here (no server can be installed on the build machines).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<AppendResult> {
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: e.data, metadata: e.metadata })),
        { streamState: toStreamState(expected) },
      );
      return { streamVersion: Number(result.nextExpectedRevision) + 1, position: Number(result.position?.commit ?? 0) };
    } catch (error) {
      if (error instanceof KurrentWrongExpectedVersion) {
        const actual = error.actualState === NO_STREAM ? 0 : Number(error.actualState) + 1;
        throw new WrongExpectedVersionError(streamId, expected, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string, afterVersion = 0): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    // Revisions are 0-based: the event after version v has revision v.
    const fromRevision = afterVersion > 0 ? BigInt(afterVersion) : START;
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision })) {
        const recorded = toRecorded(resolved);
        if (recorded) events.push(recorded);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    // The start position is inclusive: read one more and drop the event at `after`.
    const reading = this.client.readAll({ fromPosition: positionAt(after), maxCount: limit + 1, filter: excludeSystemEvents() });
    for await (const resolved of reading) {
      const recorded = toRecorded(resolved);
      if (recorded && recorded.position > after) events.push(recorded);
      if (events.length === limit) break;
    }
    return events;
  }

  subscribe(after: number, onEvent: (event: RecordedEvent) => Promise<void> | void): Subscription {
    const subscription = this.client.subscribeToAll({ fromPosition: positionAt(after), filter: excludeSystemEvents() });
    let stopped = false;
    const done = (async () => {
      for await (const resolved of subscription) {
        if (stopped) break;
        const recorded = toRecorded(resolved);
        if (recorded && recorded.position > after) await onEvent(recorded);
      }
    })();
    return {
      done,
      stop: async () => {
        stopped = true;
        await subscription.unsubscribe();
        await done.catch(() => undefined);
      },
    };
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      return toRecorded(resolved)?.position ?? 0;
    }
    return 0;
  }

  /**
   * Reads the log backwards from its end to the last event the server stamped at or before
   * `instant`. The server's clock alone stamps commits, so once it has passed `instant` no later
   * append can be stamped before it; a cut-off far in the past reads back through everything since.
   */
  async cutOffAt(instant: string): Promise<number> {
    const micros = instantToMicros(instant);
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, filter: excludeSystemEvents() })) {
      const recorded = toRecorded(resolved);
      if (recorded && instantToMicros(recorded.committedAt) <= micros) return recorded.position;
    }
    return 0;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

function toStreamState(expected: ExpectedVersion): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream' || expected === 0) return NO_STREAM;
  return BigInt(expected - 1);
}

function positionAt(after: number): ReadPosition {
  return after === 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
}

function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event || !event.isJson || event.streamId.startsWith('$')) return null;
  return {
    position: Number(event.position?.commit ?? 0),
    streamId: event.streamId,
    streamVersion: Number(event.revision) + 1,
    eventId: event.id,
    type: event.type,
    data: event.data as Json,
    metadata: (event.metadata ?? {}) as Json,
    committedAt: event.created.toISOString(),
  };
}
