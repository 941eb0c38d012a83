import {
  ChangeContactDetails,
  CorrectEntryProfile,
  EnrolParticipant,
  ErasePersonalData,
  ParticipantCommand,
  RecordMilestone,
  RetractMilestone,
  WithdrawEnrolment,
} from './participant-commands';
import { applyEntryCorrection, changedFields } from './entry-correction';
import { followUpWindow } from './follow-up-window';
import { isMilestoneEvent, milestoneEvent, ParticipantEvent } from './participant-events';
import { requirePlausibleBirthDate } from './plausible-birth-date';
import { initialParticipantState, evolveParticipant, interventionOf, ParticipantState } from './participant-state';
import { Decider } from '../shared/decider';
import { assertNever, conflict, notFound, ruleBroken } from '../shared/domain-error';
import { IsoDate } from '../shared/iso-date';

export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, ParticipantState> = {
  initialState: initialParticipantState,
  evolve: evolveParticipant,
  decide(command, state) {
    switch (command.type) {
      case 'EnrolParticipant':
        return [enrol(command, state)];
      case 'RecordMilestone':
        return [recordMilestone(command, state)];
      case 'RetractMilestone':
        return [retract(command, state)];
      case 'ChangeContactDetails':
        return [changeContactDetails(command, state)];
      case 'ErasePersonalData':
        return [erasePersonalData(command, state)];
      case 'CorrectEntryProfile':
        return [correctEntryProfile(command, state)];
      case 'WithdrawEnrolment':
        return [withdrawEnrolment(command, state)];
      default:
        return assertNever(command);
    }
  },
};

function enrol({ data, project, today }: EnrolParticipant, state: ParticipantState): ParticipantEvent {
  if (!project) throw notFound('PROJECT.NOT_FOUND', 'No such project');
  if (state.status !== 'not-enrolled') {
    throw conflict('PARTICIPANT.ALREADY_ENROLLED', `Participant ${data.participantId} is already enrolled`);
  }
  notInFuture(data.enrolledOn, today, 'ENROLMENT.DATE_IN_FUTURE');
  if (data.enrolledOn < project.startDate || data.enrolledOn > project.endDate) {
    throw ruleBroken(
      'PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD',
      `Enrolment must fall within the project period ${project.startDate} to ${project.endDate}`,
    );
  }
  requirePlausibleBirthDate(data.profile, data.enrolledOn);
  const { participantId, enrolledOn, profile, personal } = data;
  return {
    type: 'ParticipantEnrolled',
    // Without personal data the key is left out, so such an enrolment reads as it always did.
    data: { participantId, projectId: project.projectId, enrolledOn, profile, ...(personal ? { personal } : {}) },
  };
}

function recordMilestone({ data, today }: RecordMilestone, state: ParticipantState): ParticipantEvent {
  const { milestone } = data;
  const enrolledOn = requireEnrolled(state);
  // Before any other rule, so nothing about another project's participant shows through.
  if (data.inProject !== undefined && state.projectId !== data.inProject) {
    throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
  }
  requireNotWithdrawn(state);
  notInFuture(milestone.occurredOn, today, 'MILESTONE.DATE_IN_FUTURE');
  notBefore(milestone.occurredOn, enrolledOn, 'MILESTONE.BEFORE_ENROLMENT', 'the enrolment date');

  switch (milestone.type) {
    case 'intervention-started':
      requireActive(state);
      notBefore(milestone.occurredOn, state.lastEntryOn!, 'MILESTONE.BEFORE_ENTRY', 'the latest entry');
      if (interventionOf(state, milestone.interventionId)) {
        throw conflict('INTERVENTION.ALREADY_STARTED', `Intervention ${milestone.interventionId} was already started`);
      }
      break;
    case 'intervention-ended': {
      requireActive(state);
      const intervention = interventionOf(state, milestone.interventionId);
      if (!intervention) {
        throw ruleBroken('INTERVENTION.NOT_STARTED', `Intervention ${milestone.interventionId} was never started`);
      }
      if (intervention.ended) {
        throw ruleBroken('INTERVENTION.ALREADY_ENDED', `Intervention ${milestone.interventionId} has already ended`);
      }
      notBefore(milestone.occurredOn, intervention.startedOn, 'INTERVENTION.ENDS_BEFORE_START', 'its start');
      break;
    }
    // Attendance is part of the programme, so only while the participant takes part in it.
    case 'group-session-attended':
    case 'exited':
      requireActive(state);
      notBefore(milestone.occurredOn, state.lastEntryOn!, 'MILESTONE.BEFORE_ENTRY', 'the latest entry');
      break;
    case 'follow-up-recorded':
      requireExited(state, milestone.type);
      notBefore(milestone.occurredOn, state.lastExitOn!, 'MILESTONE.BEFORE_EXIT', 'the exit');
      requireWithinFollowUpWindow(milestone.occurredOn, milestone.monthsAfterExit, state.lastExitOn!);
      break;
    case 're-entered':
      requireExited(state, milestone.type);
      notBefore(milestone.occurredOn, state.lastExitOn!, 'MILESTONE.BEFORE_EXIT', 'the exit');
      break;
    // Outcomes are how the situation after leaving is recorded, so they are welcome after exit.
    case 'school-completed':
    case 'qualification-gained':
    case 'education-entered':
    case 'job-search-started':
    case 'job-placed':
      break;
    default:
      assertNever(milestone);
  }
  return milestoneEvent(data.participantId, milestone);
}

