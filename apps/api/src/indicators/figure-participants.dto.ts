import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { GENDER_GROUPS } from '@pathway/indicators';
import { IndicatorReportDto } from './indicator-report.dto';

export const FIGURE_GROUPS = ['total', ...GENDER_GROUPS] as const;
export const FIGURE_MEASURES = ['count', 'dataMissing', 'numerator', 'denominator'] as const;

/**
 * The query of a drill-down: the report's own period and "as known on" (as `GET
 * /projects/{id}/indicators` takes them) and which figure of the indicator `code`: its gender
 * `group` (default `total`) and `measure` (default `count`; `dataMissing` has only `total`).
 */
export class FigureParticipantsDto extends IndicatorReportDto {
  /** `total` (default) or one gender group. */
  @IsOptional()
  @IsIn(FIGURE_GROUPS)
  @ApiProperty({ enum: FIGURE_GROUPS, required: false })
  group?: (typeof FIGURE_GROUPS)[number];

  /** Indicators: `count` (default) or `dataMissing`; rates: `numerator` or `denominator`. */
  @IsOptional()
  @IsIn(FIGURE_MEASURES)
  @ApiProperty({ enum: FIGURE_MEASURES, required: false })
  measure?: (typeof FIGURE_MEASURES)[number];
}

export class FigureParticipantsResultDto {
  projectId!: string;
  /** Catalogue code, e.g. `EECO01` or `COMPLETION_RATE`. */
  code!: string;
  @ApiProperty({ enum: FIGURE_GROUPS })
  group!: (typeof FIGURE_GROUPS)[number];
  @ApiProperty({ enum: FIGURE_MEASURES })
  measure!: (typeof FIGURE_MEASURES)[number];
  /** The report's period. */
  @ApiProperty({ type: String, nullable: true })
  from!: string | null;
  to!: string;
  /** The instant the figures are as known on (ISO 8601, UTC); null: as known now. */
  @ApiProperty({ type: String, nullable: true })
  asKnownOn!: string | null;
  /** The figure itself, as the report gives it: always the length of `participantIds`. */
  value!: number;
  /** The pseudonymous ids of the participants counted in the figure, sorted: never a name. */
  participantIds!: string[];
}
