import { IsIn } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '@pathway/exports';
import { IndicatorReportDto } from '../indicators/indicator-report.dto';

export class ExportDto extends IndicatorReportDto {
  /** `csv-semicolon`: `;` separator and decimal comma, which Swedish and Danish Excel open in columns. */
  @IsIn([...EXPORT_FORMATS])
  format!: ExportFormat;
}
