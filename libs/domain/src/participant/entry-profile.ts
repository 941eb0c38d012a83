import { IsoDate } from '../shared/iso-date';

/** The participant's situation at first enrolment; `null` is "not disclosed". */
export const GENDERS = ['woman', 'man', 'non-binary'] as const;
export type Gender = (typeof GENDERS)[number];

export const LABOUR_MARKET_STATUSES = [
  'unemployed',
  'long-term-unemployed',
  'inactive',
  'employed',
  'self-employed',
] as const;
export type LabourMarketStatus = (typeof LABOUR_MARKET_STATUSES)[number];

export const EDUCATION_LEVELS = ['isced-0-2', 'isced-3-4', 'isced-5-8'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export interface EntryProfile {
  birthDate: IsoDate | null;
  gender: Gender | null;
  labourMarketStatus: LabourMarketStatus;
  inEducationOrTraining: boolean | null;
  educationLevel: EducationLevel | null;
  disability: boolean | null;
  thirdCountryNational: boolean | null;
  foreignBackground: boolean | null;
  minority: boolean | null;
  homeless: boolean | null;
  ruralArea: boolean | null;
}

/** The yes/no questions of the profile, in the order the ESF+ outputs list them. */
export const PROFILE_FLAGS = [
  'inEducationOrTraining',
  'disability',
  'thirdCountryNational',
  'foreignBackground',
  'minority',
  'homeless',
  'ruralArea',
] as const;
