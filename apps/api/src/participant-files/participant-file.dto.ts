import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { IsoDate, Month } from '@pathway/domain';
import { ParticipantFileFormat } from '@pathway/exports';
import { ParticipantFileMonth } from '@pathway/runtime';

/** `GET .../participant-files/{month}`: which format. */
export class ParticipantFileQueryDto {
  /** `xlsx` (default, as SCB's template), `csv` (comma) or `csv-semicolon` (Swedish Excel). */
  @IsOptional()
  @IsIn(['xlsx', 'csv', 'csv-semicolon'])
  format: ParticipantFileFormat = 'xlsx';
}

/** `POST .../participant-files/{month}/sent`. */
export class ParticipantFileSentDto {
  /** The file's `X-As-Known-On` header: the instant its rows were counted to. */
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'asKnownOn must be an ISO 8601 instant, e.g. 2024-02-05T09:00:00Z' })
  asKnownOn!: string;

  /** The file's `Digest` header (`sha-256=<base64>`), to show later which file was sent. */
  @IsOptional()
  @Matches(/^sha-256=[A-Za-z0-9+/]{43}=$/, { message: 'fileDigest must be the file\'s Digest header, sha-256= and 44 base64 characters' })
  fileDigest?: string;
}

/** A participant's row of a month's file, pseudonymous (no identity number): for changes since a month was sent. */
export class ParticipantFileRowDto {
  participantId!: string;
  @ApiProperty({ format: 'date' })
  startDate!: string;
  /** The stay's end when it fell in or before the month, else null (reported in its own month). */
  @ApiProperty({ format: 'date', nullable: true, type: String })
  endDate!: string | null;
}

/** The latest recording of a month as sent. */
export class SentParticipantFileDto {
  /** The instant (ISO 8601, UTC) the file counted facts to. */
  @ApiProperty({ format: 'date-time' })
  asKnownOn!: string;
  /** The event store's cut-off for `asKnownOn`. */
  cutOffPosition!: number;
  /** `sha-256=<base64>` of the month's pseudonymous rows. */
  rowsDigest!: string;
  rows!: number;
  /** `sha-256=<base64>` of the file as downloaded and sent, when the sender gave it. */
  @ApiProperty({ nullable: true, type: String })
  fileDigest!: string | null;
}

export class ParticipantFileChangesDto {
  /** Rows to send that were not sent. */
  added!: ParticipantFileRowDto[];
  /** Rows sent that no longer hold. */
  removed!: ParticipantFileRowDto[];
}

/** `GET .../participant-files`: one ended month of the project's reporting to SCB. */
export class ParticipantFileMonthDto implements ParticipantFileMonth {
  /** `YYYY-MM`. */
  @ApiProperty({ pattern: '^\\d{4}-\\d{2}$', type: String })
  month!: Month;
  /** Four weeks after the month ends (SCB's timetable). */
  @ApiProperty({ format: 'date', type: String })
  dueBy!: IsoDate;
  /** `not-sent` (`overdue` once `dueBy` has passed), `sent` (still as known now), `resend`: changed since sent (`changes`), or an earlier sent month did (`after`). */
  @ApiProperty({ enum: ['not-sent', 'overdue', 'sent', 'resend'] })
  status!: 'not-sent' | 'overdue' | 'sent' | 'resend';
  @ApiProperty({ nullable: true, type: SentParticipantFileDto })
  lastSent!: SentParticipantFileDto | null;
  @ApiProperty({ nullable: true, type: ParticipantFileChangesDto })
  changes!: ParticipantFileChangesDto | null;
  /** For a month to send again because an earlier sent month changed: that month. */
  @ApiProperty({ nullable: true, pattern: '^\\d{4}-\\d{2}$', type: String })
  after!: Month | null;
}