function retract({ data }: RetractMilestone, state: ParticipantState): ParticipantEvent {
  requireEnrolled(state);
  requireNotWithdrawn(state);
  const target = state.recorded.get(data.eventId);
  if (!target) {
    throw ruleBroken('MILESTONE.NOT_FOUND', `Event ${data.eventId} is not a milestone of this participant`);
  }
  // An enrolment, a contact change or an erasure is not a milestone: none can be undone this way.
  if (!isMilestoneEvent(target.event)) {
    throw ruleBroken('MILESTONE.NOT_RETRACTABLE', `A ${target.event.type} event cannot be retracted`);
  }
  if (state.retracted.has(data.eventId)) {
    throw ruleBroken('MILESTONE.ALREADY_RETRACTED', `Event ${data.eventId} is already retracted`);
  }
  return {
    type: 'MilestoneRetracted',
    data: { participantId: data.participantId, retractedEventId: data.eventId, reason: data.reason },
  };
}

function changeContactDetails({ data }: ChangeContactDetails, state: ParticipantState): ParticipantEvent {
  requireEnrolled(state);
  requireNotWithdrawn(state);
  requireNotErased(state);
  return { type: 'ContactDetailsChanged', data: { participantId: data.participantId, personal: data.personal } };
}

/** Allowed when nothing personal was ever recorded too: the person may ask anyway, and the event documents it. */
function erasePersonalData({ data }: ErasePersonalData, state: ParticipantState): ParticipantEvent {
  requireEnrolled(state);
  requireNotErased(state);
  return { type: 'PersonalDataErased', data: { participantId: data.participantId, reason: data.reason } };
}

/**
 * Corrects fields of the entry profile and the enrolment date, keeping what was recorded in the
 * log. The corrected entry must be one an enrolment would have been accepted with: the date not
 * in the future (`CORRECTION.DATE_IN_FUTURE`), within the project period
 * (`PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD`), not after any milestone that counts
 * (`CORRECTION.ENROLMENT_AFTER_FIRST_MILESTONE`), a plausible birth date at that date. At least
 * one field (`CORRECTION.NO_FIELDS`) and one that changes (`CORRECTION.NOTHING_CHANGED`); the
 * event names only the changed fields. Not on a withdrawn participant (`PARTICIPANT.WITHDRAWN`),
 * nor after an erasure (`PARTICIPANT.PERSONAL_DATA_ERASED`: the reason could not be sealed).
 */
function correctEntryProfile({ data, project, today }: CorrectEntryProfile, state: ParticipantState): ParticipantEvent {
  const enrolledOn = requireEnrolled(state);
  requireNotWithdrawn(state);
  requireNotErased(state);
  if (Object.keys(data.corrected).length === 0) throw ruleBroken('CORRECTION.NO_FIELDS', 'A correction names at least one field');
  const current = { enrolledOn, profile: state.profile! };
  const changed = changedFields(current, data.corrected);
  if (Object.keys(changed).length === 0) {
    throw ruleBroken('CORRECTION.NOTHING_CHANGED', 'Every field named already holds that value');
  }
  const corrected = applyEntryCorrection(current, changed);
  if (changed.enrolledOn !== undefined) {
    if (!project) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    notInFuture(corrected.enrolledOn, today, 'CORRECTION.DATE_IN_FUTURE');
    if (corrected.enrolledOn < project.startDate || corrected.enrolledOn > project.endDate) {
      throw ruleBroken(
        'PARTICIPANT.ENROLMENT_OUTSIDE_PROJECT_PERIOD',
        `Enrolment must fall within the project period ${project.startDate} to ${project.endDate}`,
      );
    }
    const first = firstMilestoneOn(state);
    if (first !== null && corrected.enrolledOn > first) {
      throw ruleBroken('CORRECTION.ENROLMENT_AFTER_FIRST_MILESTONE', `The enrolment cannot be after the first milestone (${first})`);
    }
  }
  requirePlausibleBirthDate(corrected.profile, corrected.enrolledOn);
  return {
    type: 'EntryProfileCorrected',
    data: { participantId: data.participantId, correctedOn: today, corrected: changed, reason: data.reason },
  };
}

/**
 * Withdraws an enrolment made in error. Ground `duplicate` names the participant who stays
 * (`WITHDRAWAL.DUPLICATE_OF_REQUIRED` without; `WITHDRAWAL.DUPLICATE_OF_NOT_ALLOWED` with the
 * other ground): not this one (`WITHDRAWAL.DUPLICATE_OF_SELF`), one of the same project
 * (`WITHDRAWAL.DUPLICATE_NOT_FOUND`, also for another project's, which is not revealed), not
 * withdrawn itself (`WITHDRAWAL.DUPLICATE_WITHDRAWN`). Once only (`PARTICIPANT.WITHDRAWN`).
 * Allowed after an erasure, the reason then not kept.
 */
