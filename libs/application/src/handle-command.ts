import { Decider } from '@pathway/domain';
import { EventStore, WrongExpectedVersionError } from '@pathway/event-store';
import { CommandDependencies, CommandResult, RequestContext } from './command-context';
import { DomainEventShape, toDomainEvent, toEventToAppend } from './event-envelope';
import { IdempotentRequest } from './idempotency';
import { cacheAppended, LoadedStream, loadStream } from './stream-state-cache';

const ATTEMPTS_WITHOUT_IF_MATCH = 3;

/**
 * Load, decide, append. The append expects the version that was read, so a decision is never
 * made on stale state: with If-Match a concurrent change is the caller's conflict; without it
 * the command is simply decided again on the fresh stream.
 *
 * With an Idempotency-Key, the stream is first searched for the key's earlier write: the same
 * request gets the first answer again (no second event), another request 422
 * IDEMPOTENCY.KEY_REUSED (nothing written). `complete` runs only after the decision, before the
 * append: what must not happen for a refused command (making a participant's key) happens there.
 */
export async function handleCommand<C, E extends DomainEventShape, S>(
  deps: CommandDependencies,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  request: RequestContext,
  projectIdOf: (state: S) => string | null,
  complete: (events: E[]) => Promise<E[]> = async (events) => events,
): Promise<CommandResult> {
  const idempotent = IdempotentRequest.of(streamId, request, command);
  let conflict: WrongExpectedVersionError | null = null;

  for (let attempt = 1; ; attempt++) {
    const loaded = await loadStream(deps, decider, streamId);
    if (idempotent) {
      const earlier = await earlierResult(deps.store, streamId, loaded, idempotent);
      if (earlier) return earlier;
    }
    // A conflict under If-Match that was not our own earlier write after all.
    if (conflict) throw conflict;
    const { version, state } = loaded;
    if (request.expectedVersion !== undefined && request.expectedVersion !== version) {
      throw new WrongExpectedVersionError(streamId, request.expectedVersion, version);
    }
    const events = await complete(decider.decide(command, state));
    const metadata = {
      recordedAt: deps.now().toISOString(),
      actor: request.actor,
      actorRole: request.actorRole,
      correlationId: request.correlationId,
      causationId: request.correlationId,
      projectId: projectIdOf(state),
      ...idempotent?.metadata,
    };
    const eventIdAt = (index: number) => idempotent?.eventIdAt(index) ?? deps.newId();
    const toAppend = events.map((e, i) => toEventToAppend(e, eventIdAt(i), metadata));
    try {
      const { streamVersion } = await deps.store.append(streamId, toAppend, version === 0 ? 'no-stream' : version);
      cacheAppended(deps, decider, streamId, loaded, toAppend);
      return { eventIds: toAppend.map((e) => e.eventId), streamVersion, events, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (error.actual < version) deps.states?.forget(streamId); // the store is behind what was cached
      if (request.expectedVersion !== undefined) {
        if (!idempotent) throw error;
        conflict = error; // reread once: the write we raced may have been this very request
      } else if (attempt >= ATTEMPTS_WITHOUT_IF_MATCH) {
        throw error;
      }
    }
  }
}

/**
 * The answer first given under this key (its events, read back from the stream), or null if the
 * key is new on this stream; 422 IDEMPOTENCY.KEY_REUSED if it wrote a different request.
 */
async function earlierResult<S>(
  store: EventStore,
  streamId: string,
  loaded: LoadedStream<S>,
  idempotent: IdempotentRequest,
): Promise<CommandResult | null> {
  const keyed = loaded.keyed.get(idempotent.key);
  if (keyed) idempotent.checkSameRequest(keyed);
  const write = keyed ?? legacyWrite(loaded, idempotent);
  if (!write) return null;
  const batch = (await store.readStream(streamId, write.fromVersion - 1)).slice(0, write.eventIds.length);
  return {
    eventIds: batch.map((e) => e.eventId),
    streamVersion: batch.at(-1)!.streamVersion,
    events: batch.map((e) => toDomainEvent(e)),
    replayed: true,
  };
}

/** A write made before keys were bound to requests: found by its key-derived ids, answered as before. */
function legacyWrite<S>(loaded: LoadedStream<S>, idempotent: IdempotentRequest): { fromVersion: number; eventIds: string[] } | null {
  const first = loaded.unkeyed.get(idempotent.legacyEventIdAt(0));
  if (!first || first.actor !== idempotent.actor) return null;
  const eventIds = [idempotent.legacyEventIdAt(0)];
  while (loaded.unkeyed.get(idempotent.legacyEventIdAt(eventIds.length))?.version === first.version + eventIds.length) {
    eventIds.push(idempotent.legacyEventIdAt(eventIds.length));
  }
  return { fromVersion: first.version, eventIds };
}
