import { Insertable, Kysely } from 'kysely';
import { toDomainEvent } from '@pathway/application';
import { MILESTONE_EVENT_TYPES, MilestoneEvent, ParticipantEvent, ProjectEvent } from '@pathway/domain';
import { deriveOutcome, EnrolmentFact, MilestoneFact } from '@pathway/indicators';
import { RecordedEvent } from '@pathway/event-store';
import { enrolmentFact, milestoneFact, participantRow } from './rows';
import { MilestonesTable, ProjectsTable, ReadModelSchema } from '../schema/read-model-schema';
import { TableSet } from '../schema/table-set';

const MILESTONE_TYPES: ReadonlySet<string> = new Set(Object.values(MILESTONE_EVENT_TYPES));
/** Rows per multi-row statement: well under SQLite's and PostgreSQL's limits on bound values. */
const CHUNK = 400;

interface Retraction {
  target: string;
  by: string;
  at: string;
  position: number;
  reason: string;
}

/**
 * Applies a batch of the global log to one table set. Facts are written as they come; then each
 * participant the batch touched gets its outcome row derived again from all its facts. Every
 * write is idempotent, so seeing an event twice changes nothing.
 */
export async function applyEvents(trx: Kysely<ReadModelSchema>, tables: TableSet, batch: RecordedEvent[]): Promise<void> {
  const projects: Insertable<ProjectsTable>[] = [];
  const enrolments = new Map<string, EnrolmentFact>();
  const facts: Insertable<MilestonesTable>[] = [];
  const retractions: Retraction[] = [];
  const touched = new Map<string, number>();

  for (const recorded of batch) {
    const event = toDomainEvent<ProjectEvent | ParticipantEvent>(recorded);
    const { position } = recorded;
    const recordedAt = String(recorded.metadata.recordedAt);
    if (event.type === 'ProjectRegistered') {
      const { projectId, specificObjective, startDate, endDate, plannedParticipants, ...rest } = event.data;
      projects.push({
        project_id: projectId,
        ...rest,
        specific_objective: specificObjective,
        start_date: startDate,
        end_date: endDate,
        planned_participants: plannedParticipants,
        recorded_at: recordedAt,
        position,
      });
    } else if (event.type === 'ParticipantEnrolled') {
      enrolments.set(event.data.participantId, { ...event.data, recordedAt, position });
      touched.set(event.data.participantId, position);
    } else if (event.type === 'MilestoneRetracted') {
      const { retractedEventId, reason } = event.data;
      retractions.push({ target: retractedEventId, by: recorded.eventId, at: recordedAt, position, reason });
      touched.set(event.data.participantId, position);
    } else if (MILESTONE_TYPES.has(event.type)) {
      const { participantId, occurredOn, ...details } = (event as MilestoneEvent).data;
      facts.push({
        event_id: recorded.eventId,
        participant_id: participantId,
        project_id: String(recorded.metadata.projectId),
        position,
        type: event.type,
        occurred_on: occurredOn,
        recorded_at: recordedAt,
        details: JSON.stringify(details),
        recorded_by: String(recorded.metadata.actor),
        retracted_by: null,
        retracted_at: null,
        retracted_position: null,
        retraction_reason: null,
      });
      touched.set(participantId, position);
    }
  }

  for (const rows of chunks(projects)) {
    await trx.insertInto(tables.projects).values(rows).onConflict((oc) => oc.column('project_id').doNothing()).execute();
  }
  for (const rows of chunks(facts)) {
    await trx.insertInto(tables.milestones).values(rows).onConflict((oc) => oc.column('event_id').doNothing()).execute();
  }
  for (const r of retractions) {
    await trx
      .updateTable(tables.milestones)
      .set({ retracted_by: r.by, retracted_at: r.at, retracted_position: r.position, retraction_reason: r.reason })
      .where('event_id', '=', r.target)
      .execute();
  }
  for (const ids of chunks([...touched.keys()])) {
    await rederiveOutcomes(trx, tables, ids, enrolments, touched);
  }
}

async function rederiveOutcomes(
  trx: Kysely<ReadModelSchema>,
  tables: TableSet,
  participantIds: string[],
  enrolledInBatch: Map<string, EnrolmentFact>,
  lastPositions: Map<string, number>,
): Promise<void> {
  const earlier = participantIds.filter((id) => !enrolledInBatch.has(id));
  const stored = earlier.length
    ? await trx.selectFrom(tables.participants).selectAll().where('participant_id', 'in', earlier).execute()
    : [];
  const enrolments = new Map(enrolledInBatch);
  for (const row of stored) enrolments.set(row.participant_id, enrolmentFact(row));

  const factsOf = new Map<string, MilestoneFact[]>();
  const effective = await trx
    .selectFrom(tables.milestones)
    .selectAll()
    .where('participant_id', 'in', participantIds)
    .where('retracted_by', 'is', null)
    .execute();
  for (const row of effective) {
    const list = factsOf.get(row.participant_id) ?? [];
    list.push(milestoneFact(row));
    factsOf.set(row.participant_id, list);
  }

  const rows = participantIds.flatMap((id) => {
    const enrolment = enrolments.get(id);
    return enrolment ? [participantRow(enrolment, deriveOutcome(enrolment, factsOf.get(id) ?? []), lastPositions.get(id)!)] : [];
  });
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'participant_id') as Array<keyof (typeof rows)[number]>;
  await trx
    .insertInto(tables.participants)
    .values(rows)
    .onConflict((oc) =>
      oc.column('participant_id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
    )
    .execute();
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}
