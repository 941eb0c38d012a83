import { conflict, notFound, ruleBroken } from '../shared/domain-error';
import { Decider } from '../shared/decider';
import { IsoDate } from '../shared/iso-date';
import { isMonth, Month, monthOf } from '../shared/month';
import { TimeZone } from '../shared/time-zone';
import { checkDetails, decideDetailsChange, EnrolmentSpan, ProjectDetailsChange } from './project-details-change';
import { RetentionEnd } from './retention';

/** An ESF+ operation or Erasmus+ project: the unit every report is made for. */
export interface ProjectDetails {
  projectId: string;
  name: string;
  owner: string;
  fund: string;
  programme: string;
  specificObjective: string;
  region: string;
  startDate: IsoDate;
  endDate: IsoDate;
  plannedParticipants: number;
  /**
   * The IANA zone the project's calendar is read in (e.g. `Europe/Stockholm`): "today", a date in
   * the future and a date-only cut-off are its local dates, never UTC's.
   */
  timeZone: TimeZone;
}

/** An indicator report as sent to the funder: its aggregated, suppressed content and digest. */
export interface SubmittedReport {
  projectId: string;
  /** `sha-256=<base64>` of the exported content. */
  digest: string;
  /** The export's metadata and rows: counts and rates only, never a person. */
  content: { meta: Record<string, unknown>; rows: Array<Record<string, unknown>> };
}

/**
 * A month's participant file as sent to Statistics Sweden (SCB): which month, the instant and
 * log position its facts were counted to, and digests to tell later whether it still holds.
 * Pseudonymous throughout: the identity numbers were in the file, never in this event.
 */
export interface SentParticipantFile {
  projectId: string;
  month: Month;
  /** The instant (ISO 8601, UTC) the file counted facts to. */
  asKnownOn: string;
  /** The event store's cut-off for `asKnownOn`. */
  cutOffPosition: number;
  /** `sha-256=<base64>` of the month's pseudonymous rows (see `rowsDigest` in libs/exports). */
  rowsDigest: string;
  rows: number;
  /** `sha-256=<base64>` of the file as downloaded and sent, when the sender gives it. */
  fileDigest: string | null;
}

export type ProjectRegistered = { type: 'ProjectRegistered'; data: ProjectDetails };
export type IndicatorReportSubmitted = { type: 'IndicatorReportSubmitted'; data: SubmittedReport };
export type ParticipantFileSent = { type: 'ParticipantFileSent'; data: SentParticipantFile };
/** An admin set (or moved) when the participants' personal data is to be erased; the latest one holds. */
export type RetentionEndSet = { type: 'RetentionEndSet'; data: RetentionEnd };
/** An admin changed the name, period, planned participants or time zone; the latest change holds. */
export type ProjectDetailsChanged = { type: 'ProjectDetailsChanged'; data: ProjectDetailsChange };
export type ProjectEvent = ProjectRegistered | IndicatorReportSubmitted | ParticipantFileSent | RetentionEndSet | ProjectDetailsChanged;

export type RegisterProject = { type: 'RegisterProject'; data: ProjectDetails };
export type SubmitIndicatorReport = { type: 'SubmitIndicatorReport'; data: SubmittedReport };
/** `today`: the project's date now (its time zone), to tell whether the month has ended. */
export type RecordParticipantFileSent = { type: 'RecordParticipantFileSent'; data: SentParticipantFile; today: IsoDate };
export type SetRetentionEnd = { type: 'SetRetentionEnd'; data: RetentionEnd };
/** `enrolments`: what is recorded of the project's participants, looked up by the caller. */
export type ChangeProjectDetails = { type: 'ChangeProjectDetails'; data: ProjectDetailsChange; enrolments: EnrolmentSpan };
export type ProjectCommand = RegisterProject | SubmitIndicatorReport | RecordParticipantFileSent | SetRetentionEnd | ChangeProjectDetails;

