import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandDependencies, CommandResult, RequestContext, submitIndicatorReport } from '@pathway/application';
import { SubmittedReport } from '@pathway/domain';
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

/** What a submission answers: the report recorded, its digest and the cut-off it counts to. */
export type SubmittedReportResult = CommandResult & { digest: string; asKnownOn: string | null };

/**
 * Records the suppressed JSON export as submitted; the relay then publishes it to Kafka. A
 * retry under the same Idempotency-Key answers with the digest and cut-off that were recorded,
 * never with figures computed again now (they may differ, and were never submitted).
 */
@CommandHandler(SubmitReportCommand)
export class SubmitReportHandler implements ICommandHandler<SubmitReportCommand, SubmittedReportResult> {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    private readonly exports: FunderExports,
  ) {}

  async execute({ projectId, query, caller }: SubmitReportCommand): Promise<SubmittedReportResult> {
    const figures = await this.exports.figures(projectId, query);
    const { digest } = toJson(figures);
    const content = JSON.parse(JSON.stringify(figures)) as { meta: Record<string, unknown>; rows: Array<Record<string, unknown>> };
    const result = await submitIndicatorReport(this.deps, { projectId, digest, content }, caller);
    const recorded = result.events[0]!.data as SubmittedReport;
    return { ...result, digest: recorded.digest, asKnownOn: (recorded.content.meta.asKnownOn as string | null | undefined) ?? null };
  }
}
