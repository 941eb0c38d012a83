import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@pathway/config';
import { FunderPeriodKind, funderReportRefusal } from '@pathway/exports';
import { projectSummary, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from '@pathway/runtime';
import { RequestValidationError } from '../http/problem';
import { ExportDto } from './export.dto';

/**
 * Funders export fixed reporting periods as known on month ends only (`funderReportRefusal`,
 * libs/exports), so no two exports can be differenced to single out a person (issue 14.5).
 * A refusal is a 400 with code `REPORT.PERIOD_NOT_ALLOWED` or `REPORT.AS_KNOWN_ON_NOT_ALLOWED`,
 * the field, and the choices allowed. An unknown project passes here and is a 404 later.
 */
@Injectable()
export class FunderReportingRule {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async check(projectId: string, request: ExportDto): Promise<void> {
    const project = await projectSummary(this.readModels.db, projectId);
    if (!project) return;
    const allowed = this.config.get('FUNDER_REPORTING_PERIODS').split(',') as FunderPeriodKind[];
    const refusal = funderReportRefusal({ from: request.from, to: request.to, asKnownOn: request.asKnownOn }, project, allowed);
    if (refusal) {
      throw new RequestValidationError([{ field: refusal.field, reason: refusal.reason }], refusal.code, 'Funders export fixed reporting periods as known on month ends');
    }
  }
}
