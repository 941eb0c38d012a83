import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, erasePersonalData, RequestContext } from '@pathway/application';
import { DomainError, notFound, requireText } from '@pathway/domain';
import { KeyStore } from '@pathway/privacy';
import { COMMAND_DEPENDENCIES, KEY_STORE } from '@pathway/runtime';
import { ParticipantKeys } from './participant-keys';
import { ParticipantProjects } from '../auth/participant-projects';

export class ErasePersonalDataCommand {
  constructor(
    readonly participantId: string,
    readonly reason: string,
    readonly caller: RequestContext,
  ) {}
}

/**
 * Decide and record first, then destroy the key. The order, and why:
 * 1. The Idempotency-Key and the rules are checked before anything is touched: a refused erasure
 *    (a reused key, no reason, already erased) destroys nothing.
 * 2. `PersonalDataErased` is appended. From this moment every reader treats the person as erased
 *    (PersonalDataReader looks for the event before it asks for the key), so nothing opens.
 * 3. The key is destroyed (idempotent). A crash or key-store failure between 2 and 3 leaves the
 *    log saying "erased" and a key that nothing uses; the caller's retry (same key: the first
 *    answer again) or any later erasure of the person (409 already erased) destroys it then.
 * The reverse order could leave a destroyed key and a log that says nothing, for ever.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly participants: ParticipantProjects,
    private readonly sealing: ParticipantKeys,
  ) {}

  async execute({ participantId, reason, caller }: ErasePersonalDataCommand): Promise<CommandResult> {
    if (!(await this.participants.of(participantId))) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    // The reason may name the person: sealed for admins (the audit key), never in clear in the log.
    requireText(reason, 'ERASURE.REASON_REQUIRED', 'An erasure needs a reason');
    const sealedReason = await this.sealing.sealForAdmins(reason);
    let result: CommandResult;
    try {
      result = await erasePersonalData(this.deps, participantId, sealedReason, caller);
    } catch (error) {
      // Erased in the log already: finish what a crash may have left undone.
      if (error instanceof DomainError && error.code === 'PARTICIPANT.PERSONAL_DATA_ERASED') await this.keys.destroy(participantId);
      throw error;
    }
    await this.keys.destroy(participantId);
    return result;
  }
}
