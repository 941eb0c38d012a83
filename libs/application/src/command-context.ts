import { EventStore } from '@pathway/event-store';
import { DomainEventShape } from './event-envelope';
import { StreamStateCache } from './stream-state-cache';

/** What every command needs from outside the domain. */
export interface CommandDependencies {
  store: EventStore;
  now: () => Date;
  newId: () => string;
  /** Folded stream states kept between commands, so long streams are not refolded each time. */
  states?: StreamStateCache;
}

/** Who asks, and the HTTP request's concurrency and retry controls. */
export interface RequestContext {
  /** The subject of the caller's token: a pseudonymous user id, never a name. */
  actor: string;
  /** The role the caller acted in (caseworker, admin...). */
  actorRole: string;
  correlationId: string;
  /** The stream version the caller last saw (If-Match); a different current version is a conflict. */
  expectedVersion?: number;
  /**
   * The same key and request give the same answer and write once; the same key with another
   * request is refused (422 IDEMPOTENCY.KEY_REUSED). Keys are the caller's own.
   */
  idempotencyKey?: string;
  /** The request's fingerprint (see `requestFingerprint`): set by the HTTP edge with the key. */
  requestFingerprint?: string;
}

export interface CommandResult {
  eventIds: string[];
  streamVersion: number;
  /** The events written: by this request, or by its first sending when `replayed`. */
  events: DomainEventShape[];
  /** True when an earlier request under the same Idempotency-Key wrote them. */
  replayed: boolean;
}
