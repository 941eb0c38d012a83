import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pathway/domain';
import { indicatorReport, IndicatorReportDocument, IndicatorReportQuery as ReportQuery, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';

export class IndicatorReportQuery {
  constructor(
    readonly projectId: string,
    readonly query: ReportQuery,
  ) {}
}

@QueryHandler(IndicatorReportQuery)
export class IndicatorReportHandler implements IQueryHandler<IndicatorReportQuery, IndicatorReportDocument> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDb) {}

  async execute({ projectId, query }: IndicatorReportQuery): Promise<IndicatorReportDocument> {
    const report = await indicatorReport(this.readModels.db, projectId, query);
    if (!report) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    return report;
  }
}
