import { ExpectedVersion } from './event-store';

/** Someone else appended to the stream since the caller read it. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** Some, but not all, of a batch's event ids were appended before: not a retry of the same append. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} was already appended with a different batch`);
    this.name = 'DuplicateEventIdError';
  }
}
