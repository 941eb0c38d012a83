import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { changeProjectDetails, CommandDependencies, CommandResult, RequestContext } from '@pathway/application';
import { ProjectDetailsChange } from '@pathway/domain';
import { projectEnrolmentSpan, ReadModelDb } from '@pathway/read-models';
import { COMMAND_DEPENDENCIES, READ_MODELS, readModelsAt } from '@pathway/runtime';

export class ChangeProjectDetailsCommand {
  constructor(
    readonly change: ProjectDetailsChange,
    readonly caller: RequestContext,
  ) {}
}

/**
 * Looks up the project's enrolments for the decider's rules, then load, decide, append. The
 * read models are first brought up to the head of the log (or 503 `REPORT.READ_MODEL_BEHIND`
 * after a few seconds), so an enrolment appended just before is counted. An enrolment decided
 * at the very same moment, on the period as it was, is not seen: the two streams share no lock.
 */
@CommandHandler(ChangeProjectDetailsCommand)
export class ChangeProjectDetailsHandler implements ICommandHandler<ChangeProjectDetailsCommand, CommandResult> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
  ) {}

  async execute({ change, caller }: ChangeProjectDetailsCommand): Promise<CommandResult> {
    await readModelsAt(this.readModels, await this.deps.store.headPosition());
    const enrolments = await projectEnrolmentSpan(this.readModels.db, change.projectId);
    return changeProjectDetails(this.deps, change, enrolments, caller);
  }
}
