import { malformed } from './url-values';

/**
 * The indicator report's choices as they live in the URL, so a link shows the same figures and
 * the browser's back button steps through earlier choices:
 * `?from=2025-01-01&to=2025-12-31&knownOnDate=2026-03-12&knownOnTime=10:00`.
 * Dates are calendar dates (YYYY-MM-DD); the "as known on" date and time are wall-clock time in
 * the project's time zone (HH:MM or HH:MM:SS), turned into an instant only when the API is asked.
 */
export interface ReportSearch {
  from: string;
  to: string;
  knownOnDate: string;
  knownOnTime: string;
}

/** The choices in a `location.search`, as written: what is not well formed is kept for `reportSearchProblems` to name. */
export function readReportSearch(search: string): ReportSearch {
  const params = new URLSearchParams(search);
  const value = (name: string) => params.get(name) ?? '';
  return { from: value('from'), to: value('to'), knownOnDate: value('knownOnDate'), knownOnTime: value('knownOnTime') };
}

/** The query string for the choices (empty ones left out), with its leading `?`, or '' for none. */
export function writeReportSearch(choices: ReportSearch): string {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'knownOnDate', 'knownOnTime'] as const) if (choices[name]) params.set(name, choices[name]);
  return params.size ? `?${params}` : '';
}

export type ReportProblem = 'toBeforeFrom' | 'timeWithoutDate' | 'badDate' | 'badTime';

/**
 * What is wrong with the choices, by field, before the API is asked: a date or time not well
 * formed (from a link or typed), the end before the start, a time without a date.
 */
export function reportSearchProblems(choices: ReportSearch): Partial<Record<keyof ReportSearch, ReportProblem>> {
  const bad = malformed(choices, ['from', 'to', 'knownOnDate'], ['knownOnTime']);
  return {
    ...(!bad.from && !bad.to && choices.from && choices.to && choices.to < choices.from ? { to: 'toBeforeFrom' as const } : {}),
    ...(choices.knownOnTime && !choices.knownOnDate ? { knownOnDate: 'timeWithoutDate' as const } : {}),
    ...bad,
  };
}

/**
 * The API's `asKnownOn` for the choices: a date alone (the API reads it as the end of that day in
 * the project's zone), a date and time in `zone` as a UTC instant, or undefined for "as known now".
 */
export function asKnownOnParam(choices: ReportSearch, zone: string): string | undefined {
  if (!choices.knownOnDate) return undefined;
  if (!choices.knownOnTime) return choices.knownOnDate;
  return wallClockToInstant(choices.knownOnDate, choices.knownOnTime, zone);
}

/**
 * The UTC instant (ISO 8601, `Z`) at which clocks in the IANA `zone` show `date` (YYYY-MM-DD) and
 * `time` (HH:MM or HH:MM:SS). A time skipped by the change to summer time is read with the offset
 * before the change (an hour later on the clock); of a repeated hour, the later instant.
 */
export function wallClockToInstant(date: string, time: string, zone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?];
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  const first = wall - offsetAt(wall, zone);
  return new Date(wall - offsetAt(first, zone)).toISOString();
}

/** How far (ms) the zone's clocks are ahead of UTC at the instant `utcMs`. */
export function offsetAt(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return shown - Math.floor(utcMs / 1000) * 1000;
}
