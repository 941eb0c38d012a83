import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@pathway/config';
import { notFound } from '@pathway/domain';
import { buildFunderExport, ExportFile, ExportFormat, exportFile, FunderExport } from '@pathway/exports';
import { IndicatorReportQuery, ReadModelDb } from '@pathway/read-models';
import { exportableReport, READ_MODELS } from '@pathway/runtime';

/** Funder exports of a project's indicator report, small counts suppressed as configured. */
@Injectable()
export class FunderExports {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async file(projectId: string, query: IndicatorReportQuery, format: ExportFormat): Promise<ExportFile> {
    const { report, project } = await this.load(projectId, query);
    return exportFile(report, project, format, this.options());
  }

  /** The figures of an export before they are written out: what a submission records. */
  async figures(projectId: string, query: IndicatorReportQuery): Promise<FunderExport> {
    const { report, project } = await this.load(projectId, query);
    return buildFunderExport(report, project, this.options());
  }

  private options() {
    return { suppressionThreshold: this.config.get('SUPPRESSION_THRESHOLD') };
  }

  private async load(projectId: string, query: IndicatorReportQuery) {
    const exportable = await exportableReport(this.readModels, projectId, query);
    if (!exportable) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    return exportable;
  }
}
