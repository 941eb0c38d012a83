import { IndicatorReportQuery } from '@pathway/read-models';
import { RequestValidationError } from '../http/problem';

/**
 * A report as known on an instant still to come could change as events arrive, so it is refused
 * (400, code `REPORT.AS_KNOWN_ON_IN_FUTURE`, field `asKnownOn`): only a cut-off that has passed
 * gives figures that stay the same (issue 9.5). `now` is the server's clock at the request.
 */
export function asKnownOnNotInFuture(query: IndicatorReportQuery, now: Date): IndicatorReportQuery {
  if (query.asKnownOn !== null && Date.parse(query.asKnownOn) > now.getTime()) {
    throw new RequestValidationError(
      [{ field: 'asKnownOn', reason: `asKnownOn must not be after now (${now.toISOString()}): a report counts what is known by a moment that has passed` }],
      'REPORT.AS_KNOWN_ON_IN_FUTURE',
    );
  }
  return query;
}
