import { DomainError, GroupSessionKind, IsoDate } from '@pathway/domain';
import { DuplicateEventIdError, WrongExpectedVersionError } from '@pathway/event-store';
import { CommandDependencies, RequestContext } from './command-context';
import { requestFingerprint } from './idempotency';
import { nameBasedUuid } from './name-based-uuid';
import { recordMilestone } from './participant-commands';

/** The most participants one request may name (a large class is about 30; a fair day a few hundred). */
export const GROUP_SESSION_MAX_PARTICIPANTS = 500;

export interface GroupSession {
  projectId: string;
  occurredOn: IsoDate;
  kind: GroupSessionKind;
  /** Distinct participant ids, at most GROUP_SESSION_MAX_PARTICIPANTS (checked at the edge). */
  participantIds: readonly string[];
}

/** One participant's answer: written now, written by an earlier sending, or refused with the rule broken. */
export type AttendanceResult =
  | { participantId: string; result: 'recorded' | 'already-recorded'; eventId: string }
  | { participantId: string; result: 'refused'; error: DomainError | WrongExpectedVersionError | DuplicateEventIdError };

export interface GroupSessionRecord {
  /** The same for every sending under the session's Idempotency-Key (with the same date and kind). */
  sessionId: string;
  results: AttendanceResult[];
}

/**
 * Records one `GroupSessionAttended` per participant, one participant's stream at a time: each
 * append is its own (durable) write before the next begins, and a refusal refuses that row only,
 * never the others (there is no transaction across participants' streams, by design).
 *
 * Idempotency is per row: every row is written under the session's Idempotency-Key on its own
 * participant's stream (so the key's use is per session and participant, see `IdempotentRequest`)
 * and bound to its own fingerprint (operation, date, kind, participant id), not to the whole body.
 * So the same request sent again answers each written row `already-recorded` with no new event,
 * and a later sending of only the refused rows (after fixing what refused them) writes just those.
 * A row already written under this key with another date or kind is refused IDEMPOTENCY.KEY_REUSED.
 * Sendings racing each other write each row once too (the event ids are derived from the key);
 * the store may then take the loser's append as a retry of the winner's, so both say `recorded`
 * of the same event.
 *
 * `operation` names the endpoint (method and path) for the fingerprint. Errors other than a
 * broken rule or a lost race (the store failing) stop the request: rows written so far stay
 * written and answer `already-recorded` when the request is sent again.
 */
export async function recordGroupSession(
  deps: CommandDependencies,
  session: GroupSession,
  request: RequestContext & { idempotencyKey: string },
  operation: string,
): Promise<GroupSessionRecord> {
  const { projectId, occurredOn, kind } = session;
  // Date and kind are part of the id, so one session id always means one date and kind.
  const sessionId = nameBasedUuid(`group-session/${projectId}/${request.actor}/${request.idempotencyKey}/${occurredOn}/${kind}`);
  const results: AttendanceResult[] = [];
  for (const participantId of session.participantIds) {
    const row: RequestContext = {
      ...request,
      expectedVersion: undefined,
      requestFingerprint: requestFingerprint(request.idempotencyKey, request.actor, operation, { occurredOn, kind, participantId }),
    };
    try {
      const milestone = { type: 'group-session-attended', occurredOn, sessionId, kind } as const;
      const written = await recordMilestone(deps, participantId, milestone, row, projectId);
      results.push({ participantId, result: written.replayed ? 'already-recorded' : 'recorded', eventId: written.eventIds[0]! });
    } catch (error) {
      if (!(error instanceof DomainError || error instanceof WrongExpectedVersionError || error instanceof DuplicateEventIdError)) throw error;
      results.push({ participantId, result: 'refused', error });
    }
  }
  return { sessionId, results };
}
