/**
 * Whether a date or time taken from a URL is one the screens may ask the API about. A shared link
 * can hold anything; what is not well formed is shown as an error at its field (as a typed bad
 * date is), never dropped, since dropping it would show figures for a question nobody asked.
 */

/** A calendar date `YYYY-MM-DD` that exists (not 2025-02-30; four-digit years only, as the API's). */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** A wall-clock time `HH:MM` or `HH:MM:SS` (00:00 to 23:59:59). */
export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(value);
}

/** The fields among `dates` and `times` whose value is there but not well formed: `badDate` or `badTime` by field. */
export function malformed<S>(choices: S, dates: ReadonlyArray<keyof S & string>, times: ReadonlyArray<keyof S & string>): Partial<Record<string, 'badDate' | 'badTime'>> {
  const found: Partial<Record<string, 'badDate' | 'badTime'>> = {};
  for (const name of dates) if (choices[name] && !isDate(String(choices[name]))) found[name] = 'badDate';
  for (const name of times) if (choices[name] && !isTime(String(choices[name]))) found[name] = 'badTime';
  return found;
}
