import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { AuditFilter } from '@pathway/audit';
import { IsId } from '../http/validators';

export class AuditQueryDto {
  @IsOptional()
  @IsId()
  participantId?: string;

  /** A token subject. */
  @IsOptional()
  @IsString()
  @Length(1, 256)
  subject?: string;

  /** From this instant (inclusive). */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'from must be an ISO 8601 instant, e.g. 2026-11-01T00:00:00Z' })
  from?: string;

  /** Until this instant (exclusive). */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'to must be an ISO 8601 instant, e.g. 2026-12-01T00:00:00Z' })
  to?: string;

  /** The `next` of the page before. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  toFilter(): AuditFilter {
    return { participantId: this.participantId, subject: this.subject, from: this.from, to: this.to, after: this.after, limit: this.limit };
  }
}
