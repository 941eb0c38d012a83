/**
 * What an identity number in an import is: a valid Swedish personnummer or samordningsnummer,
 * one that is shaped like one but fails its date or check digit (a typing error to report), or
 * another country's number (accepted as text).
 */
export type IdentityNumberCheck = 'swedish-valid' | 'swedish-invalid' | 'other';

/** 10 or 12 digits with an optional `-` or `+` before the last four: Skatteverket's written forms (SKV 704). */
const SWEDISH_SHAPE = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

/**
 * The one place the import checks a Swedish personal identity or coordination number (the day
 * plus 60): a real calendar date (the century of a 10-digit form taken from `today`, `+` for
 * 100 or older) and the Luhn check digit over the last 10 digits (SKV 704). Kept behind this
 * single function so a maintained library (the npm package `personnummer`) can replace it.
 *
 * @param value as written in the file
 * @param today ISO date `YYYY-MM-DD` settling the century of a 10-digit form
 */
export function checkIdentityNumber(value: string, today: string): IdentityNumberCheck {
  const match = SWEDISH_SHAPE.exec(value.trim().replace(/\s+/g, ''));
  if (!match) return 'other';
  const [, century, yy, mm, dd, sign, tail] = match as unknown as [string, string | undefined, string, string, string, string, string];
  const currentYear = Number(today.slice(0, 4));
  let year: number;
  if (century !== undefined) year = Number(`${century}${yy}`);
  else {
    year = currentYear - ((((currentYear - Number(yy)) % 100) + 100) % 100);
    if (sign === '+') year -= 100;
  }
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  const date = new Date(Date.UTC(year, Number(mm) - 1, day));
  const realDate = date.getUTCFullYear() === year && date.getUTCMonth() === Number(mm) - 1 && date.getUTCDate() === day;
  const notBorn = `${year}-${mm}-${String(day).padStart(2, '0')}` > today;
  return realDate && !notBorn && luhn(`${yy}${mm}${dd}${tail}`) ? 'swedish-valid' : 'swedish-invalid';
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const doubled = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}
