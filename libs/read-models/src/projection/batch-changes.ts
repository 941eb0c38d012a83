import { Insertable } from 'kysely';
import { toDomainEvent } from '@pathway/application';
import { FREE_TEXT_FIELDS, MILESTONE_EVENT_TYPES, MilestoneEvent, ParticipantEvent, ProjectDetailsChange, ProjectEvent } from '@pathway/domain';
import { EnrolmentFact } from '@pathway/indicators';
import { RecordedEvent } from '@pathway/event-store';
import { MilestonesTable, ProjectsTable } from '../schema/read-model-schema';

const MILESTONE_TYPES: ReadonlySet<string> = new Set(Object.values(MILESTONE_EVENT_TYPES));
/** On the timeline beside the milestones, dated by the project's day they were made. */
const DATED_ON: Readonly<Record<string, string>> = { EntryProfileCorrected: 'correctedOn', EnrolmentWithdrawn: 'withdrawnOn' };

/** A `MilestoneRetracted`: the timeline row `target` (an event id) is marked, not removed. */
export interface Retraction {
  target: string;
  by: string;
  at: string;
  position: number;
}

/**
 * What a batch of the log changes, before anything is written: new projects, changes to their
 * details (in log order), enrolments (by
 * participant id), timeline rows, retractions, and each touched participant's first and last
 * position in the batch. The live projection and the rebuild both start from this, so they read every
 * event the same way and differ only in how they write.
 */
export interface BatchChanges {
  projects: Insertable<ProjectsTable>[];
  detailChanges: ProjectDetailsChange[];
  enrolments: Map<string, EnrolmentFact>;
  facts: Insertable<MilestonesTable>[];
  retractions: Retraction[];
  touched: Map<string, number>;
  /** Where the batch first touches each participant: its outcome versions from there on are derived again. */
  firstTouched: Map<string, number>;
}

/** Reads a batch of the global log (in position order) into the rows it changes; pure. */
export function collectChanges(batch: RecordedEvent[]): BatchChanges {
  const changes: BatchChanges = { projects: [], detailChanges: [], enrolments: new Map(), facts: [], retractions: [], touched: new Map(), firstTouched: new Map() };
  const { projects, detailChanges, enrolments, facts, retractions, touched, firstTouched } = changes;
  const touch = (participantId: string, position: number) => {
    touched.set(participantId, position);
    if (!firstTouched.has(participantId)) firstTouched.set(participantId, position);
  };
  for (const recorded of batch) {
    const event = toDomainEvent<ProjectEvent | ParticipantEvent>(recorded);
    const { position } = recorded;
    const recordedAt = String(recorded.metadata.recordedAt);
    if (event.type === 'ProjectRegistered') {
      const { projectId, specificObjective, startDate, endDate, plannedParticipants, timeZone, ...rest } = event.data;
      projects.push({
        project_id: projectId,
        ...rest,
        specific_objective: specificObjective,
        start_date: startDate,
        end_date: endDate,
        planned_participants: plannedParticipants,
        time_zone: timeZone,
        recorded_at: recordedAt,
        position,
      });
    } else if (event.type === 'ProjectDetailsChanged') {
      // The reason stays in the log: no table needs it.
      detailChanges.push(event.data);
    } else if (event.type === 'ParticipantEnrolled') {
      // Field by field: the sealed `personal` block has no place in any table.
      const { participantId, projectId, enrolledOn, profile } = event.data;
      enrolments.set(participantId, { participantId, projectId, enrolledOn, profile, recordedAt, position });
      touch(participantId, position);
    } else if (event.type === 'MilestoneRetracted') {
      // The reason is free text about the person: it stays in the log, sealed, and in no table.
      const { retractedEventId } = event.data;
      retractions.push({ target: retractedEventId, by: recorded.eventId, at: recordedAt, position });
      touch(event.data.participantId, position);
    } else if (event.type === 'EntryProfileCorrected' || event.type === 'EnrolmentWithdrawn' || MILESTONE_TYPES.has(event.type)) {
      const { participantId, occurredOn, ...details } = timelineFields(event as ParticipantEvent);
      facts.push({
        event_id: recorded.eventId,
        participant_id: participantId,
        project_id: String(recorded.metadata.projectId),
        position,
        type: event.type,
        occurred_on: occurredOn,
        recorded_at: recordedAt,
        details: JSON.stringify(withoutFreeText(event.type, details)),
        recorded_by: String(recorded.metadata.actor),
        retracted_by: null,
        retracted_at: null,
        retracted_position: null,
      });
      touch(participantId, position);
    }
    // Contact changes and erasures are left out: no table keeps personal data, no count depends on it.
  }
  return changes;
}

/**
 * Marks the facts of this same batch that a retraction in it targets, in memory, and answers the
 * retractions left (of facts written by earlier batches). A rebuild then writes each such fact
 * once, already marked, instead of inserting it and updating it in the same transaction.
 */
export function retractWithinBatch(changes: BatchChanges): Retraction[] {
  if (changes.retractions.length === 0) return [];
  const byId = new Map(changes.facts.map((f) => [f.event_id, f]));
  return changes.retractions.filter((r) => {
    const fact = byId.get(r.target);
    if (!fact) return true;
    Object.assign(fact, { retracted_by: r.by, retracted_at: r.at, retracted_position: r.position });
    return false;
  });
}

/** A timeline event's participant, date and details: a correction's or withdrawal's date is the day it was made. */
function timelineFields(event: ParticipantEvent): { participantId: string; occurredOn: string } & Record<string, unknown> {
  const dateField = DATED_ON[event.type];
  if (!dateField) return (event as MilestoneEvent).data;
  const { [dateField]: occurredOn, ...rest } = event.data as unknown as Record<string, unknown>;
  return { ...rest, occurredOn } as { participantId: string; occurredOn: string } & Record<string, unknown>;
}

/**
 * A milestone's details without its free-text fields (a qualification's text): no table holds
 * free text, sealed or in clear, so erasure never has to reach a read model and a rebuild after
 * it equals the live tables. The pathway view opens the text from the log (apps/api).
 */
function withoutFreeText(type: string, details: Record<string, unknown>): Record<string, unknown> {
  const fields = FREE_TEXT_FIELDS[type];
  if (!fields) return details;
  return Object.fromEntries(Object.entries(details).filter(([field]) => !fields.includes(field)));
}
