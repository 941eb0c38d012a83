import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { participantStream, projectStream } from '@pathway/application';
import { IsoDate, notFound, SubmittedReport } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { toJson } from '@pathway/exports';
import { indicatorReportComparison, IndicatorReportComparisonDocument, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS, reportCutOff } from '@pathway/runtime';
import { FunderExports } from '../exports/funder-exports';

type Period = { from: IsoDate | null; to: IsoDate };

/** The report of a period as known on instant `a` and on instant `b` (ISO, UTC; `a` not after `b`, neither in the future). */
export class IndicatorComparisonQuery {
  constructor(
    readonly projectId: string,
    readonly period: Period,
    readonly a: string,
    readonly b: string,
  ) {}
}

/** A submitted report (its period, as known on its instant) against the same report as known `now`. */
export class SubmittedReportComparisonQuery {
  constructor(
    readonly projectId: string,
    readonly reportId: string,
    readonly now: string,
  ) {}
}

export type SubmittedReportComparison = IndicatorReportComparisonDocument & {
  submittedReport: { reportId: string; digest: string; submittedAt: string; submittedBy: string; digestReproduced: boolean };
};

/** Both cut-offs, once the read models hold B's (else 503 REPORT.READ_MODEL_BEHIND); 404 PROJECT.NOT_FOUND. */
async function compare(readModels: ReadModelDb, store: EventStore, projectId: string, period: Period, a: string, b: string) {
  const { cutOffPosition: cutB } = await reportCutOff(store, readModels, { ...period, asKnownOn: b });
  const cutA = await store.cutOffAt(a);
  const doc = await indicatorReportComparison(
    readModels.db,
    (participantId) => store.readStream(participantStream(participantId)),
    projectId,
    period,
    { asKnownOn: a, cutOffPosition: cutA },
    { asKnownOn: b, cutOffPosition: cutB! },
  );
  if (!doc) throw notFound('PROJECT.NOT_FOUND', 'No such project');
  return doc;
}

@QueryHandler(IndicatorComparisonQuery)
export class IndicatorComparisonHandler implements IQueryHandler<IndicatorComparisonQuery, IndicatorReportComparisonDocument> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ projectId, period, a, b }: IndicatorComparisonQuery): Promise<IndicatorReportComparisonDocument> {
    return compare(this.readModels, this.store, projectId, period, a, b);
  }
}

@QueryHandler(SubmittedReportComparisonQuery)
export class SubmittedReportComparisonHandler implements IQueryHandler<SubmittedReportComparisonQuery, SubmittedReportComparison> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly exports: FunderExports,
  ) {}

  /**
   * Side A is the submitted report's period as known on its recorded instant (every submission
   * records one), side B the same period as known now. 404 REPORT.NOT_FOUND when the project has
   * no submitted report of that id.
   */
  async execute({ projectId, reportId, now }: SubmittedReportComparisonQuery): Promise<SubmittedReportComparison> {
    const events = await this.store.readStream(projectStream(projectId));
    const submitted = events.find((e) => e.eventId === reportId && e.type === 'IndicatorReportSubmitted');
    if (!submitted) throw notFound('REPORT.NOT_FOUND', 'No submitted report of that id in this project');
    const { digest, content } = submitted.data as unknown as SubmittedReport;
    const meta = content.meta as { period: Period; asKnownOn: string | null };
    const asKnownOn = meta.asKnownOn ?? String(submitted.metadata.recordedAt);
    const doc = await compare(this.readModels, this.store, projectId, meta.period, asKnownOn, now);
    const again = toJson(await this.exports.figures(projectId, { ...meta.period, asKnownOn }));
    return {
      ...doc,
      submittedReport: {
        reportId,
        digest,
        submittedAt: String(submitted.metadata.recordedAt),
        submittedBy: String(submitted.metadata.actor),
        digestReproduced: again.digest === digest,
      },
    };
  }
}
