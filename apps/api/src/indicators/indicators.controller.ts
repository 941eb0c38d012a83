import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CATALOGUE, CATALOGUE_VERSION } from '@pathway/indicators';
import { IndicatorReportDocument } from '@pathway/read-models';
import { IndicatorReportDto } from './indicator-report.dto';
import { asKnownOnNotInFuture } from './as-known-on-not-in-future';
import { IndicatorReportQuery } from './indicator-report.query';
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
}
