import { CorrectedEntry, EntryProfile } from '@pathway/domain';
import { currentEntry, deriveOutcome, EnrolmentFact, MilestoneFact, ParticipantOutcome } from '@pathway/indicators';
import { Selectable } from 'kysely';
import { MilestonesTable, OutcomeColumns, ParticipantsTable } from '../schema/read-model-schema';

type Participant = Selectable<ParticipantsTable>;
type Milestone = Selectable<MilestonesTable>;

const flag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);
const bool = (value: number | null): boolean | null => (value === null ? null : value === 1);

/** `enrolment` as recorded, `current` the entry as corrected since (`currentEntry`), `outcome` derived from both. */
export function participantRow(enrolment: EnrolmentFact, current: CorrectedEntry, outcome: ParticipantOutcome, lastPosition: number): Participant {
  return {
    ...outcomeColumns(enrolment, current, outcome),
    recorded_entry: JSON.stringify({ enrolledOn: enrolment.enrolledOn, profile: enrolment.profile }),
    enrolment_recorded_at: enrolment.recordedAt,
    enrolment_position: enrolment.position,
    last_position: lastPosition,
    // Stored after the row is written, by the report's own expression (`storeOutcomeCodes`).
    outcome_code: null,
  };
}

/**
 * The columns a participant's outcome is read back from (`outcomeOf`), as `participants` and
 * `participant_versions` both hold them: `current` the entry as corrected, `outcome` derived.
 */
export function outcomeColumns(enrolment: EnrolmentFact, current: CorrectedEntry, outcome: ParticipantOutcome): OutcomeColumns {
  const { profile } = current;
  return {
    participant_id: enrolment.participantId,
    project_id: enrolment.projectId,
    enrolled_on: current.enrolledOn,
    birth_date: profile.birthDate,
    gender: profile.gender,
    labour_market_status: profile.labourMarketStatus,
    in_education_or_training: flag(profile.inEducationOrTraining),
    education_level: profile.educationLevel,
    disability: flag(profile.disability),
    third_country_national: flag(profile.thirdCountryNational),
    foreign_background: flag(profile.foreignBackground),
    minority: flag(profile.minority),
    homeless: flag(profile.homeless),
    rural_area: flag(profile.ruralArea),
    age_at_entry: outcome.ageAtEntry,
    status: outcome.status,
    last_entry_on: outcome.lastEntryOn,
    last_exit_on: outcome.lastExitOn,
    exit_reason: outcome.exitReason,
    exit_situation: outcome.exitSituation,
    leaving_job_searching: flag(outcome.leavingJobSearching),
    leaving_in_education: flag(outcome.leavingInEducation),
    leaving_employed: flag(outcome.leavingEmployed),
    leaving_qualified: flag(outcome.leavingQualified),
    six_month_point_on: outcome.sixMonthPointOn,
    follow_up_situation: outcome.followUpSituation,
    follow_up_improved: flag(outcome.followUpImproved),
    school_completed: outcome.schoolCompleted ? 1 : 0,
    first_placement_on: outcome.firstPlacementOn,
    days_to_first_placement: outcome.daysToFirstPlacement,
  };
}

/** The columns `enrolmentFact` reads: all a participant's outcome is derived from, besides its facts. */
export const ENROLMENT_COLUMNS = ['participant_id', 'project_id', 'recorded_entry', 'enrolment_recorded_at', 'enrolment_position'] as const;

/** The enrolment as recorded (before any correction): what outcomes are derived from, with the facts. */
export function enrolmentFact(row: Pick<Participant, (typeof ENROLMENT_COLUMNS)[number]>): EnrolmentFact {
  const recorded = JSON.parse(row.recorded_entry) as { enrolledOn: string; profile: EntryProfile };
  return {
    participantId: row.participant_id,
    projectId: row.project_id,
    enrolledOn: recorded.enrolledOn,
    recordedAt: row.enrolment_recorded_at,
    position: row.enrolment_position,
    profile: recorded.profile,
  };
}

