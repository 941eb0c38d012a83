import { EventStore } from '@pathway/event-store';

/** What every command needs from outside the domain. */
export interface CommandDependencies {
  store: EventStore;
  now: () => Date;
  newId: () => string;
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
  /** The same key on the same stream gives the same answer and writes once. */
  idempotencyKey?: string;
}

export interface CommandResult {
  eventIds: string[];
  streamVersion: number;
}