function withdrawEnrolment({ data, duplicate, today }: WithdrawEnrolment, state: ParticipantState): ParticipantEvent {
  requireEnrolled(state);
  requireNotWithdrawn(state);
  const { participantId, ground, duplicateOf, reason } = data;
  if (ground === 'duplicate') {
    if (duplicateOf === null) throw ruleBroken('WITHDRAWAL.DUPLICATE_OF_REQUIRED', 'A duplicate names the participant who stays');
    if (duplicateOf === participantId) throw ruleBroken('WITHDRAWAL.DUPLICATE_OF_SELF', 'A participant is not a duplicate of themself');
    if (!duplicate || duplicate.projectId !== state.projectId) {
      throw ruleBroken('WITHDRAWAL.DUPLICATE_NOT_FOUND', `No participant ${duplicateOf} in this project`);
    }
    if (duplicate.withdrawn) throw ruleBroken('WITHDRAWAL.DUPLICATE_WITHDRAWN', `Participant ${duplicateOf} is withdrawn too`);
  } else if (duplicateOf !== null) {
    throw ruleBroken('WITHDRAWAL.DUPLICATE_OF_NOT_ALLOWED', 'Only a duplicate names another participant');
  }
  return { type: 'EnrolmentWithdrawn', data: { participantId, withdrawnOn: today, ground, duplicateOf, reason } };
}

/** The earliest date among the milestones that count (retracted ones do not), or null. */
function firstMilestoneOn(state: ParticipantState): IsoDate | null {
  let first: IsoDate | null = null;
  for (const { eventId, event } of state.recorded) {
    if (!isMilestoneEvent(event) || state.retracted.has(eventId)) continue;
    if (first === null || event.data.occurredOn < first) first = event.data.occurredOn;
  }
  return first;
}

/** A withdrawn enrolment takes no more records (erasure of personal data excepted). */
function requireNotWithdrawn(state: ParticipantState): void {
  if (state.withdrawal !== null) {
    throw ruleBroken('PARTICIPANT.WITHDRAWN', 'The enrolment was withdrawn as made in error; nothing more is recorded for it');
  }
}

function requireEnrolled(state: ParticipantState): IsoDate {
  if (state.status === 'not-enrolled' || state.enrolledOn === null) {
    throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
  }
  return state.enrolledOn;
}

/** Nothing personal is recorded again for a person who was forgotten. */
function requireNotErased(state: ParticipantState): void {
  if (state.personalData === 'erased') {
    throw conflict('PARTICIPANT.PERSONAL_DATA_ERASED', "The participant's personal data was erased");
  }
}

function requireActive(state: ParticipantState): void {
  if (state.status === 'exited') {
    throw ruleBroken('PARTICIPANT.ALREADY_EXITED', 'The participant has exited; record a re-entry first', { exitedOn: state.lastExitOn! });
  }
}

function requireExited(state: ParticipantState, what: string): void {
  if (state.status !== 'exited') {
    throw ruleBroken('PARTICIPANT.NOT_EXITED', `A ${what} milestone needs the participant to have exited`);
  }
}

/** A follow-up "N months after exit" describes the situation around then, not upon leaving (see FOLLOW_UP_WINDOW). */
function requireWithinFollowUpWindow(occurredOn: IsoDate, monthsAfterExit: number, lastExitOn: IsoDate): void {
  const window = followUpWindow(lastExitOn, monthsAfterExit);
  if (occurredOn < window.from || occurredOn > window.to) {
    throw ruleBroken(
      'FOLLOW_UP.OUTSIDE_WINDOW',
      `A follow-up ${monthsAfterExit} months after the exit on ${lastExitOn} must be dated from ${window.from} to ${window.to}`,
      { date: occurredOn, monthsAfterExit, lastExitOn, from: window.from, to: window.to },
    );
  }
}

/**
 * A date after the project's today is refused (422 with params `{ date, today }`, ISO dates in the
 * project's time zone) under the code of what is dated, so the problem names the right thing:
 * `ENROLMENT.DATE_IN_FUTURE` (enrolledOn), `CORRECTION.DATE_IN_FUTURE` (the corrected enrolledOn),
 * `MILESTONE.DATE_IN_FUTURE` (occurredOn). A withdrawal is dated by the server (today), never refused so.
 */
function notInFuture(date: IsoDate, today: IsoDate, code: `${'ENROLMENT' | 'CORRECTION' | 'MILESTONE'}.DATE_IN_FUTURE`): void {
  if (date > today) throw ruleBroken(code, `${date} is in the future`, { date, today });
}

function notBefore(date: IsoDate, earliest: IsoDate, code: string, what: string): void {
  if (date < earliest) throw ruleBroken(code, `${date} is before ${what} (${earliest})`, { date, earliest });
}
