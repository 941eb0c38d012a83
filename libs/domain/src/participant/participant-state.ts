import { applyEntryCorrection } from './entry-correction';
import { EntryProfile } from './entry-profile';
import { ParticipantEvent, WithdrawalGround } from './participant-events';
import { PersonalDataStatus } from './sealed-data';
import { AppendOnlyList } from '../shared/append-only-list';
import { assertNever } from '../shared/domain-error';
import { IsoDate } from '../shared/iso-date';

export interface ParticipantState {
  status: 'not-enrolled' | 'active' | 'exited';
  projectId: string | null;
  /** First enrolment, as corrected: no milestone may be dated before it. */
  enrolledOn: IsoDate | null;
  /** The entry profile as corrected (`applyEntryCorrection`). */
  profile: EntryProfile | null;
  /** Set once the enrolment was withdrawn as made in error: nothing more is recorded then. */
  withdrawal: { ground: WithdrawalGround; duplicateOf: string | null } | null;
  /** Enrolment or the latest re-entry. */
  lastEntryOn: IsoDate | null;
  lastExitOn: IsoDate | null;
  /** Each intervention's latest standing, by id (read it with `interventionOf`). */
  interventions: AppendOnlyList<InterventionStanding>;
  personalData: PersonalDataStatus;
  /**
   * Every recorded event but retractions, found by event id, so a retraction can be checked and
   * undone. Append-only lists throughout, so folding a long stream stays linear (AppendOnlyList).
   */
  recorded: AppendOnlyList<RecordedParticipantEvent>;
  /** Ids of retracted events. */
  retracted: AppendOnlyList<string>;
  /** Enrolment, re-entries and exits, in order: what status and the entry and exit dates come from. */
  movements: AppendOnlyList<RecordedParticipantEvent>;
  /** Intervention starts and ends, found by intervention id. */
  interventionEvents: AppendOnlyList<RecordedParticipantEvent>;
}

export interface RecordedParticipantEvent {
  eventId: string;
  event: ParticipantEvent;
}

export interface Intervention {
  startedOn: IsoDate;
  ended: boolean;
}

/** An intervention as it stands after an event; null once its start was retracted. */
export interface InterventionStanding {
  interventionId: string;
  intervention: Intervention | null;
}

/** The intervention as it stands, or null if it was never (effectively) started. */
export function interventionOf(state: ParticipantState, interventionId: string): Intervention | null {
  return state.interventions.get(interventionId)?.intervention ?? null;
}

const byEventId = (r: RecordedParticipantEvent) => r.eventId;
const byInterventionId = (r: RecordedParticipantEvent) => ('interventionId' in r.event.data ? String(r.event.data.interventionId) : '');

export const initialParticipantState = (): ParticipantState => ({
  status: 'not-enrolled',
  projectId: null,
  enrolledOn: null,
  profile: null,
  withdrawal: null,
  lastEntryOn: null,
  lastExitOn: null,
  interventions: AppendOnlyList.empty((standing) => standing.interventionId),
  personalData: 'none',
  recorded: AppendOnlyList.empty(byEventId),
  retracted: AppendOnlyList.empty((id) => id),
  movements: AppendOnlyList.empty(byEventId),
  interventionEvents: AppendOnlyList.empty(byInterventionId),
});

/**
 * One event more. A retraction makes the milestone count nowhere, as if it had never been
 * recorded; rather than refolding the whole stream, only what the milestone touched is worked
 * out again (the movements for an entry or exit, the one intervention for its start or end), so
 * every event costs about the same however long the stream (proven equal to a fold of the
 * effective events in participant-state.spec.ts).
 */
export function evolveParticipant(state: ParticipantState, event: ParticipantEvent, eventId: string): ParticipantState {
  const recorded = { eventId, event };
  if (event.type !== 'MilestoneRetracted') return { ...applyEffect(state, recorded), recorded: state.recorded.append(recorded) };

  const retracted = state.retracted.append(event.data.retractedEventId);
  const target = state.recorded.get(event.data.retractedEventId);
  const effective = (r: RecordedParticipantEvent) => !retracted.has(r.eventId);
  switch (target?.event.type) {
    case 'ParticipantReEntered':
    case 'ParticipantExited':
      return { ...state, ...movementFields(state.movements, effective, state.enrolledOn), retracted };
    case 'InterventionStarted':
    case 'InterventionEnded': {
      const interventionId = byInterventionId(target);
      const intervention = state.interventionEvents.allWith(interventionId).filter(effective).reduce(nextStanding, null);
      return { ...state, interventions: state.interventions.append({ interventionId, intervention }), retracted };
    }
    case 'ParticipantEnrolled':
    case 'ContactDetailsChanged':
    case 'PersonalDataErased':
    case 'EntryProfileCorrected':
    case 'EnrolmentWithdrawn': {
      // Not retractable (the decider refuses): should the log hold one anyway, refold it all.
      const refolded = state.recorded.filter(effective).reduce(applyEffect, initialParticipantState());
      // Personal-data status is carried over, so no refold undoes an erasure.
      return { ...refolded, personalData: state.personalData, recorded: state.recorded, retracted };
    }
    default:
      // An outcome (or an unknown id): nothing in this state came from it.
      return { ...state, retracted };
  }
}

