import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CommandDependencies, CommandResult, registerProject, RequestContext } from '@pathway/application';
import { ProjectDetails } from '@pathway/domain';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';

export class RegisterProjectCommand {
  constructor(
    readonly details: ProjectDetails,
    readonly caller: RequestContext,
  ) {}
}

@CommandHandler(RegisterProjectCommand)
export class RegisterProjectHandler implements ICommandHandler<RegisterProjectCommand, CommandResult> {
  constructor(@Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies) {}

  execute({ details, caller }: RegisterProjectCommand): Promise<CommandResult> {
    return registerProject(this.deps, details, caller);
  }
}
