import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, RequestContext, submitIndicatorReport } from '@pathway/application';
import { toJson } from '@pathway/exports';
import { IndicatorReportQuery } from '@pathway/read-models';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { FunderExports } from './funder-exports';

export class SubmitReportCommand {
  constructor(
    readonly projectId: string,
    readonly query: IndicatorReportQuery,
    readonly caller: RequestContext,
  ) {}
}

/** Records the suppressed JSON export as submitted; the relay then publishes it to Kafka. */
@CommandHandler(SubmitReportCommand)
export class SubmitReportHandler implements ICommandHandler<SubmitReportCommand, CommandResult & { digest: string }> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    private readonly exports: FunderExports,
  ) {}

  async execute({ projectId, query, caller }: SubmitReportCommand): Promise<CommandResult & { digest: string }> {
    const figures = await this.exports.figures(projectId, query);
    const { digest } = toJson(figures);
    const content = JSON.parse(JSON.stringify(figures)) as { meta: Record<string, unknown>; rows: Array<Record<string, unknown>> };
    const result = await submitIndicatorReport(this.deps, { projectId, digest, content }, caller);
    return { ...result, digest };
  }
}
