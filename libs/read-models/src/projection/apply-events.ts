import { Insertable, Kysely } from 'kysely';
import { toDomainEvent } from '@pathway/application';
import { FREE_TEXT_FIELDS, MILESTONE_EVENT_TYPES, MilestoneEvent, ParticipantEvent, ProjectDetailsChange, ProjectEvent } from '@pathway/domain';
import { currentEntry, deriveOutcome, EnrolmentFact, MilestoneFact } from '@pathway/indicators';
import { RecordedEvent } from '@pathway/event-store';
import { enrolmentFact, milestoneFact, participantRow } from './rows';
import { MilestonesTable, ProjectsTable, ReadModelSchema } from '../schema/read-model-schema';
import { TableSet } from '../schema/table-set';

const MILESTONE_TYPES: ReadonlySet<string> = new Set(Object.values(MILESTONE_EVENT_TYPES));
/** On the timeline beside the milestones, dated by the project's day they were made. */
const DATED_ON: Readonly<Record<string, string>> = { EntryProfileCorrected: 'correctedOn', EnrolmentWithdrawn: 'withdrawnOn' };
/** Ids per `IN (...)` lookup. */
const CHUNK = 500;
/** Bound values per multi-row statement: under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_VALUES = 30_000;

interface Retraction {
  target: string;
  by: string;
  at: string;
  position: number;
}

/**
 * Applies a batch of the global log to one table set. Facts are written as they come; then each
 * participant the batch touched gets its outcome row derived again from all its facts. Every
 * write is idempotent, so seeing an event twice changes nothing.
 *
 * A rebuild from scratch defers the outcomes: it derives each participant once, at the end
 * (`deriveAllOutcomes`), instead of once per batch that touches them.
 */
export async function applyEvents(
  trx: Kysely<ReadModelSchema>,
  tables: TableSet,
  batch: RecordedEvent[],
  { deferOutcomes = false } = {},
): Promise<void> {
  const projects: Insertable<ProjectsTable>[] = [];
  const detailChanges: ProjectDetailsChange[] = [];
  const enrolments = new Map<string, EnrolmentFact>();
  const facts: Insertable<MilestonesTable>[] = [];
  const retractions: Retraction[] = [];
  const touched = new Map<string, number>();

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
      touched.set(participantId, position);
    } else if (event.type === 'MilestoneRetracted') {
      // The reason is free text about the person: it stays in the log, sealed, and in no table.
      const { retractedEventId } = event.data;
      retractions.push({ target: retractedEventId, by: recorded.eventId, at: recordedAt, position });
      touched.set(event.data.participantId, position);
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
      touched.set(participantId, position);
    }
    // Contact changes and erasures are left out: no table keeps personal data, no count depends on it.
  }

  for (const rows of rowChunks(projects)) {
    await trx.insertInto(tables.projects).values(rows).onConflict((oc) => oc.column('project_id').doNothing()).execute();
  }
  // In log order, after the registrations they change: the latest change wins, and seeing one twice sets the same values.
  for (const { projectId, name, startDate, endDate, plannedParticipants, timeZone } of detailChanges) {
    await trx
      .updateTable(tables.projects)
      .set({ name, start_date: startDate, end_date: endDate, planned_participants: plannedParticipants, time_zone: timeZone })
      .where('project_id', '=', projectId)
      .execute();
  }
  for (const rows of rowChunks(facts)) {
    await trx.insertInto(tables.milestones).values(rows).onConflict((oc) => oc.column('event_id').doNothing()).execute();
  }
  for (const r of retractions) {
    await trx
      .updateTable(tables.milestones)
      .set({ retracted_by: r.by, retracted_at: r.at, retracted_position: r.position })
      .where('event_id', '=', r.target)
      .execute();
  }
  if (deferOutcomes) {
    // The participant row is there from enrolment; its outcome columns are filled in at the end.
    const rows = [...enrolments.values()].map((e) => participantRow(e, currentEntry(e, []), deriveOutcome(e, []), touched.get(e.participantId)!));
    for (const chunk of rowChunks(rows)) {
      await trx.insertInto(tables.participants).values(chunk).onConflict((oc) => oc.column('participant_id').doNothing()).execute();
    }
    return;
  }
  for (const ids of chunks([...touched.keys()])) {
    await rederiveOutcomes(trx, tables, ids, enrolments, touched);
  }
}

/** After a deferred build: every participant's outcome derived once from all its facts. */
export async function deriveAllOutcomes(trx: Kysely<ReadModelSchema>, tables: TableSet): Promise<void> {
  let after = '';
  for (;;) {
    const ids = (
      await trx.selectFrom(tables.participants).select('participant_id').where('participant_id', '>', after).orderBy('participant_id').limit(CHUNK).execute()
    ).map((r) => r.participant_id);
    if (ids.length === 0) return;
    await rederiveOutcomes(trx, tables, ids, new Map(), null);
    after = ids.at(-1)!;
  }
}

/** `lastPositions` null: take each participant's last position from its enrolment, facts and retractions. */
async function rederiveOutcomes(
  trx: Kysely<ReadModelSchema>,
  tables: TableSet,
  participantIds: string[],
  enrolledInBatch: Map<string, EnrolmentFact>,
  lastPositions: Map<string, number> | null,
): Promise<void> {
  const earlier = participantIds.filter((id) => !enrolledInBatch.has(id));
  const stored = earlier.length
    ? await trx.selectFrom(tables.participants).selectAll().where('participant_id', 'in', earlier).execute()
    : [];
  const enrolments = new Map(enrolledInBatch);
  for (const row of stored) enrolments.set(row.participant_id, enrolmentFact(row));

  const factsOf = new Map<string, MilestoneFact[]>();
  const lastOf = new Map<string, number>();
  const recorded = await trx.selectFrom(tables.milestones).selectAll().where('participant_id', 'in', participantIds).execute();
  for (const row of recorded) {
    const last = Math.max(lastOf.get(row.participant_id) ?? 0, Number(row.position), Number(row.retracted_position ?? 0));
    lastOf.set(row.participant_id, last);
    if (row.retracted_by !== null) continue;
    const list = factsOf.get(row.participant_id) ?? [];
    list.push(milestoneFact(row));
    factsOf.set(row.participant_id, list);
  }

  const rows = participantIds.flatMap((id) => {
    const enrolment = enrolments.get(id);
    if (!enrolment) return [];
    const lastPosition = lastPositions?.get(id) ?? Math.max(enrolment.position, lastOf.get(id) ?? 0);
    const facts = factsOf.get(id) ?? [];
    return [participantRow(enrolment, currentEntry(enrolment, facts), deriveOutcome(enrolment, facts), lastPosition)];
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

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

const rowChunks = <T extends object>(rows: T[]): T[][] =>
  rows.length === 0 ? [] : chunks(rows, Math.floor(MAX_VALUES / Object.keys(rows[0]!).length));
