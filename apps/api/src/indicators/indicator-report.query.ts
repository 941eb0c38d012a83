import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pathway/domain';
import { indicatorReport, IndicatorReportDocument, IndicatorReportQuery as ReportQuery, ReadModelDb } from '@pathway/read-models';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { READ_MODELS, reportCutOff } from '@pathway/runtime';

export class IndicatorReportQuery {
  constructor(
    readonly projectId: string,
    readonly query: ReportQuery,
  ) {}
}

@QueryHandler(IndicatorReportQuery)
export class IndicatorReportHandler implements IQueryHandler<IndicatorReportQuery, IndicatorReportDocument> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Counts what the store committed by the cut-off, once the read models hold it (else 503 REPORT.READ_MODEL_BEHIND). */
  async execute({ projectId, query }: IndicatorReportQuery): Promise<IndicatorReportDocument> {
    const report = await indicatorReport(this.readModels.db, projectId, await reportCutOff(this.store, this.readModels, query));
    if (!report) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    return report;
  }
}
