import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, recordMilestone, RequestContext } from '@pathway/application';
import { Milestone } from '@pathway/domain';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';

export class RecordMilestoneCommand {
  constructor(
    readonly participantId: string,
    readonly milestone: Milestone,
    readonly caller: RequestContext,
  ) {}
}

@CommandHandler(RecordMilestoneCommand)
export class RecordMilestoneHandler implements ICommandHandler<RecordMilestoneCommand, CommandResult> {
  constructor(@Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies) {}

  execute({ participantId, milestone, caller }: RecordMilestoneCommand): Promise<CommandResult> {
    return recordMilestone(this.deps, participantId, milestone, caller);
  }
}
