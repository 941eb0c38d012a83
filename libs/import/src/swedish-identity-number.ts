import Personnummer from 'personnummer';

/**
 * What an identity number in an import is: a valid Swedish personnummer or samordningsnummer,
 * one that is shaped like one but fails its date or check digit (a typing error to report), or
 * another country's number (accepted as text).
 */
export type IdentityNumberCheck = 'swedish-valid' | 'swedish-invalid' | 'other';

/** 10 or 12 digits with an optional `-` or `+` before the last four: Skatteverket's written forms (SKV 704). */
const SWEDISH_SHAPE = /^(\d{2})?\d{6}[-+]?\d{4}$/;

/**
 * The one place the import checks a Swedish personal identity or coordination number (the day
 * plus 60). The date and Luhn check digit (SKV 704) are checked by the maintained `personnummer`
 * package; on top of it, a birth date after `today` is refused (a typing error in the year).
 *
 * @param value as written in the file
 * @param today ISO date `YYYY-MM-DD`; a number whose birth date is later is `swedish-invalid`
 */
export function checkIdentityNumber(value: string, today: string): IdentityNumberCheck {
  const compact = value.trim().replace(/\s+/g, '');
  if (!SWEDISH_SHAPE.test(compact)) return 'other';
  const options = { allowCoordinationNumber: true, allowInterimNumber: false };
  if (!Personnummer.valid(compact, options)) return 'swedish-invalid';
  const parsed = Personnummer.parse(compact, options);
  const day = Number(parsed.day) > 60 ? Number(parsed.day) - 60 : Number(parsed.day);
  const birthDate = `${parsed.fullYear}-${parsed.month}-${String(day).padStart(2, '0')}`;
  return birthDate > today ? 'swedish-invalid' : 'swedish-valid';
}
