import {
  ContractType,
  EducationLevel,
  EducationProgramme,
  ExitReason,
  Gender,
  InterventionKind,
  IsoDate,
  LabourMarketStatus,
  ProjectDetails,
} from '@pathway/domain';
import { Weights } from '../random';

/** Where a participant is heading when leaving, which decides the results recorded around exit. */
export type ExitOutcome = 'job' | 'education' | 'job-search' | 'inactive';

export type ProfileFlag = 'disability' | 'thirdCountryNational' | 'foreignBackground' | 'minority' | 'homeless' | 'ruralArea';

/**
 * Who a project reaches and what typically happens to them: the proportions the generator
 * samples from. Figures are plausible for the target group, not statistics of a real project.
 */
export interface Cohort {
  /** Age in full years at enrolment, both ends included. */
  ages: readonly [number, number];
  /** `null` is "not disclosed". */
  genders: Weights<Gender | null>;
  labourMarket: Weights<LabourMarketStatus>;
  /** Probability of "yes" to "in education or training". */
  inEducationOrTraining: number;
  education: Weights<EducationLevel>;
  flags: Readonly<Record<ProfileFlag, number>>;
  /** Probability that any one optional answer of the profile is not disclosed. */
  undisclosed: number;
  interventions: Weights<InterventionKind>;
  interventionsPerStay: readonly [number, number];
  /** Days from entry to exit for those who complete the programme. */
  stayDays: readonly [number, number];
  /** Enrolment closes this many days before the project ends, so the last ones still get a stay. */
  enrolmentClosesDaysBeforeEnd: number;
  exitReasons: Weights<ExitReason>;
  /** For participants who complete; those who drop out or move mostly have no recorded result. */
  outcomes: Weights<ExitOutcome>;
  contracts: Weights<ContractType>;
  hoursPerWeek: Weights<number | null>;
  selfEmployed: number;
  programmes: Weights<EducationProgramme>;
  /** Chance of gaining a qualification, and which ones are typical here. */
  qualifications: { chance: number; names: ReadonlyArray<readonly [string, EducationLevel | null]> };
  /** Pathways follow the school calendar: exits at the end of a term, school completions in June. */
  schoolCalendar: boolean;
  /** Caseworker numbers of this project: the first one and how many. */
  caseworkers: readonly [number, number];
}

export interface DemoProject {
  details: ProjectDetails;
  /** When the project was registered: before its start, after the funding decision. */
  registeredOn: IsoDate;
  cohort: Cohort;
}
