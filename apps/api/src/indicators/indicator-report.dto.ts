import { IsOptional, Matches } from 'class-validator';
import { calendarDateIn, cutOffFor, TimeZone } from '@pathway/domain';
import { IndicatorReportQuery } from '@pathway/read-models';
import { RequestValidationError } from '../http/problem';
import { IsIsoDate } from '../http/validators';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** What `asKnownOn` takes: a date or an instant with its offset. */
export const REPORT_INSTANT = new RegExp(`^\\d{4}-\\d{2}-\\d{2}$|${INSTANT.source}`);

export class IndicatorReportDto {
  /** First day of the period (inclusive); without it, from the start of the project. */
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** Last day of the period (inclusive); without it, today in the project's zone. */
  @IsOptional()
  @IsIsoDate()
  to?: string;

  /** Count only what was recorded by then: a date (the end of that day in the project's zone) or an instant with its offset. */
  @IsOptional()
  @Matches(REPORT_INSTANT, {
    message: 'asKnownOn must be a date (YYYY-MM-DD) or an ISO 8601 instant with a time zone',
  })
  asKnownOn?: string;

  /** The query for a project in `zone` at the instant `now`. */
  toQuery(now: Date, zone: TimeZone): IndicatorReportQuery {
    const to = this.to ?? calendarDateIn(now, zone);
    if (this.from && this.from > to) {
      throw new RequestValidationError([{ field: 'from', reason: 'from must not be after to' }]);
    }
    return { from: this.from ?? null, to, asKnownOn: this.asKnownOn ? toInstant(this.asKnownOn, zone) : null };
  }
}

function toInstant(value: string, zone: TimeZone): string {
  try {
    return cutOffFor(value, zone);
  } catch {
    throw new RequestValidationError([{ field: 'asKnownOn', reason: 'asKnownOn is not a real date or instant' }]);
  }
}
