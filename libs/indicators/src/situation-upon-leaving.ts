import { addDays, IsoDate, Situation } from '@pathway/domain';
import { MilestoneFact } from './participant-facts';

/**
 * "Upon leaving" reaches four weeks after the exit (ESF+ guidance on EECR01-04, SFC2021): day 28
 * after the exit counts, day 29 does not.
 */
export const LEAVING_WINDOW_DAYS = 28;

/** The last day "upon leaving" reaches: 28 days after the exit date. */
export function leavingWindowEnd(exitOn: IsoDate): IsoDate {
  return addDays(exitOn, LEAVING_WINDOW_DAYS);
}

/** Both ends inclusive: from the last entry (first enrolment or re-entry) to `leavingWindowEnd(exit)`. */
export interface LeavingWindow {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The one settled situation of a leaver. Employment and education may both hold; job searching
 * only when neither does. All three are null together, and only, when nothing at all is known
 * (the exit said `unknown` and no outcome milestone falls in the window); otherwise each is a
 * known true or false.
 */
export interface SituationUponLeaving {
  employed: boolean | null;
  inEducation: boolean | null;
  jobSearching: boolean | null;
}

/** What one dated statement says about the situation, as bits so one date's statements combine. */
const EMPLOYED = 1;
const IN_EDUCATION = 2;
const JOB_SEARCHING = 4;
const INACTIVE = 8;

/** The exit's `unknown` says nothing (0). */
const FROM_EXIT: Readonly<Record<Situation, number>> = {
  employed: EMPLOYED,
  'self-employed': EMPLOYED,
  'in-education-or-training': IN_EDUCATION,
  'job-searching': JOB_SEARCHING,
  inactive: INACTIVE,
  unknown: 0,
};

/** The outcome milestones that state a situation (a qualification is an achievement, see EECR03). */
const FROM_MILESTONE: Partial<Record<MilestoneFact['type'], number>> = {
  JobPlaced: EMPLOYED,
  EducationEntered: IN_EDUCATION,
  JobSearchStarted: JOB_SEARCHING,
};

const NOTHING_KNOWN: SituationUponLeaving = { employed: null, inEducation: null, jobSearching: null };

/**
 * Settles the situation upon leaving (the rule the catalogue states for EECR01, 02 and 04).
 *
 * Inputs: the last exit, every milestone that counts (retracted ones already left out), and the
 * window (from the last entry to 28 days after the exit). Statements are the last exit's stated
 * situation (dated on the exit) and job placements, education entered and job searches started
 * dated within the window, both ends inclusive.
 *
 * Read in date order, the latest-dated known situation wins: a job search or inactivity replaces
 * everything before it; employment or education replaces a job search or inactivity and adds to
 * each other (a job does not end studies, nor studies a job). Statements on the same date do not
 * depend on the order they were recorded in: employment and education outrank a job search, which
 * outranks inactivity (someone placed on the day they left is employed upon leaving).
 */
export function settleSituationUponLeaving(
  exit: MilestoneFact,
  milestones: readonly MilestoneFact[],
  window: LeavingWindow,
): SituationUponLeaving {
  const statements: Array<{ on: IsoDate; says: number }> = [];
  const state = (on: IsoDate, says: number | undefined) => {
    if (says && on >= window.from && on <= window.to) statements.push({ on, says });
  };
  // Only the last exit speaks: an earlier exit dated on the re-entry day belongs to an earlier stay.
  state(exit.occurredOn, FROM_EXIT[exit.details.situation as Situation]);
  for (const m of milestones) state(m.occurredOn, FROM_MILESTONE[m.type]);
  if (statements.length === 0) return { ...NOTHING_KNOWN };

  statements.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const settled = { employed: false, inEducation: false, jobSearching: false };
  for (let i = 0; i < statements.length; ) {
    // Everything stated on one date, whatever order it was recorded in.
    let day = 0;
    const on = statements[i]!.on;
    for (; i < statements.length && statements[i]!.on === on; i += 1) day |= statements[i]!.says;
    if (day & (EMPLOYED | IN_EDUCATION)) {
      settled.employed ||= (day & EMPLOYED) !== 0;
      settled.inEducation ||= (day & IN_EDUCATION) !== 0;
      settled.jobSearching = false;
    } else {
      // A job search or inactivity: neither a job nor studies hold any more.
      settled.employed = false;
      settled.inEducation = false;
      settled.jobSearching = (day & JOB_SEARCHING) !== 0;
    }
  }
  return settled;
}
