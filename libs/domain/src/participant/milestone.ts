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
/**
 * What a group session was: a session many participants attend at once, recorded as one
 * attendance per participant (`group-session-attended`). `study-visit` and `group-activity` are
 * the intervention kinds of the same name held as a single session; a `workshop` is a practical
 * session on one theme (CV writing, interview practice); an `information-meeting` presents the
 * project, an employer or a school; `group-guidance` is career guidance given to a group.
 */
export const GROUP_SESSION_KINDS = ['workshop', 'study-visit', 'group-activity', 'information-meeting', 'group-guidance'] as const;
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
export type GroupSessionKind = (typeof GROUP_SESSION_KINDS)[number];
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
  | { type: 're-entered'; occurredOn: IsoDate }
  /** One participant at one group session; `sessionId` is shared by everyone recorded for that session. */
  | { type: 'group-session-attended'; occurredOn: IsoDate; sessionId: string; kind: GroupSessionKind };

export type MilestoneType = Milestone['type'];

