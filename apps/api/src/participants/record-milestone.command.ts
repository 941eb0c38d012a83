import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, recordMilestone, RequestContext } from '@pathway/application';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { freeTextOf, MilestoneDraft, sealedMilestone } from './milestone-draft';
import { ParticipantKeys } from './participant-keys';

export class RecordMilestoneCommand {
  constructor(
    readonly participantId: string,
    readonly milestone: MilestoneDraft,
    readonly caller: RequestContext,
  ) {}
}

/** A milestone's free text (a qualification) is sealed with the participant's key before the decision. */
@CommandHandler(RecordMilestoneCommand)
export class RecordMilestoneHandler implements ICommandHandler<RecordMilestoneCommand, CommandResult> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    private readonly keys: ParticipantKeys,
  ) {}

  async execute({ participantId, milestone, caller }: RecordMilestoneCommand): Promise<CommandResult> {
    // No key is looked up (or made) for a milestone without free text.
    const text = freeTextOf(milestone);
    const sealed = text === null ? null : await this.keys.sealText(participantId, text);
    return recordMilestone(this.deps, participantId, sealedMilestone(milestone, sealed), caller);
  }
}
