import { DateTime, IANAZone } from 'luxon';
import { IsoDate } from './iso-date';

/**
 * An IANA time zone name such as `Europe/Stockholm` or `Pacific/Auckland`: the zone a project's
 * calendar is read in ("today", "in the future", the end of a day as a cut-off).
 *
 * Zone arithmetic is luxon's (and `Intl`'s directly for the date of an instant), over the
 * platform's `Intl` time-zone data: no offsets written by hand, so summer time and a changed
 * rule follow the tz database. The functions here are pure: the instant and the zone are passed in.
 */
export type TimeZone = string;

/** `Area/Location` as the tz database spells it (capitalised), or `UTC`. */
const IANA_NAME = /^(UTC|[A-Z][A-Za-z]*(\/[A-Z][A-Za-z0-9_+-]*)+)$/;

/** Names already checked; bounded, so a flood of invented names cannot grow it without end. */
const knownZones = new Map<string, boolean>();
const KNOWN_ZONES_LIMIT = 1000;

/**
 * True for a zone the tz database knows, spelled as it spells it (`Europe/Stockholm`, `UTC`).
 * Fixed offsets (`+01:00`), abbreviations (`CET`, `EST`) and wrong case are refused: an offset has
 * no summer time, and one spelling per zone keeps exports and digests stable.
 */
export function isIanaTimeZone(zone: unknown): zone is TimeZone {
  if (typeof zone !== 'string' || !IANA_NAME.test(zone)) return false;
  // luxon asks Intl afresh each time (about 1 ms); the answer for a name never changes while the process runs.
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (knownZones.size < KNOWN_ZONES_LIMIT) knownZones.set(zone, valid);
  }
  return valid;
}


/**
 * The calendar date an instant falls on in `zone`: 2026-03-14T23:30Z is 2026-03-15 in
 * `Europe/Stockholm` and still 2026-03-14 in UTC.
 * @throws RangeError for a zone that is not a valid IANA zone.
 */
export function calendarDateIn(instant: Date, zone: TimeZone): IsoDate {
  let parts = dateParts.get(zone);
  if (!parts) {
    parts = new Intl.DateTimeFormat('en-US', { timeZone: validZone(zone), year: 'numeric', month: '2-digit', day: '2-digit' });
    if (dateParts.size < KNOWN_ZONES_LIMIT) dateParts.set(zone, parts);
  }
  // `format` is half the cost of `formatToParts` (one string, no part objects): "MM/DD/YYYY" in
  // en-US. Anything else the platform might spell is read part by part, as before.
  const us = US_DATE.exec(parts.format(instant));
  if (us) return `${us[3]!.padStart(4, '0')}-${us[1]}-${us[2]}`;
  let year = '';
  let month = '';
  let day = '';
  for (const { type, value } of parts.formatToParts(instant)) {
    if (type === 'year') year = value.padStart(4, '0');
    else if (type === 'month') month = value;
    else if (type === 'day') day = value;
  }
  return `${year}-${month}-${day}`;
}

/** A date as en-US spells it with two-digit month and day: month, day, year. */
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{1,4})$/;

/**
 * A formatter of the calendar date per zone. "Today" is asked on every command, and luxon's
 * `setZone` (which builds its own `Intl` formatter and several objects per call) was a tenth of
 * the demo generator's time; the same `Intl` tz data answers here, formatter made once per zone.
 */
const dateParts = new Map<TimeZone, Intl.DateTimeFormat>();

/**
 * The last millisecond of `date` in `zone`, as an instant: a date-only "as known on 14 March" in
 * Stockholm ends at 2026-03-14T22:59:59.999Z (winter time, UTC+1) and "29 March", the day clocks
 * go forward, at 2026-03-29T21:59:59.999Z (summer time, UTC+2).
 * @throws RangeError for a date that does not exist or an invalid zone.
 */
export function endOfDayIn(date: IsoDate, zone: TimeZone): Date {
  return dayIn(date, zone).endOf('day').toJSDate();
}

/** The first instant of `date` in `zone` (midnight, or the first existing moment on a day whose midnight is skipped). */
export function startOfDayIn(date: IsoDate, zone: TimeZone): Date {
  return dayIn(date, zone).startOf('day').toJSDate();
}

function dayIn(date: IsoDate, zone: TimeZone): DateTime {
  const day = DateTime.fromISO(date, { zone: validZone(zone) });
  if (!day.isValid || day.toISODate() !== date) throw new RangeError(`${date} is not a calendar date`);
  return day;
}

function validZone(zone: TimeZone): TimeZone {
  if (!isIanaTimeZone(zone)) throw new RangeError(`${zone} is not an IANA time zone`);
  return zone;
}
