import { addDays, IsoDate, Situation } from '@pathway/domain';
import { MilestoneFact } from './participant-facts';

/**
 * "Upon leaving" reaches four weeks after the exit (ESF+ guidance on EECR01-04, SFC2021): day 28
 * after the exit counts, day 29 does not.
 */
export const LEAVING_WINDOW_DAYS = 28;

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

/** What one dated statement says about the situation; the exit's `unknown` says nothing. */
type Statement = 'employed' | 'in-education' | 'job-searching' | 'inactive';

const FROM_EXIT: Readonly<Record<Situation, Statement | null>> = {
  employed: 'employed',
  'self-employed': 'employed',
  'in-education-or-training': 'in-education',
  'job-searching': 'job-searching',
  inactive: 'inactive',
  unknown: null,
};

/** The outcome milestones that state a situation (a qualification is an achievement, see EECR03). */
const FROM_MILESTONE: Partial<Record<MilestoneFact['type'], Statement>> = {
  JobPlaced: 'employed',
  EducationEntered: 'in-education',
  JobSearchStarted: 'job-searching',
};

const NOTHING_KNOWN: SituationUponLeaving = { employed: null, inEducation: null, jobSearching: null };

/**
 * Settles the situation upon leaving (the rule the catalogue states for EECR01, 02 and 04).
 *
 * Inputs: the last exit, every milestone that counts (retracted ones already left out), and the
 * date of the last entry (first enrolment, or the last re-entry). Statements are the last exit's
 * stated situation (dated on the exit) and job placements, education entered and job searches
 * started dated from `lastEntryOn` to 28 days after the exit, both ends inclusive.
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
  lastEntryOn: IsoDate,
): SituationUponLeaving {
  const windowEnd = addDays(exit.occurredOn, LEAVING_WINDOW_DAYS);
  const byDate = new Map<IsoDate, Set<Statement>>();
  const state = (on: IsoDate, statement: Statement | null | undefined) => {
    if (!statement || on < lastEntryOn || on > windowEnd) return;
    byDate.set(on, (byDate.get(on) ?? new Set()).add(statement));
  };
  // Only the last exit speaks: an earlier exit dated on the re-entry day belongs to an earlier stay.
  state(exit.occurredOn, FROM_EXIT[exit.details.situation as Situation]);
  for (const m of milestones) state(m.occurredOn, FROM_MILESTONE[m.type]);
  if (byDate.size === 0) return NOTHING_KNOWN;

  const settled = { employed: false, inEducation: false, jobSearching: false };
  for (const on of [...byDate.keys()].sort()) {
    const day = byDate.get(on)!;
    if (day.has('employed') || day.has('in-education')) {
      settled.employed ||= day.has('employed');
      settled.inEducation ||= day.has('in-education');
      settled.jobSearching = false;
    } else {
      // A job search or inactivity: neither a job nor studies hold any more.
      settled.employed = false;
      settled.inEducation = false;
      settled.jobSearching = day.has('job-searching');
    }
  }
  return settled;
}
