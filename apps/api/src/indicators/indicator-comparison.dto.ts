import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { cutOffFor, TimeZone } from '@pathway/domain';
import { GENDER_GROUPS } from '@pathway/indicators';
import { IndicatorReportDto, REPORT_INSTANT } from './indicator-report.dto';
import { RequestValidationError } from '../http/problem';
import { IsIsoDate } from '../http/validators';

const AS_KNOWN_ON = {
  message: '$property must be a date (YYYY-MM-DD) or an ISO 8601 instant with a time zone',
};

/**
 * The query of a comparison of two days: the report's period (`from`, `to`, as for the report)
 * as known on `asKnownOnA` and as known on `asKnownOnB` (A not after B).
 */
export class IndicatorComparisonDto {
  /** First day of the period (inclusive); without it, from the start of the project. */
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** Last day of the period (inclusive); without it, today in the project's zone. */
  @IsOptional()
  @IsIsoDate()
  to?: string;

  /** The earlier day: a date (the end of that day in the project's zone) or an instant with its offset. */
  @Matches(REPORT_INSTANT, AS_KNOWN_ON)
  asKnownOnA!: string;

  /** The later day, as `asKnownOnA`; without it, now. */
  @IsOptional()
  @Matches(REPORT_INSTANT, AS_KNOWN_ON)
  asKnownOnB?: string;

  /** The period as the report takes it, and both instants (ISO, UTC); B is `now` when not given. */
  toQuery(now: Date, zone: TimeZone) {
    const report = Object.assign(new IndicatorReportDto(), { from: this.from, to: this.to }).toQuery(now, zone);
    return {
      period: { from: report.from, to: report.to },
      a: instant(this.asKnownOnA, zone, 'asKnownOnA'),
      b: this.asKnownOnB === undefined ? now.toISOString() : instant(this.asKnownOnB, zone, 'asKnownOnB'),
    };
  }
}

function instant(value: string, zone: TimeZone, field: string): string {
  try {
    return cutOffFor(value, zone);
  } catch {
    throw new RequestValidationError([{ field, reason: `${field} is not a real date or instant` }]);
  }
}

/** One event recorded between the two instants: what happened and who recorded it, never what it says about the person. */
export class ExplainingEventDto {
  eventId!: string;
  /** The event type, e.g. `JobPlaced`, `ParticipantExited`, `MilestoneRetracted`, `EntryProfileCorrected`, `EnrolmentWithdrawn`, `ParticipantEnrolled`. */
  type!: string;
  /** The day it happened (YYYY-MM-DD): an enrolment's date, a correction's or withdrawal's day; null for a retraction. */
  @ApiProperty({ type: String, nullable: true })
  occurredOn!: string | null;
  /** When it was recorded (ISO 8601 instant, UTC). */
  recordedAt!: string;
  /** The subject (user id) of whoever recorded it, as the event's metadata holds it: not a name. */
  recordedBy!: string;
  /** Its position in the event log: after A's cut-off, at or before B's. */
  position!: number;
  /** For a retraction: the event it retracts; else null. */
  @ApiProperty({ type: String, nullable: true })
  retractedEventId!: string | null;
}

export class ParticipantExplanationDto {
  /** The pseudonymous participant id (never a name). */
  participantId!: string;
  /** Their events (those that can change a figure) recorded between the two instants, in log order. */
  @ApiProperty({ type: [ExplainingEventDto] })
  events!: ExplainingEventDto[];
}

export class ComparedFigureDto {
  /** Catalogue code, e.g. `EECO01` or `COMPLETION_RATE`. */
  code!: string;
  /** The catalogue's English name; clients translate by `code`. */
  name!: string;
  @ApiProperty({ enum: ['indicator', 'rate'] })
  kind!: 'indicator' | 'rate';
  @ApiProperty({ enum: ['total', ...GENDER_GROUPS] })
  group!: 'total' | (typeof GENDER_GROUPS)[number];
  /** Indicators: `count` (per group) and `dataMissing` (total only); rates: `numerator` and `denominator` (per group). */
  @ApiProperty({ enum: ['count', 'dataMissing', 'numerator', 'denominator'] })
  measure!: 'count' | 'dataMissing' | 'numerator' | 'denominator';
  /** The figure as known on A. */
  a!: number;
  /** The figure as known on B. */
  b!: number;
  changed!: boolean;
  /** `planned-participants`: the project's plan differs (TARGET_ACHIEVEMENT's denominator), explained by no participant. */
  @ApiProperty({ type: String, enum: ['planned-participants'], nullable: true })
  projectChange!: 'planned-participants' | null;
  /**
   * Exactly the participants whose contribution to this figure changed, with their events recorded
   * between A and B; empty when unchanged. Recomputing B without these events gives `a`.
   */
  @ApiProperty({ type: [ParticipantExplanationDto] })
  explanation!: ParticipantExplanationDto[];
}

export class ComparisonSideDto {
  /** The instant the report is known on (ISO 8601, UTC). */
  asKnownOn!: string;
  /** The log position the event store cut its log off at for that instant: events at or before it count. */
  cutOffPosition!: number;
}

export class ComparisonPeriodDto {
  @ApiProperty({ type: String, nullable: true })
  from!: string | null;
  to!: string;
}

export class SubmittedReportRefDto {
  /** The submitted report's id (the event id `POST /projects/{projectId}/reports` answered). */
  reportId!: string;
  /** The digest recorded at submission (`sha-256=<base64>`). */
  digest!: string;
  /** When it was submitted (ISO 8601, UTC) and by whom (subject). */
  submittedAt!: string;
  submittedBy!: string;
  /**
   * Whether the funder export as known on the report's instant, computed again now, has the digest
   * recorded: true proves side A is the very report submitted (false if the suppression threshold changed since).
   */
  digestReproduced!: boolean;
}

export class IndicatorComparisonResultDto {
  projectId!: string;
  @ApiProperty({ type: ComparisonPeriodDto })
  period!: ComparisonPeriodDto;
  catalogueVersion!: string;
  @ApiProperty({ type: ComparisonSideDto })
  a!: ComparisonSideDto;
  @ApiProperty({ type: ComparisonSideDto })
  b!: ComparisonSideDto;
  /** Every figure of the report, in report order (indicators then rates; total then women, men, non-binary, not disclosed). */
  @ApiProperty({ type: [ComparedFigureDto] })
  figures!: ComparedFigureDto[];
}

export class SubmittedReportComparisonResultDto extends IndicatorComparisonResultDto {
  @ApiProperty({ type: SubmittedReportRefDto })
  submittedReport!: SubmittedReportRefDto;
}
