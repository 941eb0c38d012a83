import { addDays, addMonths } from './calendar';
import { IsoDate } from './iso-date';

/** A calendar month, `YYYY-MM`: the unit of monthly reporting (SCB's participant file). */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (value: unknown): value is Month => typeof value === 'string' && MONTH.test(value);

/** `YYYY-MM` of a date. */
export const monthOf = (date: IsoDate): Month => date.slice(0, 7);

/** The last day of a month, e.g. `2024-02-29` for `2024-02`. */
export const lastDayOf = (month: Month): IsoDate => addDays(addMonths(`${month}-01`, 1), -1);

/** Every month from `first` to `last`, both included (empty when `last` is earlier). */
export function monthsBetween(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  for (let day = `${first}-01`; monthOf(day) <= last; day = addMonths(day, 1)) months.push(monthOf(day));
  return months;
}
