import { IsIn } from 'class-validator';
import { ExportFormat } from '@pathway/exports';
import { IndicatorReportDto } from '../indicators/indicator-report.dto';

export class ExportDto extends IndicatorReportDto {
  @IsIn(['csv', 'xlsx', 'json'])
  format!: ExportFormat;
}
