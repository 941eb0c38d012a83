import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, enrolParticipant, Enrolment, participantIdFor, RequestContext } from '@pathway/application';
import { KeyStore, PersonalData, sealPersonalData } from '@pathway/privacy';
import { COMMAND_DEPENDENCIES, KEY_STORE } from '@pathway/runtime';

export class EnrolParticipantCommand {
  constructor(
    readonly enrolment: Omit<Enrolment, 'personal'>,
    readonly personal: PersonalData | undefined,
    readonly caller: RequestContext,
  ) {}
}

/** Personal data is sealed with the participant's own key before anything is decided or written. */
@CommandHandler(EnrolParticipantCommand)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipantCommand> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  async execute({ enrolment, personal, caller }: EnrolParticipantCommand): Promise<CommandResult & { participantId: string }> {
    const participantId = participantIdFor(this.deps, enrolment, caller);
    const sealed = personal && sealPersonalData(personal, await this.keys.dataKeyFor(participantId));
    return enrolParticipant(this.deps, { ...enrolment, participantId, personal: sealed }, caller);
  }
}
