import { Kysely, Selectable } from 'kysely';
import { EnrolmentFact } from '@pathway/indicators';
import { RecordedEvent } from '@pathway/event-store';
import { BatchChanges, collectChanges } from './batch-changes';
import { byParticipant, OutcomeVersion, outcomeVersions } from './outcome-versions';
import { ENROLMENT_COLUMNS, enrolmentFact, outcomeRows } from './rows';
import { storeOutcomeCodes } from '../queries/report-cells';
import { MilestonesTable, ReadModelSchema } from '../schema/read-model-schema';
import { TableSet } from '../schema/table-set';

/** Ids per `IN (...)` lookup. */
const CHUNK = 500;
/** Bound values per multi-row statement: under SQLite's limit (32,766) and PostgreSQL's (65,535). */
const MAX_VALUES = 30_000;

/**
 * Applies a batch of the global log to one table set. Facts are written as they come; then each
 * participant the batch touched gets its outcome row derived again from all its facts, and its
 * outcome versions from the batch's first event of it on (`outcomeVersions`). Every
 * write is idempotent, so seeing an event twice changes nothing. (A rebuild from scratch writes
 * the same rows in bulk instead: see bulk-load.ts.)
 */
export async function applyEvents(trx: Kysely<ReadModelSchema>, tables: TableSet, batch: RecordedEvent[]): Promise<void> {
  const changes = collectChanges(batch);
  const { projects, enrolments, facts, retractions, touched, firstTouched } = changes;
  for (const rows of rowChunks(projects)) {
    await trx.insertInto(tables.projects).values(rows).onConflict((oc) => oc.column('project_id').doNothing()).execute();
  }
  await applyDetailChanges(trx, tables, changes);
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
  for (const ids of chunks([...touched.keys()])) {
    await rederiveOutcomes(trx, tables, ids, enrolments, touched, firstTouched);
  }
}

/**
 * A batch's changes to project details, in log order after the registrations they change (the
 * live projection and the rebuild both call it): the latest change wins, and seeing one twice
 * sets the same values.
 */
export async function applyDetailChanges(trx: Kysely<ReadModelSchema>, tables: TableSet, { detailChanges }: BatchChanges): Promise<void> {
  for (const { projectId, name, startDate, endDate, plannedParticipants, timeZone } of detailChanges) {
    await trx
      .updateTable(tables.projects)
      .set({ name, start_date: startDate, end_date: endDate, planned_participants: plannedParticipants, time_zone: timeZone })
      .where('project_id', '=', projectId)
      .execute();
  }
}

async function rederiveOutcomes(
  trx: Kysely<ReadModelSchema>,
  tables: TableSet,
  participantIds: string[],
  enrolledInBatch: Map<string, EnrolmentFact>,
  lastPositions: Map<string, number>,
  firstPositions: Map<string, number>,
): Promise<void> {
  const earlier = participantIds.filter((id) => !enrolledInBatch.has(id));
  const stored = earlier.length
    ? await trx.selectFrom(tables.participants).select(ENROLMENT_COLUMNS).where('participant_id', 'in', earlier).execute()
    : [];
  const enrolments = new Map(enrolledInBatch);
  for (const row of stored) enrolments.set(row.participant_id, enrolmentFact(row));
  const recorded = await trx.selectFrom(tables.milestones).selectAll().where('participant_id', 'in', participantIds).execute();
  const rows = outcomeRows(participantIds, enrolments, recorded, lastPositions);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'participant_id') as Array<keyof (typeof rows)[number]>;
  await trx
    .insertInto(tables.participants)
    .values(rows)
    .onConflict((oc) =>
      oc.column('participant_id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
    )
    .execute();
  await storeOutcomeCodes(trx, tables.participants, participantIds);
  await rederiveVersions(trx, tables, participantIds, enrolments, recorded, firstPositions);
}

/**
 * The outcome versions of the participants `participantIds` (each with its enrolment in
 * `enrolments` and every timeline row in `recorded`) from the batch's first event of each (`firstPositions`) on: the version holding
 * just before it is ended there or extended, later ones (a batch seen again) are replaced. A
 * participant with thousands of events costs one derivation per event of the batch, not one per
 * event of its stream.
 */
async function rederiveVersions(
  trx: Kysely<ReadModelSchema>,
  tables: TableSet,
  participantIds: string[],
  enrolments: Map<string, EnrolmentFact>,
  recorded: Selectable<MilestonesTable>[],
  firstPositions: Map<string, number>,
): Promise<void> {
  const ids = participantIds.filter((id) => enrolments.has(id));
  if (ids.length === 0) return;
  const earliest = Math.min(...ids.map((id) => firstPositions.get(id)!));
  // Usually just each one's current version: only a batch seen again has versions ending past its start.
  const stored = await trx
    .selectFrom(tables.versions)
    .selectAll()
    .where('participant_id', 'in', ids)
    .where((eb) => eb.or([eb('to_position', 'is', null), eb('to_position', '>=', earliest)]))
    .execute();
  const storedOf = byParticipant(stored);
  const timelineOf = byParticipant(recorded);
  const versions: OutcomeVersion[] = [];
  for (const id of ids) {
    const enrolment = enrolments.get(id)!;
    const since = firstPositions.get(id)!;
    const mine = storedOf.get(id) ?? [];
    const previous = mine.find((v) => Number(v.from_position) < since && (v.to_position === null || Number(v.to_position) >= since)) ?? null;
    if (mine.some((v) => Number(v.from_position) >= since)) {
      await trx.deleteFrom(tables.versions).where('participant_id', '=', id).where('from_position', '>=', since).execute();
    }
    const timeline = timelineOf.get(id) ?? [];
    versions.push(...(previous ? outcomeVersions(enrolment, timeline, previous, since) : outcomeVersions(enrolment, timeline)));
  }
  for (const rows of rowChunks(versions)) {
    await trx
      .insertInto(tables.versions)
      .values(rows)
      .onConflict((oc) => oc.columns(['participant_id', 'from_position']).doUpdateSet((eb) => ({ to_position: eb.ref('excluded.to_position') })))
      .execute();
  }
  await storeOutcomeCodes(trx, tables.versions, ids);
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

const rowChunks = <T extends object>(rows: T[]): T[][] =>
  rows.length === 0 ? [] : chunks(rows, Math.floor(MAX_VALUES / Object.keys(rows[0]!).length));
