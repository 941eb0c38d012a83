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

/** Appends held before they are written together: about 2,000 events, a few hundred kB of JSON. */
export const DEMO_APPEND_BATCH = 2_000;

/** A store that can write several appends in one transaction (the SQLite store can). */
type BatchingStore = EventStore & { appendBatch(appends: StreamAppend[]): Promise<AppendResult[]> };

const canBatch = (store: EventStore): store is BatchingStore => typeof (store as Partial<BatchingStore>).appendBatch === 'function';

/**
 * Writes appends in the order given: in one transaction where the store can (`appendBatch`),
 * else one by one. Each keeps its own expected version, which the store checks.
 */
export async function appendInOrder(store: EventStore, appends: StreamAppend[]): Promise<void> {
  if (canBatch(store)) {
    await store.appendBatch(appends);
  } else {
    for (const { streamId, events, expected } of appends) await store.append(streamId, events, expected);
  }
}

/**
 * The demo's view of the event store: appends are held in order and written `DEMO_APPEND_BATCH`
 * events at a time (in one transaction where the store can, else one by one), each with its own
 * expected version, which the store checks again. The log written is the one the same appends
 * made one by one write: same positions, versions, ids, payloads and commit stamps
 * (generate-demo.int-spec.ts compares the two).
 *
 * Only for the demo, which is the store's one writer while it runs (it refuses a store holding
 * its projects): a stream it appended to is known here by version, so a command that has its
 * state folded (the StreamStateCache) needs no read; any other read of a stream with appends
 * held (a project's, say) writes what is held first, so reads always see every append made through this view. `append`
 * answers `position: 0` for a held append (positions are the store's to give, at `flush`); the
 * demo does not use them.
 */
export class BatchedDemoStore implements EventStore {
  private readonly versions = new Map<string, number>();
  private held: StreamAppend[] = [];
  private readonly heldStreams = new Set<string>();
  private heldEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly batch = DEMO_APPEND_BATCH,
  ) {}

  async append(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<AppendResult> {
    const current = this.versions.get(streamId) ?? (await this.storedVersion(streamId));
    const expectedVersion = expected === 'no-stream' ? 0 : expected;
    if (expectedVersion !== 'any' && expectedVersion !== current) throw new WrongExpectedVersionError(streamId, expected, current);
    this.held.push({ streamId, events, expected });
    this.heldStreams.add(streamId);
    this.heldEvents += events.length;
    this.versions.set(streamId, current + events.length);
    if (this.heldEvents >= this.batch) await this.flush();
    return { streamVersion: current + events.length, position: 0 };
  }

  async readStream(streamId: string, afterVersion = 0): Promise<RecordedEvent[]> {
    const known = this.versions.get(streamId);
    if (known !== undefined && afterVersion >= known) return [];
    if (this.heldStreams.has(streamId)) await this.flush();
    const events = await this.store.readStream(streamId, afterVersion);
    // The demo is the only writer: what the store holds now is the stream's version until it appends.
    if (known === undefined && afterVersion === 0) this.versions.set(streamId, events.at(-1)?.streamVersion ?? 0);
    return events;
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    await this.flush();
    return this.store.readAll(after, limit);
  }

  subscribe(after: number, onEvent: (event: RecordedEvent) => Promise<void> | void): Subscription {
    return this.store.subscribe(after, onEvent);
  }

  async headPosition(): Promise<number> {
    await this.flush();
    return this.store.headPosition();
  }

  async cutOffAt(instant: string): Promise<number> {
    await this.flush();
    return this.store.cutOffAt(instant);
  }

  /** Writes what is held, in the order it was appended. The store re-checks every expected version. */
  async flush(): Promise<void> {
    if (this.held.length === 0) return;
    const appends = this.held;
    this.held = [];
    this.heldEvents = 0;
    this.heldStreams.clear();
    await appendInOrder(this.store, appends);
  }

  /** Writes what is held; the underlying store stays open (its owner closes it). */
  async close(): Promise<void> {
    await this.flush();
  }

  private async storedVersion(streamId: string): Promise<number> {
    return (await this.store.readStream(streamId)).at(-1)?.streamVersion ?? 0;
  }
}
