import { currentSchemaVersion, PATHWAY_EVENT_SCHEMAS, upcast } from '@pathway/domain';
import { EventToAppend, RecordedEvent } from '@pathway/event-store';
import { IdempotencyMetadata } from './idempotency';

/** Who recorded an event, when, and in answer to what. Stored beside every event's data. */
export interface EventMetadata {
  recordedAt: string;
  actor: string;
  actorRole: string;
  correlationId: string;
  causationId: string;
  projectId: string | null;
  schemaVersion: number;
  /** Present on events written under an Idempotency-Key (hashes only, never the key). */
  idempotency?: IdempotencyMetadata;
}

export interface DomainEventShape {
  type: string;
  data: object;
}

export function toEventToAppend(
  event: DomainEventShape,
  eventId: string,
  metadata: Omit<EventMetadata, 'schemaVersion'>,
): EventToAppend {
  return {
    eventId,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { ...metadata, schemaVersion: currentSchemaVersion(PATHWAY_EVENT_SCHEMAS, event.type) },
  };
}

/** The domain event a stored one stands for, lifted to the current schema. */
export function toDomainEvent<E extends DomainEventShape>(recorded: Pick<RecordedEvent, 'type' | 'data' | 'metadata'>): E {
  const schemaVersion = Number(recorded.metadata.schemaVersion ?? 1);
  return { type: recorded.type, data: upcast(PATHWAY_EVENT_SCHEMAS, recorded.type, schemaVersion, recorded.data) } as E;
}
