import { CommandDependencies, CommandResult, erasePersonalData, RequestContext } from '@pathway/application';
import { DomainError, requireText, SealedData } from '@pathway/domain';
import { AUDIT_KEY_ID, KeyStore, sealText } from '@pathway/privacy';

/**
 * The one erasure path: `DELETE /participants/{id}/personal-data` and `pathway retention` both
 * come here. Decide and record first, then destroy the key. The order, and why:
 * 1. The rules are checked before anything is touched: a refused erasure (no reason, already
 *    erased, a reused Idempotency-Key) destroys nothing.
 * 2. `PersonalDataErased` is appended, with the reason sealed with the installation's audit key
 *    (it may name the person; only admins open it). From this moment every reader treats the
 *    person as erased, so nothing opens.
 * 3. The key is destroyed (idempotent). A crash or key-store failure between 2 and 3 leaves the
 *    log saying "erased" and a key nothing uses; any later erasure of the person (refused with
 *    `PARTICIPANT.PERSONAL_DATA_ERASED`, 409) destroys it then, so a retry finishes the work.
 * The reverse order could leave a destroyed key and a log that says nothing, for ever.
 *
 * Errors: DomainError `ERASURE.REASON_REQUIRED` (422), `PARTICIPANT.PERSONAL_DATA_ERASED` (409),
 * `PARTICIPANT.NOT_FOUND` (404) from the decider.
 */
export async function erasePersonalDataAndKey(
  deps: CommandDependencies,
  keys: KeyStore,
  participantId: string,
  reason: string,
  caller: RequestContext,
): Promise<CommandResult> {
  requireText(reason, 'ERASURE.REASON_REQUIRED', 'An erasure needs a reason');
  const sealedReason = sealText(reason, await keys.dataKeyFor(AUDIT_KEY_ID)) as SealedData;
  let result: CommandResult;
  try {
    result = await erasePersonalData(deps, participantId, sealedReason, caller);
  } catch (error) {
    // Erased in the log already: finish what a crash may have left undone.
    if (error instanceof DomainError && error.code === 'PARTICIPANT.PERSONAL_DATA_ERASED') await keys.destroy(participantId);
    throw error;
  }
  await keys.destroy(participantId);
  return result;
}
