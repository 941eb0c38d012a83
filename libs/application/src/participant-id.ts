import { CommandDependencies, RequestContext } from './command-context';
import { nameBasedUuid } from './name-based-uuid';

/**
 * The id an enrolment gives its participant: the one asked for, else a new UUID, the same one
 * again for a repeated Idempotency-Key. Known before the enrolment is decided, so personal data
 * can be sealed with the participant's key first.
 */
export function participantIdFor(
  deps: Pick<CommandDependencies, 'newId'>,
  enrolment: { projectId: string; participantId?: string },
  request: Pick<RequestContext, 'idempotencyKey'>,
): string {
  if (enrolment.participantId) return enrolment.participantId;
  return request.idempotencyKey ? nameBasedUuid(`enrolment/${enrolment.projectId}/${request.idempotencyKey}`) : deps.newId();
}
