import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { FigureKey, participantsInFigure } from '@pathway/indicators';
import { IndicatorReportQuery, ReadModelDb, reportOutcomes } from '@pathway/read-models';
import { READ_MODELS, reportCutOff } from '@pathway/runtime';
import { FigureParticipantsResultDto } from './figure-participants.dto';
import { RequestValidationError } from '../http/problem';

/** The participants counted in one figure of a project's report (the drill-down). */
export class FigureParticipantsQuery {
  constructor(
    readonly projectId: string,
    readonly query: IndicatorReportQuery,
    readonly figure: Pick<FigureKey, 'code' | 'group' | 'measure'>,
  ) {}
}

@QueryHandler(FigureParticipantsQuery)
export class FigureParticipantsHandler implements IQueryHandler<FigureParticipantsQuery, FigureParticipantsResultDto> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Counts the report's own outcomes (as known now or at the cut-off, 503 REPORT.READ_MODEL_BEHIND
   * while the read models lag behind it) with the comparison's per-participant rule
   * (`participantsInFigure`). 404 PROJECT.NOT_FOUND; 400 for a figure the report has not, or one
   * no participant list makes up (the median's numerator, the plan).
   */
  async execute({ projectId, query, figure }: FigureParticipantsQuery): Promise<FigureParticipantsResultDto> {
    const counted = await reportOutcomes(this.readModels.db, projectId, await reportCutOff(this.store, this.readModels, query));
    if (!counted) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    let listed: ReturnType<typeof participantsInFigure>;
    try {
      listed = participantsInFigure(counted.outcomes, { from: query.from, to: query.to }, figure);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new RequestValidationError([{ field: 'measure', reason: `The report has no figure ${figure.code}/${figure.group}/${figure.measure}` }]);
    }
    if (typeof listed === 'string') {
      const why = listed === 'plan' ? "is the project's plan" : 'is a statistic of the values, not a count';
      throw new RequestValidationError([{ field: 'measure', reason: `${figure.code} ${figure.measure} ${why}: no participant list makes it up` }]);
    }
    return { projectId, ...figure, from: query.from, to: query.to, asKnownOn: query.asKnownOn, value: listed.length, participantIds: listed } as FigureParticipantsResultDto;
  }
}
