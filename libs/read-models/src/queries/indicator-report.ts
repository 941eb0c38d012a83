import { Kysely, sql } from 'kysely';
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
import { ReadModelSchema } from '../schema/read-model-schema';
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
 * The ESF+ indicators and project rates of one project, counted in the database (`groupedCells`):
 * as known now, from the outcome rows the projection keeps; as known on an instant, from the
 * outcome versions it keeps (`outcomeVersions`) that held at the log position the store cut its
 * log off at for that instant (`query.cutOffPosition`): commit order, not the appending replicas'
 * clocks, decides what counts, so the answer never changes later.
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
 * side of a report comparison (`compareIndicatorReports`), counted exactly as the report counts,
 * from the outcome versions holding at `cutOff`.
 */
export async function outcomesAtCutOff(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  cutOff: number,
): Promise<{ outcomes: ParticipantOutcome[]; plannedParticipants: number } | null> {
  const project = await db.selectFrom('projects').select('planned_participants').where('project_id', '=', projectId).executeTakeFirst();
  if (!project) return null;
  const { outcomes } = await outcomesHeldAt(db, projectId, cutOff);
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
  return query.asKnownOn === null ? currentOutcomes(db, projectId) : outcomesHeldAt(db, projectId, query.cutOffPosition!);
}

/**
 * One project's participant outcomes derived again from the facts at or before log position
 * `cutOff` (enrolments, timeline rows, retractions at or before it applied), read into JavaScript,
 * and the last position among those events: what the outcome versions must equal (the tests'
 * oracle) and the benchmark's baseline. No report reads it.
 */
export async function outcomesFromFacts(db: Kysely<ReadModelSchema>, projectId: string, cutOff: number): Promise<{ outcomes: ParticipantOutcome[]; position: number }> {
  const [enrolled, recorded] = await Promise.all([
    db.selectFrom('participants').select(ENROLMENT_COLUMNS).where('project_id', '=', projectId).where('enrolment_position', '<=', cutOff).execute(),
    db.selectFrom('milestones').selectAll().where('project_id', '=', projectId).where('position', '<=', cutOff).execute(),
  ]);
  const retractedBy = (m: (typeof recorded)[number]) => m.retracted_position !== null && Number(m.retracted_position) <= cutOff;
  const factsOf = new Map<string, MilestoneFact[]>();
  for (const fact of recorded.filter((m) => !retractedBy(m)).map(milestoneFact)) {
    const list = factsOf.get(fact.participantId);
    if (list) list.push(fact);
    else factsOf.set(fact.participantId, [fact]);
  }
  const outcomes = enrolled.map((row) => deriveOutcome(enrolmentFact(row), factsOf.get(row.participant_id) ?? []));
  const position = highest([
    ...enrolled.map((r) => r.enrolment_position),
    ...recorded.map((m) => m.position),
    ...recorded.filter(retractedBy).map((m) => m.retracted_position!),
  ]);
  return { outcomes, position };
}

/**
 * The report counted from grouped cells: as known now from the participants' rows, as known at
 * `cutOff` from their outcome versions holding then. From the rows when a row holds a value the
 * grouped count has no class for.
 *
 * One snapshot for all its statements (repeatable read; SQLite's read transaction is one): the
 * projector writing in between would otherwise make the position and the counts disagree.
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
  const grouped = cutOff === null
    ? await groupedCells(db, 'participants', sql`project_id = ${projectId}`, period, [])
    : await groupedCells(db, 'participant_versions', heldAt(projectId, cutOff), period, []);
  if (grouped === null) {
    const { outcomes, position } = cutOff === null ? await currentOutcomes(db, projectId) : await outcomesHeldAt(db, projectId, cutOff);
    return { report: computeIndicatorReport(outcomes, period, planned), position };
  }
  // A version's start is the last boundary it has; the events merged into it are on the timeline.
  const position = cutOff === null ? grouped.position : Math.max(grouped.position, await timelinePosition(db, projectId, cutOff));
  return { report: countIndicatorReport(grouped.cellsFor, period, planned), position };
}

/** The outcome versions of the project's participants that hold at log position `cutOff` (none for one enrolled after it). */
const heldAt = (projectId: string, cutOff: number) =>
  sql<boolean>`project_id = ${projectId} AND from_position <= ${cutOff} AND (to_position IS NULL OR to_position > ${cutOff})`;

async function currentOutcomes(db: Kysely<ReadModelSchema>, projectId: string) {
  const rows = await db.selectFrom('participants').selectAll().where('project_id', '=', projectId).execute();
  return { outcomes: rows.map(outcomeOf), position: highest(rows.map((r) => r.last_position)) };
}

/** The outcomes the versions holding at `cutOff` give, and the last position among the events they count. */
async function outcomesHeldAt(db: Kysely<ReadModelSchema>, projectId: string, cutOff: number) {
  const rows = await db.selectFrom('participant_versions').selectAll().where(heldAt(projectId, cutOff)).execute();
  const position = Math.max(highest(rows.map((r) => r.from_position)), await timelinePosition(db, projectId, cutOff));
  return { outcomes: rows.map(outcomeOf), position };
}

/**
 * The last log position at or before `cutOff` of a fact, or of a retraction, on the project's
 * timeline (0 when none): with the holding versions' starts (each participant's enrolment among
 * them) the last position among the events a report as known on `cutOff` counts. Two index seeks
 * (`milestones_position`, `milestones_retracted`).
 */
async function timelinePosition(db: Kysely<ReadModelSchema>, projectId: string, cutOff: number): Promise<number> {
  const { rows } = await sql<{ fact: unknown; retraction: unknown }>`SELECT
    (SELECT MAX(position) FROM milestones WHERE project_id = ${projectId} AND position <= ${cutOff}) AS fact,
    (SELECT MAX(retracted_position) FROM milestones WHERE project_id = ${projectId} AND retracted_position <= ${cutOff}) AS retraction`.execute(db);
  return highest([Number(rows[0]?.fact ?? 0), Number(rows[0]?.retraction ?? 0)]);
}

const highest = (positions: number[]) => positions.reduce((max, p) => Math.max(max, Number(p)), 0);
