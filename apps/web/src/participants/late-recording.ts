import { DateTime } from 'luxon';

/**
 * A milestone recorded more than this many days after the date it happened is marked "late".
 * Why 28: the ESF+ situation upon leaving is the one within four weeks after exit, and Statistics
 * Sweden's monthly participant file is due four weeks after each month; a record later than four
 * weeks may have missed a report already made from what was known, so the caseworker should see it.
 * (The backend has no lateness rule: reports handle late records by "as known on", not by a flag.)
 */
export const LATE_AFTER_DAYS = 28;

/** Whole days from `occurredOn` (YYYY-MM-DD) to the UTC date of `recordedAt` (an ISO instant) when late, else null. */
export function daysLate(occurredOn: string, recordedAt: string): number | null {
  const happened = DateTime.fromISO(occurredOn, { zone: 'utc' });
  const recorded = DateTime.fromISO(recordedAt, { zone: 'utc' }).startOf('day');
  const days = Math.floor(recorded.diff(happened, 'days').days);
  return days > LATE_AFTER_DAYS ? days : null;
}
