import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, RequestContext } from '@pathway/application';
import { notFound } from '@pathway/domain';
import { KeyStore } from '@pathway/privacy';
import { COMMAND_DEPENDENCIES, erasePersonalDataAndKey, KEY_STORE } from '@pathway/runtime';
import { ParticipantProjects } from '../auth/participant-projects';

export class ErasePersonalDataCommand {
  constructor(
    readonly participantId: string,
    readonly reason: string,
    readonly caller: RequestContext,
  ) {}
}

/** The erasure path shared with `pathway retention` (see erasePersonalDataAndKey for its order). */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    private readonly participants: ParticipantProjects,
  ) {}

  async execute({ participantId, reason, caller }: ErasePersonalDataCommand): Promise<CommandResult> {
    if (!(await this.participants.of(participantId))) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    return erasePersonalDataAndKey(this.deps, this.keys, participantId, reason, caller);
  }
}
