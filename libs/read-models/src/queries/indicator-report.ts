import { Kysely, Selectable, sql } from 'kysely';
import { IsoDate } from '@pathway/domain';
import {
  CATALOGUE_VERSION,
  computeIndicatorReport,
  countIndicatorReport,
  deriveOutcome,
  IndicatorReport,
  MilestoneFact,
  ParticipantOutcome,
} from '@pathway/indicators';
import { ENROLMENT_COLUMNS, enrolmentFact, milestoneFact, outcomeOf } from '../projection/rows';
import { MilestonesTable, ParticipantsTable, ReadModelSchema } from '../schema/read-model-schema';
import { groupedCells } from './report-cells';

export interface IndicatorReportQuery {
  from: IsoDate | null;
  to: IsoDate;
  /**
   * An instant (ISO 8601, UTC): only events the store committed at or before it count. Null: all
   * applied so far. Counting follows `cutOffPosition`, which the event store gives for it.
   */
  asKnownOn: string | null;
  /**
   * With `asKnownOn`: the log position the event store cut its log off at for that instant
   * (`EventStore.cutOffAt`), so the report counts exactly the events committed by then, whatever
   * `recordedAt` each replica's clock wrote. Required with `asKnownOn`; the caller also makes
   * sure the read models have applied the log up to it (`reportCutOff` in libs/runtime does both).
   */
  cutOffPosition?: number;
}

export interface IndicatorReportDocument extends IndicatorReport {
  projectId: string;
  period: { from: IsoDate | null; to: IsoDate };
  asKnownOn: string | null;
  /** The last log position among the events this report counts. */
  position: number;
  /** With `asKnownOn`: the log position the report counts to (events at or before it), else null. */
  cutOffPosition: number | null;
  catalogueVersion: string;
}

/**
 * The ESF+ indicators and project rates of one project. As known now, from the outcome rows the
 * projection keeps, counted in the database (`groupedCells`); as known on an instant, the same
 * for participants with nothing recorded or retracted after the log position the store cut its
 * log off at for that instant (`query.cutOffPosition`), and derived again from their facts at or
 * before it for the others: commit order, not the appending replicas' clocks, decides what
 * counts, so the answer never changes later.
 * Throws a RangeError when `asKnownOn` comes without `cutOffPosition`, or when the period starts
 * after it ends (`countIndicatorReport`).
 */
export async function indicatorReport(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  query: IndicatorReportQuery,
): Promise<IndicatorReportDocument | null> {
  const project = await db.selectFrom('projects').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  if (!project) return null;
  if (query.asKnownOn !== null && query.cutOffPosition === undefined) throw new RangeError('A report as known on an instant needs the log position it counts to');
  const cutOff = query.asKnownOn === null ? null : query.cutOffPosition!;
  const period = { from: query.from, to: query.to };
  const { report, position } = await countedReport(db, projectId, period, project.planned_participants, cutOff);
  const projectPosition = Number(project.position);
  return {
    projectId,
    period: { from: query.from, to: query.to },
    asKnownOn: query.asKnownOn,
    position: Math.max(position, cutOff === null || projectPosition <= cutOff ? projectPosition : 0),
    cutOffPosition: cutOff,
    catalogueVersion: CATALOGUE_VERSION,
    ...report,
  };
}

/**
 * One project's participant outcomes as known at log position `cutOff` (the facts at or before it,
 * retractions at or before it applied) and its plan, or null when there is no such project: one
 * side of a report comparison (`compareIndicatorReports`), counted exactly as the report counts.
 */
export async function outcomesAtCutOff(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  cutOff: number,
): Promise<{ outcomes: ParticipantOutcome[]; plannedParticipants: number } | null> {
  const project = await db.selectFrom('projects').select('planned_participants').where('project_id', '=', projectId).executeTakeFirst();
  if (!project) return null;
  const { outcomes } = await outcomesAtPosition(db, projectId, cutOff);
  return { outcomes, plannedParticipants: project.planned_participants };
}

/**
 * The participant outcomes a report counts for `query` (as known now, or at its cut-off position)
 * and the last log position among them, or null when there is no such project: what the drill-down lists
 * a figure's participants from, so it counts exactly what `indicatorReport` counts.
 * Throws a RangeError when `asKnownOn` comes without `cutOffPosition`.
 */
export async function reportOutcomes(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  query: IndicatorReportQuery,
): Promise<{ outcomes: ParticipantOutcome[]; position: number } | null> {
  const project = await db.selectFrom('projects').select('project_id').where('project_id', '=', projectId).executeTakeFirst();
  if (!project) return null;
  if (query.asKnownOn !== null && query.cutOffPosition === undefined) throw new RangeError('A report as known on an instant needs the log position it counts to');
  return query.asKnownOn === null ? currentOutcomes(db, projectId) : outcomesAtPosition(db, projectId, query.cutOffPosition!);
}

