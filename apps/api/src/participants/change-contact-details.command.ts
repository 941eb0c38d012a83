import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changeContactDetails, CommandDependencies, CommandResult, RequestContext } from '@pathway/application';
import { KeyStore, PersonalData, sealPersonalData } from '@pathway/privacy';
import { COMMAND_DEPENDENCIES, KEY_STORE } from '@pathway/runtime';

export class ChangeContactDetailsCommand {
  constructor(
    readonly participantId: string,
    readonly change: PersonalData,
    readonly caller: RequestContext,
  ) {}
}

/** Sealed like the enrolment's personal data; after erasure the key store refuses a new key (409). */
@CommandHandler(ChangeContactDetailsCommand)
export class ChangeContactDetailsHandler implements ICommandHandler<ChangeContactDetailsCommand> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  async execute({ participantId, change, caller }: ChangeContactDetailsCommand): Promise<CommandResult> {
    const sealed = sealPersonalData(change, await this.keys.keyFor(participantId));
    return changeContactDetails(this.deps, participantId, sealed, caller);
  }
}
