import { Kysely } from 'kysely';
import { IsoDate } from '@pathway/domain';
import {
  CATALOGUE_VERSION,
  computeIndicatorReport,
  deriveOutcome,
  IndicatorReport,
  knownAt,
  MilestoneFact,
  ParticipantOutcome,
} from '@pathway/indicators';
import { enrolmentFact, milestoneFact, outcomeOf } from '../projection/rows';
import { ReadModelSchema } from '../schema/read-model-schema';

export interface IndicatorReportQuery {
  from: IsoDate | null;
  to: IsoDate;
  /** An instant (ISO 8601, UTC): only events recorded at or before it count. Null: all recorded so far. */
  asKnownOn: string | null;
}

export interface IndicatorReportDocument extends IndicatorReport {
  projectId: string;
  period: { from: IsoDate | null; to: IsoDate };
  asKnownOn: string | null;
  /** The last log position among the events this report counts. */
  position: number;
  catalogueVersion: string;
}

/**
 * The ESF+ indicators and project rates of one project. As known now, from the outcome rows the
 * projection keeps; as known on an earlier instant, derived again from the facts recorded by then.
 */
export async function indicatorReport(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  query: IndicatorReportQuery,
): Promise<IndicatorReportDocument | null> {
  const project = await db.selectFrom('projects').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  if (!project) return null;
  const { outcomes, position } = query.asKnownOn === null ? await currentOutcomes(db, projectId) : await outcomesKnownOn(db, projectId, query.asKnownOn);
  const report = computeIndicatorReport(outcomes, { from: query.from, to: query.to }, project.planned_participants);
  return {
    projectId,
    period: { from: query.from, to: query.to },
    asKnownOn: query.asKnownOn,
    position: Math.max(position, Number(project.position)),
    catalogueVersion: CATALOGUE_VERSION,
    ...report,
  };
}

async function currentOutcomes(db: Kysely<ReadModelSchema>, projectId: string) {
  const rows = await db.selectFrom('participants').selectAll().where('project_id', '=', projectId).execute();
  return { outcomes: rows.map(outcomeOf), position: highest(rows.map((r) => r.last_position)) };
}

async function outcomesKnownOn(db: Kysely<ReadModelSchema>, projectId: string, instant: string) {
  const [enrolled, recorded] = await Promise.all([
    db.selectFrom('participants').selectAll().where('project_id', '=', projectId).where('enrolment_recorded_at', '<=', instant).execute(),
    db.selectFrom('milestones').selectAll().where('project_id', '=', projectId).where('recorded_at', '<=', instant).execute(),
  ]);
  const known = knownAt(recorded.map(milestoneFact), instant);
  const factsOf = new Map<string, MilestoneFact[]>();
  for (const fact of known) {
    const list = factsOf.get(fact.participantId);
    if (list) list.push(fact);
    else factsOf.set(fact.participantId, [fact]);
  }

  const outcomes: ParticipantOutcome[] = enrolled.map((row) => deriveOutcome(enrolmentFact(row), factsOf.get(row.participant_id) ?? []));
  const retractionsKnown = recorded.filter((m) => m.retracted_at !== null && m.retracted_at <= instant);
  const position = highest([
    ...enrolled.map((r) => r.enrolment_position),
    ...recorded.map((m) => m.position),
    ...retractionsKnown.map((m) => m.retracted_position!),
  ]);
  return { outcomes, position };
}

const highest = (positions: number[]) => positions.reduce((max, p) => Math.max(max, Number(p)), 0);
