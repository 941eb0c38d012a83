import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, erasePersonalData, RequestContext } from '@pathway/application';
import { notFound, requireText } from '@pathway/domain';
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
 * The key goes first, then the event says so. Should the append fail, the person is already
 * unreadable and a retry records the erasure; the other order could leave an "erased"
 * participant whose data still opens.
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
    await this.keys.destroy(participantId);
    return erasePersonalData(this.deps, participantId, sealedReason, caller);
  }
}
