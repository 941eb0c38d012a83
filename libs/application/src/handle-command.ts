import { Decider } from '@pathway/domain';
import { RecordedEvent, WrongExpectedVersionError } from '@pathway/event-store';
import { CommandDependencies, CommandResult, RequestContext } from './command-context';
import { DomainEventShape, toDomainEvent, toEventToAppend } from './event-envelope';
import { nameBasedUuid } from './name-based-uuid';

const ATTEMPTS_WITHOUT_IF_MATCH = 3;

/**
 * Load, decide, append. The append expects the version that was read, so a decision is never
 * made on stale state: with If-Match a concurrent change is the caller's conflict; without it
 * the command is simply decided again on the fresh stream.
 */
export async function handleCommand<C, E extends DomainEventShape, S>(
  deps: CommandDependencies,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  request: RequestContext,
  projectIdOf: (state: S) => string | null,
): Promise<CommandResult> {
  const eventIdAt = (index: number) =>
    request.idempotencyKey ? nameBasedUuid(`${streamId}/${request.idempotencyKey}/${index}`) : deps.newId();

  for (let attempt = 1; ; attempt++) {
    const recorded = await deps.store.readStream(streamId);
    if (request.idempotencyKey) {
      const earlier = earlierResult(recorded, eventIdAt);
      if (earlier) return earlier;
    }
    const version = recorded.at(-1)?.streamVersion ?? 0;
    if (request.expectedVersion !== undefined && request.expectedVersion !== version) {
      throw new WrongExpectedVersionError(streamId, request.expectedVersion, version);
    }
    const state = recorded.reduce((s, e) => decider.evolve(s, toDomainEvent<E>(e), e.eventId), decider.initialState());
    const events = decider.decide(command, state);
    const metadata = {
      recordedAt: deps.now().toISOString(),
      actor: request.actor,
      actorRole: request.actorRole,
      correlationId: request.correlationId,
      causationId: request.correlationId,
      projectId: projectIdOf(state),
    };
    const toAppend = events.map((e, i) => toEventToAppend(e, eventIdAt(i), metadata));
    try {
      const { streamVersion } = await deps.store.append(streamId, toAppend, version === 0 ? 'no-stream' : version);
      return { eventIds: toAppend.map((e) => e.eventId), streamVersion };
    } catch (error) {
      const retry =
        error instanceof WrongExpectedVersionError &&
        request.expectedVersion === undefined &&
        attempt < ATTEMPTS_WITHOUT_IF_MATCH;
      if (!retry) throw error;
    }
  }
}

/** The answer first given to this idempotency key: its events, found in the stream by their ids. */
function earlierResult(recorded: RecordedEvent[], eventIdAt: (index: number) => string): CommandResult | null {
  const start = recorded.findIndex((e) => e.eventId === eventIdAt(0));
  if (start < 0) return null;
  let end = start + 1;
  while (end < recorded.length && recorded[end]!.eventId === eventIdAt(end - start)) end++;
  const batch = recorded.slice(start, end);
  return { eventIds: batch.map((e) => e.eventId), streamVersion: batch.at(-1)!.streamVersion };
}
