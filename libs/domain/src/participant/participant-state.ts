import { ParticipantEvent } from './participant-events';
import { PersonalDataStatus } from './sealed-data';
import { AppendOnlyList } from '../shared/append-only-list';
import { assertNever } from '../shared/domain-error';
import { IsoDate } from '../shared/iso-date';

export interface ParticipantState {
  status: 'not-enrolled' | 'active' | 'exited';
  projectId: string | null;
  /** First enrolment: no milestone may be dated before it. */
  enrolledOn: IsoDate | null;
  /** Enrolment or the latest re-entry. */
  lastEntryOn: IsoDate | null;
  lastExitOn: IsoDate | null;
  interventions: Readonly<Record<string, { startedOn: IsoDate; ended: boolean }>>;
  personalData: PersonalDataStatus;
  /**
   * Every recorded event but retractions, found by event id, so a retraction can be checked and
   * undone. Append-only lists, so folding a long stream stays linear (see AppendOnlyList).
   */
  recorded: AppendOnlyList<RecordedParticipantEvent>;
  /** Ids of retracted events. */
  retracted: AppendOnlyList<string>;
}

export interface RecordedParticipantEvent {
  eventId: string;
  event: ParticipantEvent;
}

const recordedList = () => AppendOnlyList.empty<RecordedParticipantEvent>((r) => r.eventId);
const retractedList = () => AppendOnlyList.empty<string>((id) => id);

export const initialParticipantState = (): ParticipantState => ({
  status: 'not-enrolled',
  projectId: null,
  enrolledOn: null,
  lastEntryOn: null,
  lastExitOn: null,
  interventions: {},
  personalData: 'none',
  recorded: recordedList(),
  retracted: retractedList(),
});

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent, eventId: string): ParticipantState {
  if (event.type === 'MilestoneRetracted') {
    const retracted = state.retracted.append(event.data.retractedEventId);
    const target = state.recorded.get(event.data.retractedEventId);
    // Outcomes change nothing in this state, so retracting one needs no refold: a stream of
    // many retracted outcomes folds in linear time.
    if (!target || !changesState(target.event)) return { ...state, retracted };
    // A retraction makes the milestone count nowhere: refold what is left, as if it had never been recorded.
    const refolded = state.recorded
      .filter((r) => !retracted.has(r.eventId))
      .reduce((s, r) => applyEffect(s, r.event), initialParticipantState());
    // Personal-data events are never retractable: carry their status over, so no refold undoes an erasure.
    return { ...refolded, personalData: state.personalData, recorded: state.recorded, retracted };
  }
  return { ...applyEffect(state, event), recorded: state.recorded.append({ eventId, event }) };
}

/** Whether `applyEffect` changes the state for this event: the refold above relies on it. */
function changesState(event: ParticipantEvent): boolean {
  switch (event.type) {
    case 'ParticipantEnrolled':
    case 'ParticipantReEntered':
    case 'ParticipantExited':
    case 'InterventionStarted':
    case 'InterventionEnded':
    case 'ContactDetailsChanged':
    case 'PersonalDataErased':
      return true;
    case 'SchoolCompleted':
    case 'QualificationGained':
    case 'EducationEntered':
    case 'JobSearchStarted':
    case 'JobPlaced':
    case 'FollowUpRecorded':
    case 'MilestoneRetracted':
      return false;
    default:
      return assertNever(event);
  }
}

function applyEffect(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantEnrolled':
      return {
        ...state,
        status: 'active',
        projectId: event.data.projectId,
        enrolledOn: event.data.enrolledOn,
        lastEntryOn: event.data.enrolledOn,
        personalData: event.data.personal ? 'recorded' : state.personalData,
      };
    case 'ParticipantReEntered':
      return { ...state, status: 'active', lastEntryOn: event.data.occurredOn };
    case 'ParticipantExited':
      return { ...state, status: 'exited', lastExitOn: event.data.occurredOn };
    case 'InterventionStarted':
      return {
        ...state,
        interventions: {
          ...state.interventions,
          [event.data.interventionId]: { startedOn: event.data.occurredOn, ended: false },
        },
      };
    case 'InterventionEnded': {
      const started = state.interventions[event.data.interventionId];
      if (!started) return state;
      return {
        ...state,
        interventions: { ...state.interventions, [event.data.interventionId]: { ...started, ended: true } },
      };
    }
    case 'ContactDetailsChanged':
      // Erased stays erased, whatever the log holds after it.
      return { ...state, personalData: state.personalData === 'erased' ? 'erased' : 'recorded' };
    case 'PersonalDataErased':
      return { ...state, personalData: 'erased' };
    case 'SchoolCompleted':
    case 'QualificationGained':
    case 'EducationEntered':
    case 'JobSearchStarted':
    case 'JobPlaced':
    case 'FollowUpRecorded':
    case 'MilestoneRetracted':
      return state;
    default:
      return assertNever(event);
  }
}
