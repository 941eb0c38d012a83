/**
 * The read-model tables, the same on SQLite and PostgreSQL: dates and instants are ISO text
 * (so both engines compare them alike), yes/no answers are 0/1 integers, null is "not disclosed".
 */
export interface ReadModelSchema {
  projects: ProjectsTable;
  participants: ParticipantsTable;
  milestones: MilestonesTable;
  participant_versions: ParticipantVersionsTable;
  checkpoints: CheckpointsTable;
  rebuild_jobs: RebuildJobsTable;
  read_model_meta: ReadModelMetaTable;
  projection_failures: ProjectionFailuresTable;
}

export interface ProjectsTable {
  project_id: string;
  name: string;
  owner: string;
  fund: string;
  programme: string;
  specific_objective: string;
  region: string;
  start_date: string;
  end_date: string;
  planned_participants: number;
  /** IANA zone, e.g. `Europe/Stockholm`. */
  time_zone: string;
  recorded_at: string;
  position: number;
}

/**
 * One row per participant: the entry profile, the pathway status and everything the indicators need.
 * `enrolled_on` and the profile columns are the entry as corrected; `recorded_entry` keeps it as
 * recorded at enrolment (JSON `{enrolledOn, profile}`), from which a report as known on an earlier
 * instant applies only the corrections known by then. `status` may be `withdrawn`.
 */
export interface ParticipantsTable {
  participant_id: string;
  project_id: string;
  enrolled_on: string;
  recorded_entry: string;
  enrolment_recorded_at: string;
  enrolment_position: number;
  birth_date: string | null;
  gender: string | null;
  labour_market_status: string;
  in_education_or_training: number | null;
  education_level: string | null;
  disability: number | null;
  third_country_national: number | null;
  foreign_background: number | null;
  minority: number | null;
  homeless: number | null;
  rural_area: number | null;
  age_at_entry: number | null;
  status: string;
  last_entry_on: string;
  last_exit_on: string | null;
  exit_reason: string | null;
  exit_situation: string | null;
  leaving_job_searching: number | null;
  leaving_in_education: number | null;
  leaving_employed: number | null;
  leaving_qualified: number | null;
  six_month_point_on: string | null;
  follow_up_situation: string | null;
  follow_up_improved: number | null;
  school_completed: number;
  first_placement_on: string | null;
  days_to_first_placement: number | null;
  /** The last log position that changed this participant. */
  last_position: number;
  /**
   * The row's classes of every outcome field the report counts whose classes do not depend on
   * the report's period, as one integer (`storeOutcomeCodes`, queries/report-cells.ts); null
   * until stored, or when a value is outside the classes. A cache: the report computes it when null.
   */
  outcome_code: number | null;
}

/** The columns a participant's outcome is read from (`outcomeOf`): the entry as corrected and what followed it. */
export type OutcomeColumns = Omit<ParticipantsTable, 'recorded_entry' | 'enrolment_recorded_at' | 'enrolment_position' | 'last_position' | 'outcome_code'>;

/**
 * A participant's outcome as it stood over a span of the log: from log position `from_position`
 * up to `to_position` (exclusive; null while it still holds). The outcome columns are named and
 * encoded as in `participants`, so a report counts either table alike; a report as known on an
 * instant counts the rows holding at its cut-off position. Consecutive spans with equal outcomes
 * are one row. Key: (participant_id, from_position).
 */
export interface ParticipantVersionsTable extends OutcomeColumns {
  from_position: number;
  to_position: number | null;
  /** As `participants.outcome_code`, for this version's outcome. */
  outcome_code: number | null;
}

/**
 * The timeline: every milestone as recorded, a retraction marking it rather than removing it; also
 * corrections of the entry (details: the corrected fields) and a withdrawal (details: `ground`,
 * `duplicateOf`), each dated (`occurred_on`) by the project's day it was made.
 */
export interface MilestonesTable {
  event_id: string;
  participant_id: string;
  project_id: string;
  position: number;
  type: string;
  occurred_on: string;
  recorded_at: string;
  details: string;
  recorded_by: string;
  retracted_by: string | null;
  retracted_at: string | null;
  retracted_position: number | null;
}

export interface CheckpointsTable {
  name: string;
  position: number;
  updated_at: string;
  /** The id of the event at `position`: a log restored from an older backup shows as a different one. */
  event_id: string | null;
}

export interface RebuildJobsTable {
  job_id: string;
  status: string;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
  processed: number;
  total: number;
  error: string | null;
  /** The process running it (its id), and until when that claim holds unless renewed (ISO instant). */
  owner: string | null;
  lease_until: string | null;
  /** 'active' while requested or running, else null: a unique index lets only one job be active. */
  slot: string | null;
}

/** A projection stopped at an event it cannot apply; the row goes when it moves past it. */
export interface ProjectionFailuresTable {
  name: string;
  position: number;
  /** Why, without personal data: the event type and the store's code. */
  reason: string;
  failed_at: string;
}

export interface ReadModelMetaTable {
  key: string;
  value: string;
}
