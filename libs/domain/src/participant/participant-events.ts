import { EntryProfile } from './entry-profile';
import { Milestone, MilestoneType } from './milestone';
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
} as const satisfies Record<MilestoneType, string>;

export type ParticipantEnrolled = {
  type: 'ParticipantEnrolled';
  data: { participantId: string; projectId: string; enrolledOn: IsoDate; profile: EntryProfile };
};

/** One event type per milestone: `JobPlaced` carries the fields of a `job-placed` milestone. */
type MilestoneEventOf<M extends Milestone> = M extends Milestone
  ? { type: (typeof MILESTONE_EVENT_TYPES)[M['type']]; data: Omit<M, 'type'> & { participantId: string } }
  : never;
export type MilestoneEvent = MilestoneEventOf<Milestone>;

export type MilestoneRetracted = {
  type: 'MilestoneRetracted';
  data: { participantId: string; retractedEventId: string; reason: string };
};

export type ParticipantEvent = ParticipantEnrolled | MilestoneEvent | MilestoneRetracted;
export type ParticipantEventType = ParticipantEvent['type'];

export function milestoneEvent(participantId: string, milestone: Milestone): MilestoneEvent {
  const { type, ...fields } = milestone;
  return { type: MILESTONE_EVENT_TYPES[type], data: { participantId, ...fields } } as MilestoneEvent;
}
