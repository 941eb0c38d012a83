import { EntryProfile } from './entry-profile';
import { IsoDate } from '../shared/iso-date';

/**
 * What a correction may change: the answers of the entry profile and the enrolment date. Every
 * one is a date or a closed list (no free text, nothing sealed): the birth date is in the entry
 * profile in clear, as at enrolment, because the age bands (EECO06-08) are counted from it.
 */
export const CORRECTABLE_FIELDS = [
  'enrolledOn',
  'birthDate',
  'gender',
  'labourMarketStatus',
  'inEducationOrTraining',
  'educationLevel',
  'disability',
  'thirdCountryNational',
  'foreignBackground',
  'minority',
  'homeless',
  'ruralArea',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** The corrected fields and their corrected values; a field left out keeps its value. */
export type EntryCorrection = Partial<EntryProfile> & { enrolledOn?: IsoDate };

/** The enrolment date and the entry profile as they stand after the corrections so far. */
export interface CorrectedEntry {
  enrolledOn: IsoDate;
  profile: EntryProfile;
}

/**
 * The one rule for "the current entry": the entry as recorded at enrolment with each correction
 * applied in log order, the latest value of each field winning. Used by the decider's state and
 * by every read model (libs/indicators `currentEntry`), so live reads, rebuilds and reports as
 * known on an instant agree. Fields not in `CORRECTABLE_FIELDS` are ignored.
 */
export function applyEntryCorrection(entry: CorrectedEntry, correction: EntryCorrection): CorrectedEntry {
  const { enrolledOn, ...answers } = correction;
  const profile = { ...entry.profile };
  for (const field of CORRECTABLE_FIELDS) {
    if (field !== 'enrolledOn' && field in answers) (profile as Record<string, unknown>)[field] = answers[field];
  }
  return { enrolledOn: enrolledOn ?? entry.enrolledOn, profile };
}

/** The fields of `correction` whose value differs from `entry`'s: what a correction event names. */
export function changedFields(entry: CorrectedEntry, correction: EntryCorrection): EntryCorrection {
  const current: Record<string, unknown> = { ...entry.profile, enrolledOn: entry.enrolledOn };
  const changed: Record<string, unknown> = {};
  for (const field of CORRECTABLE_FIELDS) {
    if (field in correction && (correction as Record<string, unknown>)[field] !== current[field]) changed[field] = correction[field];
  }
  return changed as EntryCorrection;
}
