import { Decider } from '@pathway/domain';
import { EventStore, EventToAppend, RecordedEvent } from '@pathway/event-store';
import { DomainEventShape, toDomainEvent } from './event-envelope';
import { idempotencyOf } from './idempotency';

/** Where the events an Idempotency-Key wrote are, and the fingerprint of the request that wrote them. */
export interface KeyedWrite {
  request: string;
  fromVersion: number;
  eventIds: string[];
}

/**
 * A stream folded up to `version`, with an index of the writes made under idempotency keys.
 * Streams are append-only, so a state folded to version v stays the fold of the first v events
 * for ever: catching up means folding only what came after v.
 */
export interface LoadedStream<S> {
  version: number;
  state: S;
  /** Idempotency key (as in the metadata) -> its write. Entries past `version` belong to a later fold. */
  keyed: Map<string, KeyedWrite>;
  /** Event id -> version and actor, for events written without idempotency metadata (old retries). */
  unkeyed: Map<string, { version: number; actor: unknown }>;
}

/** Events folded between two turns of the event loop. */
const FOLD_SLICE = 250;

/** How many streams the cache keeps folded (least recently used go first). */
export const DEFAULT_CACHED_STREAMS = 1000;

/**
 * Folded stream states by stream id, least recently used dropped first. Shared by the commands of
 * one process; another process's appends are picked up because every load reads the stream's tail.
 */
export class StreamStateCache {
  private readonly streams = new Map<string, LoadedStream<unknown>>();

  constructor(private readonly maxStreams = DEFAULT_CACHED_STREAMS) {}

  get<S>(streamId: string): LoadedStream<S> | undefined {
    const loaded = this.streams.get(streamId);
    if (loaded) {
      this.streams.delete(streamId);
      this.streams.set(streamId, loaded);
    }
    return loaded as LoadedStream<S> | undefined;
  }

  set<S>(streamId: string, loaded: LoadedStream<S>): void {
    const current = this.streams.get(streamId);
    if (current && current.version > loaded.version) return; // a later fold got here first
    this.streams.delete(streamId);
    this.streams.set(streamId, loaded as LoadedStream<unknown>);
    while (this.streams.size > this.maxStreams) this.streams.delete(this.streams.keys().next().value!);
  }

  forget(streamId: string): void {
    this.streams.delete(streamId);
  }
}

/**
 * The stream's current state: the cached fold (if any) caught up with the events after it, so a
 * command on a long stream reads and folds only what is new. Without a cache, a full fold.
 * Equal to a full fold of the stream (tested in stream-state-cache.spec.ts).
 */
export async function loadStream<C, E extends DomainEventShape, S>(
  deps: { store: EventStore; states?: StreamStateCache },
  decider: Decider<C, E, S>,
  streamId: string,
): Promise<LoadedStream<S>> {
  const cached = deps.states?.get<S>(streamId);
  const tail = await deps.store.readStream(streamId, cached?.version ?? 0);
  if (cached && tail.length === 0) return cached;
  if (cached && tail[0]!.streamVersion !== cached.version + 1) {
    // Not the continuation of what was cached (a store restored under a running process): start over.
    deps.states?.forget(streamId);
    return loadStream({ store: deps.store }, decider, streamId);
  }
  const base = cached ?? { version: 0, state: decider.initialState(), keyed: new Map(), unkeyed: new Map() };
  let state = base.state;
  for (const [i, event] of tail.entries()) {
    state = decider.evolve(state, toDomainEvent<E>(event), event.eventId);
    indexWrite(base, event);
    // A long fold (a cold cache) lets other requests in between, rather than stalling them all.
    if (i % FOLD_SLICE === FOLD_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  const loaded: LoadedStream<S> = { ...base, version: tail.at(-1)?.streamVersion ?? base.version, state };
  deps.states?.set(streamId, loaded);
  return loaded;
}

/**
 * Caches the state after a successful append: the fold of `loaded` (at `loaded.version`) and the
 * events just written, which the store numbered from `loaded.version + 1`. So the same process's
 * next command on the stream reads no events back (a batch of demo commands, a caseworker's
 * next milestone). Without a cache, nothing.
 */
export function cacheAppended<C, E extends DomainEventShape, S>(
  deps: { states?: StreamStateCache },
  decider: Decider<C, E, S>,
  streamId: string,
  loaded: LoadedStream<S>,
  appended: EventToAppend[],
): void {
  if (!deps.states || appended.length === 0) return;
  // The indexes are shared with the earlier fold, as in loadStream: entries past its version belong to later folds.
  const next: LoadedStream<S> = { ...loaded };
  for (const event of appended) {
    next.version++;
    next.state = decider.evolve(next.state, toDomainEvent<E>(event), event.eventId);
    indexWrite(next, { ...event, streamVersion: next.version });
  }
  deps.states.set(streamId, next);
}

function indexWrite(loaded: LoadedStream<unknown>, event: Pick<RecordedEvent, 'eventId' | 'streamVersion' | 'metadata'>): void {
  const idempotency = idempotencyOf(event);
  if (!idempotency) {
    loaded.unkeyed.set(event.eventId, { version: event.streamVersion, actor: event.metadata.actor });
    return;
  }
  const write = loaded.keyed.get(idempotency.key);
  if (!write) {
    loaded.keyed.set(idempotency.key, { request: idempotency.request, fromVersion: event.streamVersion, eventIds: [event.eventId] });
  } else if (write.fromVersion + write.eventIds.length === event.streamVersion && write.request === idempotency.request) {
    write.eventIds.push(event.eventId); // the next event of the same append
  }
}
