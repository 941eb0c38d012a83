import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, correctEntryProfile, RequestContext } from '@pathway/application';
import { EntryCorrection, requireText } from '@pathway/domain';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { ParticipantKeys } from './participant-keys';

export class CorrectEntryProfileCommand {
  constructor(
    readonly participantId: string,
    readonly correction: { corrected: EntryCorrection; reason: string },
    readonly caller: RequestContext,
  ) {}
}

/** The reason is free text about the person: checked, then sealed with the participant's key before the decision. */
@CommandHandler(CorrectEntryProfileCommand)
export class CorrectEntryProfileHandler implements ICommandHandler<CorrectEntryProfileCommand, CommandResult> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    private readonly keys: ParticipantKeys,
  ) {}

  async execute({ participantId, correction, caller }: CorrectEntryProfileCommand): Promise<CommandResult> {
    requireText(correction.reason, 'CORRECTION.REASON_REQUIRED', 'A correction needs a reason');
    const reason = await this.keys.sealText(participantId, correction.reason);
    return correctEntryProfile(this.deps, participantId, { corrected: correction.corrected, reason }, caller);
  }
}
