import { IsOptional, Matches } from 'class-validator';
import { isIsoDate, toIsoDate } from '@pathway/domain';
import { IndicatorReportQuery } from '@pathway/read-models';
import { RequestValidationError } from '../http/problem';
import { IsIsoDate } from '../http/validators';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class IndicatorReportDto {
  /** First day of the period (inclusive); without it, from the start of the project. */
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** Last day of the period (inclusive); without it, today. */
  @IsOptional()
  @IsIsoDate()
  to?: string;

  /** Count only what was recorded by then: a date (the end of that day, UTC) or an instant with its offset. */
  @IsOptional()
  @Matches(new RegExp(`^\\d{4}-\\d{2}-\\d{2}$|${INSTANT.source}`), {
    message: 'asKnownOn must be a date (YYYY-MM-DD) or an ISO 8601 instant with a time zone',
  })
  asKnownOn?: string;

  toQuery(today: Date): IndicatorReportQuery {
    const to = this.to ?? toIsoDate(today);
    if (this.from && this.from > to) {
      throw new RequestValidationError([{ field: 'from', reason: 'from must not be after to' }]);
    }
    return { from: this.from ?? null, to, asKnownOn: this.asKnownOn ? toInstant(this.asKnownOn) : null };
  }
}

function toInstant(value: string): string {
  const instant = value.length === 10 ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
  // JavaScript rolls 2024-02-30 over into March; a date that does not exist is refused instead.
  if (!isIsoDate(value.slice(0, 10)) || Number.isNaN(instant.getTime())) {
    throw new RequestValidationError([{ field: 'asKnownOn', reason: 'asKnownOn is not a real date or instant' }]);
  }
  return instant.toISOString();
}
