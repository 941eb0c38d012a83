import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changeContactDetails, CommandDependencies, CommandResult, RequestContext } from '@pathway/application';
import { KeyDestroyedError, PersonalData, sealPersonalData } from '@pathway/privacy';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { ParticipantKeys } from './participant-keys';

export class ChangeContactDetailsCommand {
  constructor(
    readonly participantId: string,
    readonly change: PersonalData,
    readonly caller: RequestContext,
  ) {}
}

/**
 * Sealed like the enrolment's personal data; after erasure no key is given (409), and a key the
 * store has lost is never replaced by a new one (409 PARTICIPANT.KEY_MISSING, see ParticipantKeys).
 */
@CommandHandler(ChangeContactDetailsCommand)
export class ChangeContactDetailsHandler implements ICommandHandler<ChangeContactDetailsCommand> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    private readonly keys: ParticipantKeys,
  ) {}

  async execute({ participantId, change, caller }: ChangeContactDetailsCommand): Promise<CommandResult> {
    const key = await this.keys.forSealing(participantId);
    if (!key) throw new KeyDestroyedError();
    return changeContactDetails(this.deps, participantId, sealPersonalData(change, key), caller);
  }
}
