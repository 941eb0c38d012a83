/**
 * Commit times as whole microseconds since the Unix epoch. Stores stamp commits at this
 * precision so that commits within one millisecond still get distinct, increasing times;
 * a millisecond ISO string would tie them and compare wrongly as text ("…123Z" > "…123456Z").
 */

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 instant with a zone (`2026-03-14T23:00:00.123456Z`, `…+01:00`) as microseconds;
 * digits beyond the sixth are dropped. Throws a RangeError for anything else.
 */
export function instantToMicros(instant: string): number {
  const match = ISO_INSTANT.exec(instant);
  const whole = match ? Date.parse(`${match[1]}${match[3]}`) : Number.NaN;
  if (!match || Number.isNaN(whole)) throw new RangeError(`Not an ISO 8601 instant with a zone: ${instant}`);
  const fraction = Number((match[2] ?? '').padEnd(6, '0').slice(0, 6));
  return whole * 1000 + fraction;
}

/** Microseconds since the epoch as an ISO 8601 instant in UTC with six fractional digits. */
export function microsToInstant(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const rest = micros - millis * 1000;
  const day = Math.floor(millis / DAY_MS);
  if (day !== lastDay.day) {
    // Outside years 0000-9999 `toISOString` writes six-digit years: no day prefix to reuse then.
    const iso = new Date(millis).toISOString();
    if (iso.length !== 24) return `${iso.slice(0, -1)}${pad(rest, 3)}Z`;
    lastDay.day = day;
    lastDay.prefix = iso.slice(0, 11);
  }
  const ms = millis - day * DAY_MS;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${lastDay.prefix}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(ms % 1000, 3)}${pad(rest, 3)}Z`;
}

const DAY_MS = 86_400_000;
/**
 * The date part (`2026-03-14T`) of the last day converted. Every event read is stamped, and a
 * `Date` with `toISOString` per event was a fifth of the relay's reading; events read in log
 * order mostly share their day with the one before.
 */
const lastDay = { day: Number.NaN, prefix: '' };

const pad = (value: number, width: number) => String(value).padStart(width, '0');
