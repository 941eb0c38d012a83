import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, RequestContext, retractMilestone } from '@pathway/application';
import { requireText } from '@pathway/domain';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { ParticipantKeys } from './participant-keys';

export class RetractMilestoneCommand {
  constructor(
    readonly participantId: string,
    readonly retraction: { eventId: string; reason: string },
    readonly caller: RequestContext,
  ) {}
}

/** The reason is free text about the person: checked, then sealed with the participant's key before the decision. */
@CommandHandler(RetractMilestoneCommand)
export class RetractMilestoneHandler implements ICommandHandler<RetractMilestoneCommand, CommandResult> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    private readonly keys: ParticipantKeys,
  ) {}

  async execute({ participantId, retraction, caller }: RetractMilestoneCommand): Promise<CommandResult> {
    requireText(retraction.reason, 'RETRACTION.REASON_REQUIRED', 'A retraction needs a reason');
    const reason = await this.keys.sealText(participantId, retraction.reason);
    return retractMilestone(this.deps, participantId, { eventId: retraction.eventId, reason }, caller);
  }
}
