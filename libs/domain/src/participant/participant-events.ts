import { EntryCorrection } from './entry-correction';
import { EntryProfile } from './entry-profile';
import { Milestone, MilestoneType } from './milestone';
import { FreeText } from './free-text';
import { SealedData } from './sealed-data';
import { IsoDate } from '../shared/iso-date';

/** Event type names are public contracts: past tense, independent of class or API names. */
export const MILESTONE_EVENT_TYPES = {
  'intervention-started': 'InterventionStarted',
  'intervention-ended': 'InterventionEnded',
  'school-completed': 'SchoolCompleted',
  'qualification-gained': 'QualificationGained',
  'education-entered': 'EducationEntered',
  'job-search-started': 'JobSearchStarted',
  'job-placed': 'JobPlaced',
  exited: 'ParticipantExited',
  'follow-up-recorded': 'FollowUpRecorded',
  're-entered': 'ParticipantReEntered',
  'group-session-attended': 'GroupSessionAttended',
} as const satisfies Record<MilestoneType, string>;

/** `personal` is present only when the caseworker recorded personal data at enrolment. */
export type ParticipantEnrolled = {
  type: 'ParticipantEnrolled';
  data: { participantId: string; projectId: string; enrolledOn: IsoDate; profile: EntryProfile; personal?: SealedData };
};

/** One event type per milestone: `JobPlaced` carries the fields of a `job-placed` milestone. */
type MilestoneEventOf<M extends Milestone> = M extends Milestone
  ? { type: (typeof MILESTONE_EVENT_TYPES)[M['type']]; data: Omit<M, 'type'> & { participantId: string } }
  : never;
export type MilestoneEvent = MilestoneEventOf<Milestone>;

export type MilestoneRetracted = {
  type: 'MilestoneRetracted';
  /** `reason` is free text, sealed with the participant's key (schema version 2). */
  data: { participantId: string; retractedEventId: string; reason: FreeText };
};

/** New contact details replace the old ones as a whole, sealed like those at enrolment. */
export type ContactDetailsChanged = {
  type: 'ContactDetailsChanged';
  data: { participantId: string; personal: SealedData };
};

/**
 * The person asked to be forgotten. The application destroys their key, so every sealed copy is
 * unreadable; the anonymous pathway stays and still counts. The reason documents the request for
 * admins: sealed with the installation's audit key (schema version 2), not the participant's.
 */
export type PersonalDataErased = {
  type: 'PersonalDataErased';
  data: { participantId: string; reason: FreeText };
};

/**
 * Fields of the entry profile or the enrolment date were recorded wrong. Names only the corrected
 * fields, with their corrected values; the enrolment keeps what was recorded, so a report as known
 * on an earlier instant still shows it. `correctedOn` is the project's date when it was made;
 * `reason` is free text, sealed with the participant's key.
 */
export type EntryProfileCorrected = {
  type: 'EntryProfileCorrected';
  data: { participantId: string; correctedOn: IsoDate; corrected: EntryCorrection; reason: FreeText };
};

/** Why an enrolment was made in error: the person never took part, or is already enrolled under another id. */
export const WITHDRAWAL_GROUNDS = ['never-took-part', 'duplicate'] as const;
export type WithdrawalGround = (typeof WITHDRAWAL_GROUNDS)[number];

/**
 * The enrolment was made in error: from this event on the participant counts nowhere and takes no
 * more records. `duplicateOf` names the participant of the same project who stays (ground
 * `duplicate`), else null. `withdrawnOn` is the project's date; `reason` is sealed free text.
 */
export type EnrolmentWithdrawn = {
  type: 'EnrolmentWithdrawn';
  data: { participantId: string; withdrawnOn: IsoDate; ground: WithdrawalGround; duplicateOf: string | null; reason: FreeText };
};

export type ParticipantEvent =
  | ParticipantEnrolled
  | MilestoneEvent
  | MilestoneRetracted
  | ContactDetailsChanged
  | PersonalDataErased
  | EntryProfileCorrected
  | EnrolmentWithdrawn;
export type ParticipantEventType = ParticipantEvent['type'];

const MILESTONE_EVENT_TYPE_NAMES: ReadonlySet<string> = new Set(Object.values(MILESTONE_EVENT_TYPES));

export const isMilestoneEvent = (event: ParticipantEvent): event is MilestoneEvent =>
  MILESTONE_EVENT_TYPE_NAMES.has(event.type);

export function milestoneEvent(participantId: string, milestone: Milestone): MilestoneEvent {
  const { type, ...fields } = milestone;
  return { type: MILESTONE_EVENT_TYPES[type], data: { participantId, ...fields } } as MilestoneEvent;
}
