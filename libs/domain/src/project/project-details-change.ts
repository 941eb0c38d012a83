import { ruleBroken } from '../shared/domain-error';
import { IsoDate } from '../shared/iso-date';
import { isIanaTimeZone } from '../shared/time-zone';
import type { ProjectDetails } from './project';
import { RetentionEnd } from './retention';

/** The details an admin may change after registration; the rest (owner, fund, programme...) is fixed by the funding decision. */
export type ChangeableDetails = Pick<ProjectDetails, 'name' | 'startDate' | 'endDate' | 'plannedParticipants' | 'timeZone'>;

/**
 * A change of a project's details: every changeable field as it is from now on (not a diff, so
 * the read model takes it as it stands), and why (about the project, e.g. "amended funding
 * decision 2024-05-02"; never about a person).
 */
export interface ProjectDetailsChange extends ChangeableDetails {
  projectId: string;
  reason: string;
}

/**
 * What is already recorded about the project's participants, looked up by the caller (the
 * decider does no I/O): how many are enrolled, and the earliest and latest enrolment dates
 * (null when none).
 */
export interface EnrolmentSpan {
  enrolled: number;
  earliest: IsoDate | null;
  latest: IsoDate | null;
}

/**
 * The rules a project's details hold at registration and after every change. Errors (422):
 * `PROJECT.INVALID_PERIOD`, `PROJECT.INVALID_PLANNED_PARTICIPANTS`, `PROJECT.INVALID_TIME_ZONE`.
 */
export function checkDetails(data: ChangeableDetails): void {
  if (data.endDate < data.startDate) {
    throw ruleBroken('PROJECT.INVALID_PERIOD', 'A project cannot end before it starts');
  }
  if (!Number.isInteger(data.plannedParticipants) || data.plannedParticipants < 1) {
    throw ruleBroken('PROJECT.INVALID_PLANNED_PARTICIPANTS', 'Planned participants must be a positive whole number');
  }
  if (!isIanaTimeZone(data.timeZone)) {
    throw ruleBroken('PROJECT.INVALID_TIME_ZONE', `${String(data.timeZone)} is not an IANA time zone such as Europe/Stockholm`);
  }
}

/**
 * Decides a change of a registered project's details: the event, or none when nothing changes.
 * Beyond `checkDetails` (errors all 422):
 * - `PROJECT.CHANGE_REASON_REQUIRED`: a change says why (the funder asks why a period moved).
 * - `PROJECT.TIME_ZONE_FIXED` (params `enrolled`): the zone cannot change once a participant is
 *   enrolled. Every date already recorded (enrolments, milestones, "today" when they were judged
 *   not to be in the future) was a local date of the old zone; moving the zone would silently
 *   reinterpret them, and the application caches a project's zone once it has participants.
 * - `PROJECT.PERIOD_EXCLUDES_ENROLMENTS` (params `earliest`, `latest`): the period still holds
 *   every recorded enrolment date, the rule an enrolment is checked by (participant decider: an
 *   enrolment falls within the project period); otherwise counts and participant files would
 *   include people enrolled outside the project.
 * - `PROJECT.RETENTION_BEFORE_PROJECT_END` (params `retentionEnd`): a set retention end stays
 *   on or after the project's end, the rule the retention end is set by.
 */
export function decideDetailsChange(
  change: ProjectDetailsChange,
  current: ProjectDetails,
  retention: RetentionEnd | undefined,
  enrolments: EnrolmentSpan,
): ProjectDetailsChange[] {
  const reason = change.reason.trim();
  if (reason === '') throw ruleBroken('PROJECT.CHANGE_REASON_REQUIRED', 'A change of project details says why');
  checkDetails(change);
  if (change.timeZone !== current.timeZone && enrolments.enrolled > 0) {
    throw ruleBroken('PROJECT.TIME_ZONE_FIXED', 'The time zone cannot change once participants are enrolled: their dates were recorded in it', {
      enrolled: enrolments.enrolled,
    });
  }
  const { earliest, latest } = enrolments;
  if ((earliest !== null && earliest < change.startDate) || (latest !== null && latest > change.endDate)) {
    throw ruleBroken('PROJECT.PERIOD_EXCLUDES_ENROLMENTS', `Participants are enrolled from ${earliest} to ${latest}: the period must include those dates`, {
      earliest: earliest!,
      latest: latest!,
    });
  }
  if (retention && retention.retentionEnd < change.endDate) {
    throw ruleBroken('PROJECT.RETENTION_BEFORE_PROJECT_END', `The retention end (${retention.retentionEnd}) cannot be before the project ends`, {
      retentionEnd: retention.retentionEnd,
    });
  }
  const unchanged = (['name', 'startDate', 'endDate', 'plannedParticipants', 'timeZone'] as const).every((field) => change[field] === current[field]);
  return unchanged ? [] : [{ ...change, reason }];
}
