import { Kysely } from 'kysely';
import { IsoDate, MILESTONE_EVENT_TYPES } from '@pathway/domain';
import { RecordedEvent } from '@pathway/event-store';
import { CATALOGUE_VERSION, compareIndicatorReports, FigureKey, figureId, figuresOf } from '@pathway/indicators';
import { outcomesAtCutOff } from './indicator-report';
import { ReadModelSchema } from '../schema/read-model-schema';

/** One side of a comparison: the report as known on an instant, counted to the log position the store cut off at for it. */
export interface ComparisonSideQuery {
  asKnownOn: string;
  cutOffPosition: number;
}

/**
 * One event of a participant recorded between the two cut-offs, as a comparison shows it: what
 * happened and who recorded it, never what the event says about the person (no free text, no
 * profile answers). `occurredOn`: the day it happened (an enrolment's date, a correction's or a
 * withdrawal's day); null for a retraction, which has no date of its own.
 */
export interface ExplainingEvent {
  eventId: string;
  type: string;
  occurredOn: IsoDate | null;
  /** When it was recorded (ISO instant, the appending process's clock, as the timeline shows). */
  recordedAt: string;
  /** The subject of the signed-in user who recorded it (metadata `actor`): a user id, not a name. */
  recordedBy: string;
  position: number;
  /** For `MilestoneRetracted`: the event it retracts. Else null. */
  retractedEventId: string | null;
}

export interface ParticipantExplanation {
  /** The pseudonymous participant id. */
  participantId: string;
  /** Their events recorded after A's cut-off and at or before B's, in log order. */
  events: ExplainingEvent[];
}

/** One figure of the report as known on A and on B; a changed one with what explains it. */
export interface ComparedFigure extends FigureKey {
  a: number;
  b: number;
  changed: boolean;
  /** `planned-participants`: the plan differs (TARGET_ACHIEVEMENT's denominator), a change of the project, not a participant's. */
  projectChange: 'planned-participants' | null;
  /** Exactly the participants whose contribution changed (empty when unchanged); B with their `events` left out gives `a`. */
  explanation: ParticipantExplanation[];
}

export interface IndicatorReportComparisonDocument {
  projectId: string;
  period: { from: IsoDate | null; to: IsoDate };
  catalogueVersion: string;
  a: ComparisonSideQuery;
  b: ComparisonSideQuery;
  /** Every figure of the report (`figuresOf`: indicators then rates, total then gender groups), changed or not. */
  figures: ComparedFigure[];
}

/** The events that can change a figure; contact changes and erasures never do, and are never shown. */
const COUNTING_TYPES: ReadonlySet<string> = new Set([
  'ParticipantEnrolled',
  'MilestoneRetracted',
  'EntryProfileCorrected',
  'EnrolmentWithdrawn',
  ...Object.values(MILESTONE_EVENT_TYPES),
]);
const DATED_BY: Readonly<Record<string, string>> = { ParticipantEnrolled: 'enrolledOn', EntryProfileCorrected: 'correctedOn', EnrolmentWithdrawn: 'withdrawnOn' };

/**
 * The indicator report of one project and period as known on two instants (A, B with A's cut-off
 * at or before B's), and each figure that differs explained by exactly the participants whose
 * contribution to it changed (`compareIndicatorReports`), each with their events committed
 * between the two cut-offs (read from their streams by `readStream`, for who recorded each).
 * Null when there is no such project. Throws a RangeError when A's cut-off is after B's.
 */
export async function indicatorReportComparison(
  db: Kysely<ReadModelSchema>,
  readStream: (participantId: string) => Promise<RecordedEvent[]>,
  projectId: string,
  period: { from: IsoDate | null; to: IsoDate },
  a: ComparisonSideQuery,
  b: ComparisonSideQuery,
): Promise<IndicatorReportComparisonDocument | null> {
  if (a.cutOffPosition > b.cutOffPosition) throw new RangeError(`A counts to position ${a.cutOffPosition}, after B (${b.cutOffPosition})`);
  const [sideA, sideB] = await Promise.all([outcomesAtCutOff(db, projectId, a.cutOffPosition), outcomesAtCutOff(db, projectId, b.cutOffPosition)]);
  if (!sideA || !sideB) return null;
  const comparison = compareIndicatorReports(sideA, sideB, period);

  const explained = [...new Set(comparison.changes.flatMap((c) => c.participantIds))];
  const eventsOf = new Map<string, ExplainingEvent[]>();
  for (let i = 0; i < explained.length; i += 50) {
    await Promise.all(
      explained.slice(i, i + 50).map(async (id) => {
        const recorded = await readStream(id);
        eventsOf.set(id, recorded.filter((e) => e.position > a.cutOffPosition && e.position <= b.cutOffPosition && COUNTING_TYPES.has(e.type)).map(explainingEvent));
      }),
    );
  }

  const changes = new Map(comparison.changes.map((c) => [figureId(c), c]));
  return {
    projectId,
    period,
    catalogueVersion: CATALOGUE_VERSION,
    a,
    b,
    figures: figuresOf(comparison.b).map(({ value, ...key }): ComparedFigure => {
      const change = changes.get(figureId(key));
      return {
        ...key,
        a: change?.a ?? value,
        b: value,
        changed: change !== undefined,
        projectChange: change?.projectChange ?? null,
        explanation: (change?.participantIds ?? []).map((participantId) => ({ participantId, events: eventsOf.get(participantId) ?? [] })),
      };
    }),
  };
}

/** Only dates, ids and the recorder's subject leave the event: never its personal or free-text fields. */
function explainingEvent(e: RecordedEvent): ExplainingEvent {
  const data = e.data as Record<string, unknown>;
  const dated = data[DATED_BY[e.type] ?? 'occurredOn'];
  return {
    eventId: e.eventId,
    type: e.type,
    occurredOn: typeof dated === 'string' ? dated : null,
    recordedAt: String(e.metadata.recordedAt),
    recordedBy: String(e.metadata.actor),
    position: e.position,
    retractedEventId: e.type === 'MilestoneRetracted' ? String(data.retractedEventId) : null,
  };
}
