import { CommandDependencies, RequestContext } from './command-context';
import { nameBasedUuid } from './name-based-uuid';

/**
 * The id an enrolment gives its participant: the one asked for, else a new UUID, the same one
 * again for the caller's repeated Idempotency-Key. Named by the caller and key only (not the
 * project): the same key reused for another enrolment, in any project, meets its first write on
 * this stream and is refused (422 IDEMPOTENCY.KEY_REUSED); another caller's key is another key.
 */
export function participantIdFor(
  deps: Pick<CommandDependencies, 'newId'>,
  enrolment: { projectId: string; participantId?: string },
  request: Pick<RequestContext, 'idempotencyKey' | 'actor'>,
): string {
  if (enrolment.participantId) return enrolment.participantId;
  return request.idempotencyKey ? nameBasedUuid(`enrolment/${request.actor}/${request.idempotencyKey}`) : deps.newId();
}
