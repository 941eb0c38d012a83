import { EntryProfile, ExitReason, IsoDate, Situation } from '@pathway/domain';

/**
 * One participant in one project, with everything the indicators need, derived from the
 * enrolment and the milestones that count. Results fields are null while the participant
 * has not exited (or has re-entered and not exited again).
 */
export interface ParticipantOutcome extends Omit<EntryProfile, 'birthDate'> {
  participantId: string;
  projectId: string;

  // The entry profile at first enrolment, as corrected (the answers themselves come from EntryProfile).
  firstEnrolledOn: IsoDate;
  ageAtEntry: number | null;

  /** `withdrawn`: the enrolment was made in error; the participant counts in no indicator or rate. */
  status: 'active' | 'exited' | 'withdrawn';
  lastEntryOn: IsoDate;

  // Results, following the last exit.
  lastExitOn: IsoDate | null;
  exitReason: ExitReason | null;
  exitSituation: Situation | null;
  /**
   * The one settled situation upon leaving (`settleSituationUponLeaving`): from the exit's stated
   * situation and the outcomes dated from the last entry to 28 days after the exit. Employment and
   * education may both be true; job searching only when neither is. All three null together, and
   * only, when nothing at all is known about the situation upon leaving.
   */
  leavingJobSearching: boolean | null;
  leavingInEducation: boolean | null;
  leavingEmployed: boolean | null;
  /** A qualification or school completion from first enrolment to 28 days after the last exit. */
  leavingQualified: boolean | null;
  sixMonthPointOn: IsoDate | null;
  /** The six-month follow-up after the last exit, if recorded. */
  followUpSituation: Situation | null;
  followUpImproved: boolean | null;

  // For project rates, whatever the exit.
  schoolCompleted: boolean;
  firstPlacementOn: IsoDate | null;
  daysToFirstPlacement: number | null;
}

/** A field of `ParticipantOutcome`: what the catalogue's rules declare they read. */
export type OutcomeField = keyof ParticipantOutcome;
