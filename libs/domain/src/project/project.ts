import { conflict, notFound, ruleBroken } from '../shared/domain-error';
import { Decider } from '../shared/decider';
import { IsoDate } from '../shared/iso-date';
import { isIanaTimeZone, TimeZone } from '../shared/time-zone';

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

export type ProjectRegistered = { type: 'ProjectRegistered'; data: ProjectDetails };
export type IndicatorReportSubmitted = { type: 'IndicatorReportSubmitted'; data: SubmittedReport };
export type ProjectEvent = ProjectRegistered | IndicatorReportSubmitted;

export type RegisterProject = { type: 'RegisterProject'; data: ProjectDetails };
export type SubmitIndicatorReport = { type: 'SubmitIndicatorReport'; data: SubmittedReport };
export type ProjectCommand = RegisterProject | SubmitIndicatorReport;

export type ProjectState = { status: 'unregistered' } | { status: 'registered'; details: ProjectDetails };

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve: (state, event) => (event.type === 'ProjectRegistered' ? { status: 'registered', details: event.data } : state),

  decide(command, state) {
    if (command.type === 'SubmitIndicatorReport') {
      if (state.status !== 'registered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
      return [{ type: 'IndicatorReportSubmitted', data: command.data }];
    }
    const { data } = command;
    if (state.status === 'registered') {
      throw conflict('PROJECT.ALREADY_REGISTERED', `Project ${data.projectId} is already registered`);
    }
    if (data.endDate < data.startDate) {
      throw ruleBroken('PROJECT.INVALID_PERIOD', 'A project cannot end before it starts');
    }
    if (!Number.isInteger(data.plannedParticipants) || data.plannedParticipants < 1) {
      throw ruleBroken('PROJECT.INVALID_PLANNED_PARTICIPANTS', 'Planned participants must be a positive whole number');
    }
    if (!isIanaTimeZone(data.timeZone)) {
      throw ruleBroken('PROJECT.INVALID_TIME_ZONE', `${String(data.timeZone)} is not an IANA time zone such as Europe/Stockholm`);
    }
    return [{ type: 'ProjectRegistered', data }];
  },
};
