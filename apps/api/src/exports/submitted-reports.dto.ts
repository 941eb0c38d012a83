import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

const PUBLISHED: ApiPropertyOptions = { oneOf: [{ type: 'number' }, { type: 'string', enum: ['suppressed'] }], nullable: true };

/** One count that differs between a submitted report and the same period as known now, both suppressed. */
export class ReportChangeDto {
  code!: string;
  breakdown!: string;
  @ApiProperty({ enum: ['value', 'numerator', 'denominator'] })
  part!: 'value' | 'numerator' | 'denominator';
  /** The submitted count, or `suppressed`; null when the row was not in the submitted report. */
  @ApiProperty(PUBLISHED)
  then!: number | 'suppressed' | null;
  /** The count known now, or `suppressed`. */
  @ApiProperty(PUBLISHED)
  now!: number | 'suppressed' | null;
}

export class ReportPeriodDto {
  @ApiProperty({ type: String, nullable: true })
  from!: string | null;
  to!: string;
}

export class SubmittedReportSummaryDto {
  reportId!: string;
  submittedAt!: string;
  /** The submitter's role, never who they are. */
  submittedByRole!: string;
  period!: ReportPeriodDto;
  /** The cut-off the report counts to (ISO instant). */
  @ApiProperty({ type: String, nullable: true })
  asKnownOn!: string | null;
  /** `sha-256=<base64>` of the submitted JSON file. */
  digest!: string;
  /** Whether a month end has passed since the report's cut-off; until then nothing is compared. */
  comparable!: boolean;
  /** Whether a published count, as known on `comparedAsKnownOn`, differs. */
  differsNow!: boolean;
  @ApiProperty({ type: [ReportChangeDto] })
  changes!: ReportChangeDto[];
}

export class FunderProjectDto {
  projectId!: string;
  name!: string;
  startDate!: string;
  endDate!: string;
  timeZone!: string;
}

export class FunderPeriodChoiceDto {
  @ApiProperty({ enum: ['quarter', 'year', 'project'] })
  kind!: 'quarter' | 'year' | 'project';
  @ApiProperty({ type: String, nullable: true })
  from!: string | null;
  to!: string;
  asKnownOn!: string;
}

/** A project's submitted reports, each compared with now, and the periods a funder may download. */
export class SubmittedReportsDto {
  project!: FunderProjectDto;
  suppressionThreshold!: number;
  @ApiProperty({ type: [FunderPeriodChoiceDto] })
  reportingPeriods!: FunderPeriodChoiceDto[];
  /** The latest month end that has passed in the project's zone (YYYY-MM-DD): what "now" stands for in the comparisons. */
  comparedAsKnownOn!: string;
  @ApiProperty({ type: [SubmittedReportSummaryDto] })
  reports!: SubmittedReportSummaryDto[];
}
