import { IsoDate } from './iso-date';

const DAY_MS = 86_400_000;

/*
 * Dates to and from days since 1970-01-01 by the proleptic Gregorian arithmetic of
 * `Date.parse` and `toISOString` (H. Hinnant's days_from_civil / civil_from_days), without
 * building a string and a Date per call: every decision and the demo's planning count days,
 * and the two library calls were a third of the planning time. Anything but a plain
 * `YYYY-MM-DD` of years 0000-9999 goes the library way, so odd input is answered as before
 * (`Date.parse` rolls a day up to 31 into the next month, as days_from_civil does).
 */
const digits = (text: string, from: number, to: number): number => {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
};

function utc(date: IsoDate): number {
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || !(month >= 1 && month <= 12 && day >= 1 && day <= 31)) {
    return Date.parse(`${date}T00:00:00Z`);
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) * DAY_MS;
}

/** Days of 0000-01-01 and 9999-12-31 since 1970-01-01: the years `toISOString` writes with four digits. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

function fromUtc(ms: number): IsoDate {
  const days = Math.floor(ms / DAY_MS);
  if (!(days >= FIRST_DAY && days <= LAST_DAY)) return new Date(ms).toISOString().slice(0, 10);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(utc(date) + days * DAY_MS);
}

/** Calendar months later; the 31st plus one month is the last day of the shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target.getTime());
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Age in full years on a date: a birthday counts from the day itself. */
export function fullYearsBetween(birth: IsoDate, on: IsoDate): number {
  // `MM-DD` strings compare as days of the year do, so no date is split into parts: every
  // outcome derivation asks for an age twice, and splitting was 3% of a rebuild's CPU.
  return Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
}
