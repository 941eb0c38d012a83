import { addMonths, daysBetween, fullYearsBetween, IsoDate, isPlausibleBirthDate, Situation } from '@pathway/domain';
import { currentEntry, EnrolmentFact, isWithdrawn, MilestoneFact } from './participant-facts';
import { ParticipantOutcome } from './participant-outcome';
import { leavingWindowEnd, settleSituationUponLeaving } from './situation-upon-leaving';

export const FOLLOW_UP_MONTHS = 6;

/** EECR03: a qualification gained or a school level completed (a school-leaving certificate). */
const QUALIFYING: ReadonlySet<MilestoneFact['type']> = new Set(['QualificationGained', 'SchoolCompleted']);

/**
 * The outcome of one participant from the facts that count (retracted ones already left out),
 * whatever order they were recorded in: the entry as corrected by the corrections among them
 * (`currentEntry`), status `withdrawn` once a withdrawal is among them.
 */
export function deriveOutcome(enrolment: EnrolmentFact, facts: MilestoneFact[]): ParticipantOutcome {
  const milestones = [...facts].sort((a, b) => a.position - b.position);
  const { profile, enrolledOn } = currentEntry(enrolment, milestones);

  // Entries and exits in the order they were recorded: the last one decides the status.
  let lastEntryOn = enrolledOn;
  let lastExit: MilestoneFact | null = null;
  for (const m of milestones) {
    if (m.type === 'ParticipantReEntered') {
      lastEntryOn = m.occurredOn;
      lastExit = null;
    } else if (m.type === 'ParticipantExited') {
      lastExit = m;
    }
  }

  const placements = milestones.filter((m) => m.type === 'JobPlaced').map((m) => m.occurredOn).sort();
  const firstPlacementOn = placements[0] ?? null;
  const outcome: ParticipantOutcome = {
    participantId: enrolment.participantId,
    projectId: enrolment.projectId,
    firstEnrolledOn: enrolledOn,
    gender: profile.gender,
    // A birth date recorded before implausible ones were refused (0000-01-01) is an unknown age.
    ageAtEntry:
      profile.birthDate === null || !isPlausibleBirthDate(profile.birthDate, enrolledOn) ? null : fullYearsBetween(profile.birthDate, enrolledOn),
    labourMarketStatus: profile.labourMarketStatus,
    inEducationOrTraining: profile.inEducationOrTraining,
    educationLevel: profile.educationLevel,
    disability: profile.disability,
    thirdCountryNational: profile.thirdCountryNational,
    foreignBackground: profile.foreignBackground,
    minority: profile.minority,
    homeless: profile.homeless,
    ruralArea: profile.ruralArea,
    status: isWithdrawn(milestones) ? 'withdrawn' : lastExit ? 'exited' : 'active',
    lastEntryOn,
    lastExitOn: null,
    exitReason: null,
    exitSituation: null,
    leavingJobSearching: null,
    leavingInEducation: null,
    leavingEmployed: null,
    leavingQualified: null,
    sixMonthPointOn: null,
    followUpSituation: null,
    followUpImproved: null,
    schoolCompleted: milestones.some((m) => m.type === 'SchoolCompleted'),
    firstPlacementOn,
    daysToFirstPlacement: firstPlacementOn === null ? null : daysBetween(enrolledOn, firstPlacementOn),
  };
  return lastExit ? { ...outcome, ...resultsAfter(lastExit, milestones, enrolledOn, lastEntryOn) } : outcome;
}

function resultsAfter(
  exit: MilestoneFact,
  milestones: MilestoneFact[],
  firstEnrolledOn: IsoDate,
  lastEntryOn: IsoDate,
): Partial<ParticipantOutcome> {
  const exitOn = exit.occurredOn;
  const windowEnd = leavingWindowEnd(exitOn);
  const situation = exit.details.situation as Situation;
  const settled = settleSituationUponLeaving(exit, milestones, { from: lastEntryOn, to: windowEnd });

  const followUps = milestones.filter(
    (m) => m.type === 'FollowUpRecorded' && m.details.monthsAfterExit === FOLLOW_UP_MONTHS && m.occurredOn >= exitOn,
  );
  const followUp = followUps.at(-1);

  return {
    lastExitOn: exitOn,
    exitReason: exit.details.reason as ParticipantOutcome['exitReason'],
    exitSituation: situation,
    leavingJobSearching: settled.jobSearching,
    leavingInEducation: settled.inEducation,
    leavingEmployed: settled.employed,
    // An achievement, not a situation: it stays gained through a re-entry, so the whole
    // participation counts (first enrolment to 28 days after the last exit), never data missing.
    leavingQualified: milestones.some(
      (m) => QUALIFYING.has(m.type) && m.occurredOn >= firstEnrolledOn && m.occurredOn <= windowEnd,
    ),
    sixMonthPointOn: addMonths(exitOn, FOLLOW_UP_MONTHS),
    followUpSituation: followUp ? (followUp.details.situation as Situation) : null,
    followUpImproved: followUp ? ((followUp.details.improvedSituation as boolean | null) ?? null) : null,
  };
}
