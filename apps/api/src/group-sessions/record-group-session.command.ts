import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, GroupSession, GroupSessionRecord, recordGroupSession, RequestContext } from '@pathway/application';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';

export class RecordGroupSessionCommand {
  constructor(
    readonly session: GroupSession,
    readonly caller: RequestContext & { idempotencyKey: string },
    /** Method and path, which the rows' fingerprints are bound to. */
    readonly operation: string,
  ) {}
}

/** Attendance carries no free text, so nothing is sealed and no participant's key is touched. */
@CommandHandler(RecordGroupSessionCommand)
export class RecordGroupSessionHandler implements ICommandHandler<RecordGroupSessionCommand, GroupSessionRecord> {
  constructor(@Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies) {}

  execute({ session, caller, operation }: RecordGroupSessionCommand): Promise<GroupSessionRecord> {
    return recordGroupSession(this.deps, session, caller, operation);
  }
}
