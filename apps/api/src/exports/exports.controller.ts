import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { RequestContext } from '@pathway/application';
import { Principal } from '@pathway/auth';
import { ExportFile } from '@pathway/exports';
import { ExportDto } from './export.dto';
import { FunderReportingRule } from './funder-reporting-rule';
import { IndicatorExportQuery } from './indicator-export.query';
import { SubmitReportCommand, SubmittedReportResult } from './submit-report.command';
import { SubmittedReportsDto } from './submitted-reports.dto';
import { SubmittedReportsQuery } from './submitted-reports.query';
import { setVersion } from '../http/etag';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { ProjectCalendar } from '../projects/project-calendar';
import { Caller } from '../http/request-context.decorator';
import { IndicatorReportDto } from '../indicators/indicator-report.dto';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { asKnownOnNotInFuture } from '../indicators/as-known-on-not-in-future';

@ApiTags('exports')
@Controller('projects/:projectId')
export class ExportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly funderRule: FunderReportingRule,
    private readonly calendar: ProjectCalendar,
  ) {}

  /**
   * The indicator report as a file for the funder: CSV, XLSX or JSON, small counts suppressed.
   * `Digest` is the SHA-256 of the content, which holds no generation time: the same inputs give the same bytes.
   * Funders ask for fixed reporting periods as known on month ends (FunderReportingRule); others for any period.
   */
  @Get('indicators/export')
  @Access('indicators.export')
  async export(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Query() query: ExportDto,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ) {
    const now = this.calendar.now();
    const zone = await this.calendar.zoneOf(projectId);
    if (principal.role === 'funder') await this.funderRule.check(projectId, query);
    const file: ExportFile = await this.queries.execute(new IndicatorExportQuery(projectId, asKnownOnNotInFuture(query.toQuery(now, zone), now), query.format));
    response
      .status(200)
      .type(file.contentType)
      .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .setHeader('Digest', file.digest)
      .setHeader('X-Generated-At', now.toISOString())
      .send(file.body);
  }

  /**
   * The reports submitted for the project, newest first: period, cut-off, digest, the submitter's
   * role, and whether the same period as known now differs, count by count, both sides suppressed
   * by the funder export's rule. No participant is named: funders may ask (unlike the comparison).
   * Also the project's name and dates and the periods a funder may download now.
   */
  @Get('reports')
  @Access('reports.read')
  @ApiOkResponse({ type: SubmittedReportsDto })
  reports(@Param('projectId', ParseIdPipe) projectId: string): Promise<SubmittedReportsDto> {
    return this.queries.execute(new SubmittedReportsQuery(projectId, this.calendar.now()));
  }

  /** Marks a report as submitted: its suppressed figures are recorded as an event and published. */
  @Post('reports')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry answers the digest and asKnownOn first recorded; the same key with another request is refused (422)' })
  @Access('reports.submit')
  async submit(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Body() body: IndicatorReportDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const now = this.calendar.now();
    const zone = await this.calendar.zoneOf(projectId);
    // A submitted report must be reproducible: without a cut-off it is the one known now.
    const asked = asKnownOnNotInFuture(body.toQuery(now, zone), now);
    const query = { ...asked, asKnownOn: asked.asKnownOn ?? now.toISOString() };
    const result: SubmittedReportResult = await this.commands.execute(new SubmitReportCommand(projectId, query, caller));
    setVersion(response, result.streamVersion);
    return { eventId: result.eventIds[0], digest: result.digest, asKnownOn: result.asKnownOn, version: result.streamVersion };
  }
}
