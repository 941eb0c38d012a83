import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, RequestContext, retractMilestone } from '@pathway/application';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';

export class RetractMilestoneCommand {
  constructor(
    readonly participantId: string,
    readonly retraction: { eventId: string; reason: string },
    readonly caller: RequestContext,
  ) {}
}

@CommandHandler(RetractMilestoneCommand)
export class RetractMilestoneHandler implements ICommandHandler<RetractMilestoneCommand, CommandResult> {
  constructor(@Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies) {}

  execute({ participantId, retraction, caller }: RetractMilestoneCommand): Promise<CommandResult> {
    return retractMilestone(this.deps, participantId, retraction, caller);
  }
}