/** The entry profile as corrected, as the row's columns hold it. */
export function currentProfile(row: OutcomeColumns): EntryProfile {
  return {
      birthDate: row.birth_date,
      gender: row.gender as EnrolmentFact['profile']['gender'],
      labourMarketStatus: row.labour_market_status as EnrolmentFact['profile']['labourMarketStatus'],
      inEducationOrTraining: bool(row.in_education_or_training),
      educationLevel: row.education_level as EnrolmentFact['profile']['educationLevel'],
      disability: bool(row.disability),
      thirdCountryNational: bool(row.third_country_national),
      foreignBackground: bool(row.foreign_background),
      minority: bool(row.minority),
      homeless: bool(row.homeless),
    ruralArea: bool(row.rural_area),
  };
}

/** A participant's outcome as a `participants` or `participant_versions` row holds it. */
export function outcomeOf(row: OutcomeColumns): ParticipantOutcome {
  // An outcome has the age at entry, not the birth date (`ParticipantOutcome`), as `deriveOutcome` gives it.
  const { birthDate: _birthDate, ...profile } = currentProfile(row);
  return {
    participantId: row.participant_id,
    projectId: row.project_id,
    firstEnrolledOn: row.enrolled_on,
    ...profile,
    ageAtEntry: row.age_at_entry,
    status: row.status as ParticipantOutcome['status'],
    lastEntryOn: row.last_entry_on,
    lastExitOn: row.last_exit_on,
    exitReason: row.exit_reason as ParticipantOutcome['exitReason'],
    exitSituation: row.exit_situation as ParticipantOutcome['exitSituation'],
    leavingJobSearching: bool(row.leaving_job_searching),
    leavingInEducation: bool(row.leaving_in_education),
    leavingEmployed: bool(row.leaving_employed),
    leavingQualified: bool(row.leaving_qualified),
    sixMonthPointOn: row.six_month_point_on,
    followUpSituation: row.follow_up_situation as ParticipantOutcome['followUpSituation'],
    followUpImproved: bool(row.follow_up_improved),
    schoolCompleted: row.school_completed === 1,
    firstPlacementOn: row.first_placement_on,
    daysToFirstPlacement: row.days_to_first_placement,
  };
}

export function milestoneFact(row: Milestone): MilestoneFact {
  return {
    eventId: row.event_id,
    participantId: row.participant_id,
    projectId: row.project_id,
    position: row.position,
    type: row.type as MilestoneFact['type'],
    occurredOn: row.occurred_on,
    recordedAt: row.recorded_at,
    details: JSON.parse(row.details),
    retractedBy: row.retracted_by,
    retractedAt: row.retracted_at,
  };
}

/**
 * Each participant's row derived again from its enrolment and every timeline row recorded for it
 * (retracted ones count only for the last position); participants without an enrolment are left
 * out. `lastPositions` gives the last position that changed each one; where it has none, the
 * latest of the enrolment, the facts and their retractions is taken. Pure.
 */
export function outcomeRows(
  participantIds: string[],
  enrolments: Map<string, EnrolmentFact>,
  recorded: Milestone[],
  lastPositions?: Map<string, number>,
): Participant[] {
  const factsOf = new Map<string, MilestoneFact[]>();
  const lastOf = new Map<string, number>();
  for (const row of recorded) {
    const last = Math.max(lastOf.get(row.participant_id) ?? 0, Number(row.position), Number(row.retracted_position ?? 0));
    lastOf.set(row.participant_id, last);
    if (row.retracted_by !== null) continue;
    const list = factsOf.get(row.participant_id) ?? [];
    list.push(milestoneFact(row));
    factsOf.set(row.participant_id, list);
  }
  return participantIds.flatMap((id) => {
    const enrolment = enrolments.get(id);
    if (!enrolment) return [];
    const lastPosition = lastPositions?.get(id) ?? Math.max(enrolment.position, lastOf.get(id) ?? 0);
    const facts = factsOf.get(id) ?? [];
    return [participantRow(enrolment, currentEntry(enrolment, facts), deriveOutcome(enrolment, facts), lastPosition)];
  });
}
