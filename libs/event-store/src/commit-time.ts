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
  return new Date(millis).toISOString().replace('Z', `${String(rest).padStart(3, '0')}Z`);
}
