import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ExportFile, ExportFormat } from '@pathway/exports';
import { IndicatorReportQuery } from '@pathway/read-models';
import { FunderExports } from './funder-exports';

export class IndicatorExportQuery {
  constructor(
    readonly projectId: string,
    readonly query: IndicatorReportQuery,
    readonly format: ExportFormat,
  ) {}
}

@QueryHandler(IndicatorExportQuery)
export class IndicatorExportHandler implements IQueryHandler<IndicatorExportQuery, ExportFile> {
  constructor(private readonly exports: FunderExports) {}

  execute({ projectId, query, format }: IndicatorExportQuery): Promise<ExportFile> {
    return this.exports.file(projectId, query, format);
  }
}
