import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, enrolParticipant, Enrolment, RequestContext } from '@pathway/application';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';

export class EnrolParticipantCommand {
  constructor(
    readonly enrolment: Enrolment,
    readonly caller: RequestContext,
  ) {}
}

@CommandHandler(EnrolParticipantCommand)
export class EnrolParticipantHandler implements ICommandHandler<EnrolParticipantCommand> {
  constructor(@Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies) {}

  execute({ enrolment, caller }: EnrolParticipantCommand): Promise<CommandResult & { participantId: string }> {
    return enrolParticipant(this.deps, enrolment, caller);
  }
}
