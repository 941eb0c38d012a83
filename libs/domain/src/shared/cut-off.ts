import { isIsoDate } from './iso-date';
import { endOfDayIn, TimeZone } from './time-zone';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant an "as known on" cut-off stands for, as ISO 8601 UTC (`2026-03-14T22:59:59.999Z`).
 * A date (`YYYY-MM-DD`) is the end of that day in the project's zone, summer time included: "as
 * known on 14 March" in Stockholm ends at 23:59:59.999 there, not at midnight UTC. An instant with
 * its offset (`2026-03-14T18:00:00+01:00`) is taken as it is.
 * @throws RangeError when the value is neither a real date nor such an instant.
 */
export function cutOffFor(asKnownOn: string, zone: TimeZone): string {
  if (isIsoDate(asKnownOn)) return endOfDayIn(asKnownOn, zone).toISOString();
  const value: string = asKnownOn;
  const instant = new Date(value);
  // JavaScript rolls 2024-02-30 over into March; a date that does not exist is refused instead.
  if (!INSTANT.test(value) || !isIsoDate(value.slice(0, 10)) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${value} is not a date (YYYY-MM-DD) or an ISO 8601 instant with a time zone`);
  }
  return instant.toISOString();
}
