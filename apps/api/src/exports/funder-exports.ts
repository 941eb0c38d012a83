import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@pathway/config';
import { notFound } from '@pathway/domain';
import { buildFunderExport, ExportFile, ExportFormat, exportFile, FunderExport } from '@pathway/exports';
import { IndicatorReportQuery, ReadModelDb } from '@pathway/read-models';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { exportableReport, READ_MODELS, reportCutOff } from '@pathway/runtime';

/** Funder exports of a project's indicator report, small counts suppressed as configured. */
@Injectable()
export class FunderExports {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
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

  /** Counts what the store committed by the cut-off, once the read models hold it (else 503 REPORT.READ_MODEL_BEHIND). */
  private async load(projectId: string, query: IndicatorReportQuery) {
    const exportable = await exportableReport(this.readModels, projectId, await reportCutOff(this.store, this.readModels, query));
    if (!exportable) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    return exportable;
  }
}
