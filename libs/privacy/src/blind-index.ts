import { createHmac } from 'node:crypto';

/**
 * The key-store entry of the installation's blind-index key: the HMAC key under which identity
 * numbers are indexed. Like `AUDIT_KEY_ID`, not a valid participant id (ids have no `/`).
 */
export const BLIND_INDEX_KEY_ID = 'installation/blind-index';

/** 10 or 12 digits, an optional `-` or `+` before the last four (Skatteverket's written forms). */
const SWEDISH = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

/**
 * The one written form of a national identity number, so "19900101-2389", "900101-2389" and
 * "199001012389" index alike.
 *
 * Swedish personnummer and samordningsnummer (the day plus 60), recognised by their shape and
 * Luhn check digit (Skatteverket, SKV 704), become 12 digits without separator. A 10-digit form
 * takes the century that makes the person under 100 in `today`'s year, or 100 or older with `+`
 * (the sign Skatteverket writes from the year a person turns 100). Anything else (another
 * country's number) is trimmed and upper-cased, inner spaces and hyphens kept.
 *
 * @param value as typed by a caseworker
 * @param today ISO date (`YYYY-MM-DD`) that settles the century of a 10-digit form
 */
export function normaliseIdentityNumber(value: string, today: string): string {
  const trimmed = value.trim().toUpperCase();
  const match = SWEDISH.exec(trimmed.replace(/\s+/g, ''));
  if (!match) return trimmed;
  const [, century, yy, mm, dd, sign, tail] = match as unknown as [string, string | undefined, string, string, string, string, string];
  const tenDigits = `${yy}${mm}${dd}${tail}`;
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  if (!luhnValid(tenDigits) || Number(mm) < 1 || Number(mm) > 12 || day < 1 || day > 31) return trimmed;
  if (century !== undefined) return `${century}${tenDigits}`;
  const year = Number(today.slice(0, 4));
  let born = year - ((year - Number(yy)) % 100 + 100) % 100;
  if (sign === '+') born -= 100;
  return `${born}${tenDigits.slice(2)}`.padStart(12, '0');
}

/** The Luhn check over 10 digits, the last one being the check digit. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const doubled = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

/**
 * The blind index of an identity number: HMAC-SHA256 of its normalised form under the
 * installation's blind-index key, as 64 hex characters. Equal numbers give equal digests, so an
 * exact search is one indexed lookup; without the key, the digest tells nothing (unlike a bare
 * hash, which a list of all birth dates times 10,000 serials would reverse in seconds).
 *
 * @param key the material of `BLIND_INDEX_KEY_ID` (32 bytes)
 */
export function blindIndex(identityNumber: string, key: Buffer, today: string): string {
  return createHmac('sha256', key).update(`identity-number:${normaliseIdentityNumber(identityNumber, today)}`, 'utf8').digest('hex');
}
