import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { ParticipantFileFormat } from '@pathway/exports';

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
