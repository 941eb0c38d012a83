import { EntryProfile } from './entry-profile';
import { fullYearsBetween } from '../shared/calendar';
import { IsoDate } from '../shared/iso-date';
import { ruleBroken } from '../shared/domain-error';

/**
 * The oldest birth date and age at entry taken as real. A typing slip such as `0000-01-01` or
 * `1024-05-17` would otherwise be counted as "aged 55 and above" (EECO08); no participant of an
 * ESF+ operation is born before 1900 or older than 120 (the oldest person ever documented reached 122).
 */
export const EARLIEST_BIRTH_DATE: IsoDate = '1900-01-01';
export const OLDEST_AGE_AT_ENTRY = 120;

/**
 * Whether a birth date can be a participant's at an entry on `enteredOn`: not after it, not before
 * 1900, not more than 120 years before it. Reports use it too, so a date recorded before the rule
 * existed counts as an unknown age ("data missing"), not as "aged 55 and above".
 */
export function isPlausibleBirthDate(birthDate: IsoDate, enteredOn: IsoDate): boolean {
  return birthDate <= enteredOn && birthDate >= EARLIEST_BIRTH_DATE && fullYearsBetween(birthDate, enteredOn) <= OLDEST_AGE_AT_ENTRY;
}

/**
 * Refuses an entry profile whose birth date cannot be a participant's: after the entry
 * (`PARTICIPANT.BORN_AFTER_ENROLMENT`), before 1900 or more than 120 years before the entry
 * (`PARTICIPANT.IMPLAUSIBLE_BIRTH_DATE`). An undisclosed birth date (null) is fine.
 */
export function requirePlausibleBirthDate(profile: EntryProfile, enteredOn: IsoDate): void {
  const { birthDate } = profile;
  if (birthDate === null) return;
  if (birthDate > enteredOn) {
    throw ruleBroken('PARTICIPANT.BORN_AFTER_ENROLMENT', 'The birth date is after the enrolment date');
  }
  if (!isPlausibleBirthDate(birthDate, enteredOn)) {
    throw ruleBroken(
      'PARTICIPANT.IMPLAUSIBLE_BIRTH_DATE',
      `A birth date before ${EARLIEST_BIRTH_DATE} or more than ${OLDEST_AGE_AT_ENTRY} years before the entry is not plausible`,
    );
  }
}
