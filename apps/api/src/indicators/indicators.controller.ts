import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CATALOGUE, CATALOGUE_VERSION } from '@pathway/indicators';
import { IndicatorReportDocument } from '@pathway/read-models';
import { IndicatorReportDto } from './indicator-report.dto';
import { asKnownOnNotInFuture } from './as-known-on-not-in-future';
import { IndicatorReportQuery } from './indicator-report.query';
import { IndicatorComparisonDto, IndicatorComparisonResultDto, SubmittedReportComparisonResultDto } from './indicator-comparison.dto';
import { IndicatorComparisonQuery, SubmittedReportComparisonQuery } from './indicator-comparison.query';
import { FigureParticipantsDto, FigureParticipantsResultDto } from './figure-participants.dto';
import { FigureParticipantsQuery } from './figure-participants.query';
import { RequestValidationError } from '../http/problem';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { ProjectCalendar } from '../projects/project-calendar';
import { Access } from '../auth/access.decorator';

@ApiTags('indicators')
@Controller()
export class IndicatorsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly calendar: ProjectCalendar,
  ) {}

  /** The catalogue: every ESF+ common indicator and project rate with its definition. */
  @Get('indicators')
  @Access('indicators.catalogue')
  catalogue() {
    return {
      catalogueVersion: CATALOGUE_VERSION,
      indicators: CATALOGUE.map(({ code, name, kind, definition }) => ({ code, name, kind, definition })),
    };
  }

  /** The indicator report of a project for a period, as known now or on an earlier date. */
  @Get('projects/:projectId/indicators')
  @Access('indicators.report')
  async report(@Param('projectId', ParseIdPipe) projectId: string, @Query() query: IndicatorReportDto): Promise<IndicatorReportDocument> {
    const now = this.calendar.now();
    const zone = await this.calendar.zoneOf(projectId);
    return this.queries.execute(new IndicatorReportQuery(projectId, asKnownOnNotInFuture(query.toQuery(now, zone), now)));
  }

  /**
   * The report of a period as known on two instants, A (`asKnownOnA`) and B (`asKnownOnB`, else
   * now), every figure with both values, and each changed one explained by exactly the
   * participants whose standing in it changed, with their events recorded between A and B (type,
   * dates, who recorded them). Unsuppressed, like the report: funders may not ask.
   */
  @Get('projects/:projectId/indicators/comparison')
  @Access('indicators.compare')
  @ApiOkResponse({ type: IndicatorComparisonResultDto })
  async comparison(@Param('projectId', ParseIdPipe) projectId: string, @Query() query: IndicatorComparisonDto): Promise<IndicatorComparisonResultDto> {
    const now = this.calendar.now();
    const { period, a, b } = query.toQuery(now, await this.calendar.zoneOf(projectId));
    for (const [field, instant] of [['asKnownOnA', a], ['asKnownOnB', b]] as const) {
      // As for the report (asKnownOnNotInFuture): a cut-off still to come could change, so it is refused.
      if (Date.parse(instant) > now.getTime()) {
        throw new RequestValidationError([{ field, reason: `${field} must not be after now (${now.toISOString()})` }], 'REPORT.AS_KNOWN_ON_IN_FUTURE');
      }
    }
    if (Date.parse(a) > Date.parse(b)) throw new RequestValidationError([{ field: 'asKnownOnA', reason: 'asKnownOnA must not be after asKnownOnB' }]);
    return this.queries.execute(new IndicatorComparisonQuery(projectId, period, a, b));
  }

  /**
   * Drill-down: the pseudonymous participants counted in one figure of the report (period and
   * "as known on" as for the report; `group`, `measure` pick the cell), counted by the same
   * per-participant rule the comparison explains changes with, so `participantIds.length` is the
   * figure. Evaluators and admins only: never funders (403), who see suppressed figures alone.
   */
  @Get('projects/:projectId/indicators/:code/participants')
  @Access('indicators.drill-down')
  @ApiOkResponse({ type: FigureParticipantsResultDto })
  async figureParticipants(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Param('code') code: string,
    @Query() query: FigureParticipantsDto,
  ): Promise<FigureParticipantsResultDto> {
    const now = this.calendar.now();
    const zone = await this.calendar.zoneOf(projectId);
    const report = asKnownOnNotInFuture(query.toQuery(now, zone), now);
    return this.queries.execute(new FigureParticipantsQuery(projectId, report, { code, group: query.group ?? 'total', measure: query.measure ?? 'count' }));
  }

  /**
   * A submitted report (its period, as known on the instant it recorded) against the same report
   * as known now, explained as `indicators/comparison` is; `submittedReport.digestReproduced` tells
   * whether side A is byte for byte what was submitted. 404 REPORT.NOT_FOUND for an unknown id.
   */
  @Get('projects/:projectId/reports/:reportId/comparison')
  @Access('indicators.compare')
  @ApiOkResponse({ type: SubmittedReportComparisonResultDto })
  async submittedComparison(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Param('reportId', new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: 'reportId', reason: 'reportId must be a UUID' }]) }))
    reportId: string,
  ): Promise<SubmittedReportComparisonResultDto> {
    return this.queries.execute(new SubmittedReportComparisonQuery(projectId, reportId, this.calendar.now().toISOString()));
  }
}
