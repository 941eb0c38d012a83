import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, RequestContext, withdrawEnrolment } from '@pathway/application';
import { requireText, WithdrawalGround } from '@pathway/domain';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { ParticipantKeys } from './participant-keys';

export class WithdrawEnrolmentCommand {
  constructor(
    readonly participantId: string,
    readonly withdrawal: { ground: WithdrawalGround; duplicateOf: string | null; reason: string },
    readonly caller: RequestContext,
  ) {}
}

/** The reason is free text about the person: checked, then sealed with the participant's key (null once erased). */
@CommandHandler(WithdrawEnrolmentCommand)
export class WithdrawEnrolmentHandler implements ICommandHandler<WithdrawEnrolmentCommand, CommandResult> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    private readonly keys: ParticipantKeys,
  ) {}

  async execute({ participantId, withdrawal, caller }: WithdrawEnrolmentCommand): Promise<CommandResult> {
    requireText(withdrawal.reason, 'WITHDRAWAL.REASON_REQUIRED', 'A withdrawal needs a reason');
    const reason = await this.keys.sealText(participantId, withdrawal.reason);
    return withdrawEnrolment(this.deps, participantId, { ground: withdrawal.ground, duplicateOf: withdrawal.duplicateOf, reason }, caller);
  }
}
