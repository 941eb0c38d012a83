import { MILESTONE_EVENT_TYPES, MilestoneEvent, ParticipantEvent } from '@pathway/domain';
import { RecordedEvent } from '@pathway/event-store';

export const PARTICIPANT_MILESTONES_TOPIC = 'pathway.participant-milestones.v1';
export const PARTICIPANT_MILESTONE_SCHEMA = 'pathway.participant-milestone.v1';

/**
 * What other systems learn of a participant's pathway: pseudonymous ids, dates and codes.
 * Never the entry profile (health, migration background) nor its corrections, never free text (a
 * qualification's name, the reason of a retraction, correction, withdrawal or erasure), never
 * personal data, sealed or not: only values from closed lists and pseudonymous ids, copied field by field.
 */
export interface ParticipantMilestoneV1 {
  schema: typeof PARTICIPANT_MILESTONE_SCHEMA;
  eventId: string;
  participantId: string;
  projectId: string;
  milestone: string;
  occurredOn: string | null;
  recordedAt: string;
  codes: Record<string, string | number | boolean | null>;
  retractedEventId: string | null;
}

const MILESTONE_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(MILESTONE_EVENT_TYPES).map(([milestone, eventType]) => [eventType, milestone]),
);

/** The closed-list fields each milestone may carry across; anything else stays home. */
const CODES: Record<Exclude<MilestoneEvent['type'], 'GroupSessionAttended'>, readonly string[]> = {
  InterventionStarted: ['interventionId', 'kind'],
  InterventionEnded: ['interventionId', 'outcome'],
  SchoolCompleted: ['level', 'fullGrades'],
  QualificationGained: ['iscedLevel'],
  EducationEntered: ['programme'],
  JobSearchStarted: [],
  JobPlaced: ['employment', 'contract', 'hoursPerWeek'],
  ParticipantExited: ['reason', 'situation'],
  FollowUpRecorded: ['monthsAfterExit', 'situation', 'improvedSituation'],
  ParticipantReEntered: [],
};

/** The integration event for a stored domain event, or null for events that do not cross. */
export function toParticipantMilestone(recorded: RecordedEvent): ParticipantMilestoneV1 | null {
  const event = { type: recorded.type, data: recorded.data } as ParticipantEvent;
  switch (event.type) {
    case 'ParticipantEnrolled':
      return milestoneOf(recorded, event.data.participantId, 'enrolled', event.data.enrolledOn, {});
    case 'MilestoneRetracted':
      return milestoneOf(recorded, event.data.participantId, 'retracted', null, {}, event.data.retractedEventId);
    case 'PersonalDataErased':
      // A notice, so consumers forget whatever they tied to this id too. It has no date of its own
      // (occurredOn null): the erasure took effect when it was recorded, which recordedAt says.
      return milestoneOf(recorded, event.data.participantId, 'personal-data-erased', null, {});
    case 'ContactDetailsChanged':
      return null;
    case 'EntryProfileCorrected':
      // The entry profile never crosses, so neither do its corrections; a corrected enrolment date
      // does, since consumers were told the first one: `occurredOn` is the enrolment's date now.
      if (event.data.corrected.enrolledOn === undefined) return null;
      return milestoneOf(recorded, event.data.participantId, 'enrolment-corrected', event.data.corrected.enrolledOn, {});
    case 'EnrolmentWithdrawn':
      // Consumers drop the participant from their counts too; a duplicate names the pseudonymous id that stays.
      return milestoneOf(recorded, event.data.participantId, 'enrolment-withdrawn', event.data.withdrawnOn, {
        ground: event.data.ground,
        duplicateOf: event.data.duplicateOf,
      });
    // Not in v1's closed list of milestones (consumers validate against it): attendance crosses
    // only with a new contract version that adds it and its session kinds.
    case 'GroupSessionAttended':
      return null;
    default: {
      const fields = CODES[event.type as keyof typeof CODES];
      if (!fields) return null;
      const data = event.data as Record<string, unknown>;
      const codes: ParticipantMilestoneV1['codes'] = {};
      for (const field of fields) codes[field] = (data[field] ?? null) as string | number | boolean | null;
      return milestoneOf(recorded, String(data.participantId), MILESTONE_NAMES[event.type]!, String(data.occurredOn), codes);
    }
  }
}

/**
 * One message, its fields always in this order (the JSON consumers have seen since v1 began):
 * built as one literal rather than spread from a shared base, since the relay makes one per
 * event and the spread was most of the translation's cost.
 */
function milestoneOf(
  recorded: RecordedEvent,
  participantId: string,
  milestone: string,
  occurredOn: string | null,
  codes: ParticipantMilestoneV1['codes'],
  retractedEventId: string | null = null,
): ParticipantMilestoneV1 {
  return {
    schema: PARTICIPANT_MILESTONE_SCHEMA,
    eventId: recorded.eventId,
    projectId: String(recorded.metadata.projectId),
    recordedAt: String(recorded.metadata.recordedAt),
    retractedEventId,
    participantId,
    milestone,
    occurredOn,
    codes,
  };
}