export type ProjectState =
  | { status: 'unregistered' }
  | { status: 'registered'; details: ProjectDetails; retention?: RetentionEnd };

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve(state, event) {
    if (event.type === 'ProjectRegistered') return { status: 'registered', details: event.data };
    if (state.status !== 'registered') return state;
    if (event.type === 'RetentionEndSet') return { ...state, retention: event.data };
    if (event.type === 'ProjectDetailsChanged') {
      const { name, startDate, endDate, plannedParticipants, timeZone } = event.data;
      return { ...state, details: { ...state.details, name, startDate, endDate, plannedParticipants, timeZone } };
    }
    return state;
  },

  decide(command, state) {
    if (command.type === 'SetRetentionEnd') return decideRetentionEnd(command.data, state);
    if (command.type === 'ChangeProjectDetails') {
      if (state.status !== 'registered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
      return decideDetailsChange(command.data, state.details, state.retention, command.enrolments).map((data) => ({ type: 'ProjectDetailsChanged', data }));
    }
    if (command.type === 'SubmitIndicatorReport') {
      if (state.status !== 'registered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
      return [{ type: 'IndicatorReportSubmitted', data: command.data }];
    }
    if (command.type === 'RecordParticipantFileSent') {
      if (state.status !== 'registered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
      return [{ type: 'ParticipantFileSent', data: participantFileSendable(command, state.details) }];
    }
    const { data } = command;
    if (state.status === 'registered') {
      throw conflict('PROJECT.ALREADY_REGISTERED', `Project ${data.projectId} is already registered`);
    }
    checkDetails(data);
    return [{ type: 'ProjectRegistered', data }];
  },
};

/**
 * A month's file can be recorded as sent once the month has ended in the project's calendar (SCB
 * opens a month's reporting on the first day of the next) and only for a month of the project's
 * period. Throws 422 PARTICIPANT_FILE.INVALID_MONTH, PARTICIPANT_FILE.MONTH_NOT_ENDED or
 * PARTICIPANT_FILE.OUTSIDE_PROJECT_PERIOD.
 */
function participantFileSendable({ data, today }: RecordParticipantFileSent, project: ProjectDetails): SentParticipantFile {
  if (!isMonth(data.month)) throw ruleBroken('PARTICIPANT_FILE.INVALID_MONTH', `${String(data.month)} is not a month such as 2024-01`);
  if (data.month >= monthOf(today)) {
    throw ruleBroken('PARTICIPANT_FILE.MONTH_NOT_ENDED', `${data.month} has not ended yet: its file can be sent from the first day of the next month`);
  }
  if (data.month < monthOf(project.startDate) || data.month > monthOf(project.endDate)) {
    throw ruleBroken('PARTICIPANT_FILE.OUTSIDE_PROJECT_PERIOD', `${data.month} is outside the project's period`);
  }
  return data;
}

/**
 * A retention end is on or after the project's end date (personal data is needed while the
 * project runs and is reported on); the same end and basis again records nothing.
 * Errors: `PROJECT.NOT_FOUND` (404), `PROJECT.RETENTION_BEFORE_PROJECT_END` (422),
 * `PROJECT.RETENTION_BASIS_REQUIRED` (422).
 */
function decideRetentionEnd(data: RetentionEnd, state: ProjectState): ProjectEvent[] {
  if (state.status !== 'registered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
  if (data.basis.trim() === '') throw ruleBroken('PROJECT.RETENTION_BASIS_REQUIRED', 'A retention end needs its legal basis or reason');
  if (data.retentionEnd < state.details.endDate) {
    throw ruleBroken('PROJECT.RETENTION_BEFORE_PROJECT_END', `The retention end cannot be before the project ends (${state.details.endDate})`);
  }
  const current = state.retention;
  if (current && current.retentionEnd === data.retentionEnd && current.basis === data.basis && current.lastPaymentOn === data.lastPaymentOn) return [];
  return [{ type: 'RetentionEndSet', data }];
}