/**
 * The report counted from grouped cells; as known at `cutOff`, participants with facts recorded or
 * retracted after it are derived again (`changedSince`) and join the cells one by one. From the
 * rows when a row holds a value the grouped count has no class for.
 *
 * One snapshot for all its statements (repeatable read; SQLite's read transaction is one): a
 * participant the projector touches in between would otherwise be counted in two statements,
 * or, moving from the unchanged to the changed side, in none.
 */
function countedReport(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  period: { from: IsoDate | null; to: IsoDate },
  planned: number,
  cutOff: number | null,
) {
  return db.transaction().setIsolationLevel('repeatable read').execute((trx) => countedIn(trx, projectId, period, planned, cutOff));
}

async function countedIn(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  period: { from: IsoDate | null; to: IsoDate },
  planned: number,
  cutOff: number | null,
) {
  const changed = cutOff === null ? { outcomes: [], position: 0 } : await changedSince(db, projectId, cutOff);
  const unchanged = cutOff === null
    ? sql`project_id = ${projectId}`
    : // A row's last position is at or after its enrolment's: nothing of theirs after the cut-off.
      sql`project_id = ${projectId} AND last_position <= ${cutOff}`;
  const extra = changed.outcomes.map((outcome) => ({ outcome, participants: 1 }));
  const grouped = await groupedCells(db, unchanged, period, extra);
  if (grouped === null) {
    const { outcomes, position } = cutOff === null ? await currentOutcomes(db, projectId) : await outcomesAtPosition(db, projectId, cutOff);
    return { report: computeIndicatorReport(outcomes, period, planned), position };
  }
  return { report: countIndicatorReport(grouped.cellsFor, period, planned), position: Math.max(grouped.position, changed.position) };
}

/**
 * The participants enrolled by `cutOff` with a fact recorded or retracted after it (their row's
 * `last_position`, the last event that touched them, is past it), as they stood at `cutOff`.
 */
async function changedSince(db: Kysely<ReadModelSchema>, projectId: string, cutOff: number) {
  const changed = db
    .selectFrom('participants')
    .where('project_id', '=', projectId)
    .where('enrolment_position', '<=', cutOff)
    .where('last_position', '>', cutOff);
  const [enrolled, recorded] = await Promise.all([
    // Only what the outcome is derived from: a third of the time went into reading whole rows.
    changed.select(ENROLMENT_COLUMNS).execute(),
    db.selectFrom('milestones').selectAll().where('participant_id', 'in', changed.select('participant_id')).where('position', '<=', cutOff).execute(),
  ]);
  return outcomesFrom(enrolled, recorded, cutOff);
}

async function currentOutcomes(db: Kysely<ReadModelSchema>, projectId: string) {
  const rows = await db.selectFrom('participants').selectAll().where('project_id', '=', projectId).execute();
  return { outcomes: rows.map(outcomeOf), position: highest(rows.map((r) => r.last_position)) };
}

/** Outcomes derived from the facts at or before log position `cutOff`: enrolments, milestones and retractions. */
async function outcomesAtPosition(db: Kysely<ReadModelSchema>, projectId: string, cutOff: number) {
  const [enrolled, recorded] = await Promise.all([
    db.selectFrom('participants').selectAll().where('project_id', '=', projectId).where('enrolment_position', '<=', cutOff).execute(),
    db.selectFrom('milestones').selectAll().where('project_id', '=', projectId).where('position', '<=', cutOff).execute(),
  ]);
  return outcomesFrom(enrolled, recorded, cutOff);
}

/** Each enrolled participant's outcome from its facts at or before `cutOff`, and the last position among them. */
function outcomesFrom(enrolled: Pick<Selectable<ParticipantsTable>, (typeof ENROLMENT_COLUMNS)[number]>[], recorded: Selectable<MilestonesTable>[], cutOff: number) {
  const retractedBy = (m: (typeof recorded)[number]) => m.retracted_position !== null && Number(m.retracted_position) <= cutOff;
  const factsOf = new Map<string, MilestoneFact[]>();
  for (const fact of recorded.filter((m) => !retractedBy(m)).map(milestoneFact)) {
    const list = factsOf.get(fact.participantId);
    if (list) list.push(fact);
    else factsOf.set(fact.participantId, [fact]);
  }

  const outcomes: ParticipantOutcome[] = enrolled.map((row) => deriveOutcome(enrolmentFact(row), factsOf.get(row.participant_id) ?? []));
  const position = highest([
    ...enrolled.map((r) => r.enrolment_position),
    ...recorded.map((m) => m.position),
    ...recorded.filter(retractedBy).map((m) => m.retracted_position!),
  ]);
  return { outcomes, position };
}

const highest = (positions: number[]) => positions.reduce((max, p) => Math.max(max, Number(p)), 0);