/** Status and entry and exit dates from the latest effective movements; `enrolledOn` is the enrolment's date as corrected. */
function movementFields(
  movements: AppendOnlyList<RecordedParticipantEvent>,
  effective: (r: RecordedParticipantEvent) => boolean,
  enrolledOn: IsoDate | null,
) {
  const isExit = (r: RecordedParticipantEvent) => r.event.type === 'ParticipantExited';
  const last = movements.findLast(effective);
  const lastEntry = movements.findLast((r) => effective(r) && !isExit(r));
  const lastExit = movements.findLast((r) => effective(r) && isExit(r));
  return {
    status: !last ? ('not-enrolled' as const) : isExit(last) ? ('exited' as const) : ('active' as const),
    lastEntryOn: lastEntry ? movementDate(lastEntry.event, enrolledOn) : null,
    lastExitOn: lastExit ? movementDate(lastExit.event, enrolledOn) : null,
  };
}

function movementDate(event: ParticipantEvent, enrolledOn: IsoDate | null): IsoDate {
  return event.type === 'ParticipantEnrolled' ? (enrolledOn ?? event.data.enrolledOn) : (event.data as { occurredOn: IsoDate }).occurredOn;
}

/** An intervention after one more of its own events. */
function nextStanding(intervention: Intervention | null, { event }: RecordedParticipantEvent): Intervention | null {
  if (event.type === 'InterventionStarted') return { startedOn: event.data.occurredOn, ended: false };
  if (event.type === 'InterventionEnded' && intervention) return { ...intervention, ended: true };
  return intervention;
}

function applyEffect(state: ParticipantState, recorded: RecordedParticipantEvent): ParticipantState {
  const { event } = recorded;
  switch (event.type) {
    case 'ParticipantEnrolled':
      return {
        ...state,
        status: 'active',
        projectId: event.data.projectId,
        enrolledOn: event.data.enrolledOn,
        profile: event.data.profile,
        lastEntryOn: event.data.enrolledOn,
        personalData: event.data.personal ? 'recorded' : state.personalData,
        movements: state.movements.append(recorded),
      };
    case 'ParticipantReEntered':
      return { ...state, status: 'active', lastEntryOn: event.data.occurredOn, movements: state.movements.append(recorded) };
    case 'ParticipantExited':
      return { ...state, status: 'exited', lastExitOn: event.data.occurredOn, movements: state.movements.append(recorded) };
    case 'InterventionStarted':
    case 'InterventionEnded': {
      const { interventionId } = event.data;
      const intervention = nextStanding(interventionOf(state, interventionId), recorded);
      return {
        ...state,
        interventions: state.interventions.append({ interventionId, intervention }),
        interventionEvents: state.interventionEvents.append(recorded),
      };
    }
    case 'ContactDetailsChanged':
      // Erased stays erased, whatever the log holds after it.
      return { ...state, personalData: state.personalData === 'erased' ? 'erased' : 'recorded' };
    case 'PersonalDataErased':
      return { ...state, personalData: 'erased' };
    case 'EntryProfileCorrected': {
      if (state.enrolledOn === null || state.profile === null) return state;
      const corrected = applyEntryCorrection({ enrolledOn: state.enrolledOn, profile: state.profile }, event.data.corrected);
      // A corrected enrolment date moves the latest entry too while no re-entry came after it.
      const movements = movementFields(state.movements, (r) => !state.retracted.has(r.eventId), corrected.enrolledOn);
      return { ...state, ...movements, enrolledOn: corrected.enrolledOn, profile: corrected.profile };
    }
    case 'EnrolmentWithdrawn':
      return { ...state, withdrawal: { ground: event.data.ground, duplicateOf: event.data.duplicateOf } };
    case 'SchoolCompleted':
    case 'QualificationGained':
    case 'EducationEntered':
    case 'JobSearchStarted':
    case 'JobPlaced':
    case 'FollowUpRecorded':
    case 'GroupSessionAttended':
    case 'MilestoneRetracted':
      return state;
    default:
      return assertNever(event);
  }
}
