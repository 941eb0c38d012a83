import { EducationLevel } from './entry-profile';
import { FreeText } from './free-text';
import { IsoDate } from '../shared/iso-date';

export const INTERVENTION_KINDS = [
  'supported-employment',
  'ips',
  'supported-education',
  'career-guidance',
  'training-course',
  'work-practice',
  'mentoring',
  'study-visit',
  'school-support',
  'group-activity',
  'other',
] as const;
export const INTERVENTION_OUTCOMES = ['completed', 'discontinued'] as const;
export const SCHOOL_LEVELS = ['compulsory', 'upper-secondary'] as const;
export const EDUCATION_PROGRAMMES = [
  'upper-secondary',
  'vocational',
  'adult-education',
  'higher-education',
  'other',
] as const;
export const EMPLOYMENT_TYPES = ['employee', 'self-employed'] as const;
export const CONTRACT_TYPES = ['permanent', 'temporary', 'subsidised'] as const;
export const EXIT_REASONS = ['completed', 'dropped-out', 'moved', 'other'] as const;
export const SITUATIONS = [
  'employed',
  'self-employed',
  'in-education-or-training',
  'job-searching',
  'inactive',
  'unknown',
] as const;

export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export type InterventionOutcome = (typeof INTERVENTION_OUTCOMES)[number];
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export type EducationProgramme = (typeof EDUCATION_PROGRAMMES)[number];
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export type ContractType = (typeof CONTRACT_TYPES)[number];
export type ExitReason = (typeof EXIT_REASONS)[number];
export type Situation = (typeof SITUATIONS)[number];

/** What a caseworker records after enrolment; `type` is the name used on the HTTP API. */
export type Milestone =
  | { type: 'intervention-started'; occurredOn: IsoDate; interventionId: string; kind: InterventionKind }
  | { type: 'intervention-ended'; occurredOn: IsoDate; interventionId: string; outcome: InterventionOutcome }
  | { type: 'school-completed'; occurredOn: IsoDate; level: SchoolLevel; fullGrades: boolean | null }
  /** `qualification` is what was gained, as typed: free text, so sealed (see `FreeText`). */
  | { type: 'qualification-gained'; occurredOn: IsoDate; qualification: FreeText; iscedLevel: EducationLevel | null }
  | { type: 'education-entered'; occurredOn: IsoDate; programme: EducationProgramme }
  | { type: 'job-search-started'; occurredOn: IsoDate }
  | {
      type: 'job-placed';
      occurredOn: IsoDate;
      employment: EmploymentType;
      contract: ContractType;
      hoursPerWeek: number | null;
    }
  | { type: 'exited'; occurredOn: IsoDate; reason: ExitReason; situation: Situation }
  | {
      type: 'follow-up-recorded';
      occurredOn: IsoDate;
      monthsAfterExit: number;
      situation: Situation;
      improvedSituation: boolean | null;
    }
  | { type: 're-entered'; occurredOn: IsoDate };

export type MilestoneType = Milestone['type'];

