import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CommandResult, loadProjectState, RequestContext, setRetentionEnd } from '@pathway/application';
import { notFound } from '@pathway/domain';
import { participantsNotErased, ProjectRetention, projectRetentions } from '@pathway/runtime';
import { DataProtection } from './data-protection';
import { ProjectRetentionDto, RetentionSetDto, RetentionWorklistDto } from './project-retention.dto';
import { RetentionDto } from './retention.dto';
import { Access } from '../auth/access.decorator';
import { setVersion } from '../http/etag';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { Caller } from '../http/request-context.decorator';

@ApiTags('data protection')
@Controller()
export class RetentionController {
  constructor(private readonly dataProtection: DataProtection) {}

  /**
   * Sets (or moves) the project's retention end: the last day its participants' personal data
   * is kept; from the next day `pathway retention` erases it. Give `retentionEnd`, or
   * `lastPaymentOn` for the ESF+ rule (Regulation (EU) 2021/1060, Article 82). 422
   * `PROJECT.RETENTION_BEFORE_PROJECT_END`; 404 `PROJECT.NOT_FOUND`; If-Match as elsewhere.
   */
  @Put('projects/:projectId/retention')
  @Access('projects.retention')
  @ApiHeader({ name: 'If-Match', required: false, description: "The project's version last seen; a stale one is answered 409" })
  @ApiOkResponse({ type: RetentionSetDto })
  async setRetention(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Body() body: RetentionDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RetentionSetDto> {
    const retention = body.toRetention(projectId);
    const result: CommandResult = await setRetentionEnd(this.dataProtection.deps, retention, caller);
    setVersion(response, result.streamVersion);
    return { ...retention, version: result.streamVersion };
  }

  /** The project's retention end, or 404 `RETENTION.NOT_SET`; as on the project's calendar today. */
  @Get('projects/:projectId/retention')
  @Access('projects.read')
  @ApiOkResponse({ type: ProjectRetentionDto })
  async retention(@Param('projectId', ParseIdPipe) projectId: string, @Res({ passthrough: true }) response: Response): Promise<ProjectRetention> {
    const state = await loadProjectState(this.dataProtection.deps, projectId);
    if (state.status !== 'registered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
    const found = (await projectRetentions(this.dataProtection.deps, this.dataProtection.readModels)).find((p) => p.projectId === projectId);
    if (!state.retention || !found) throw notFound('RETENTION.NOT_SET', 'No retention end was set for this project');
    setVersion(response, state.version);
    return found;
  }

  /**
   * The admins' worklist of retention: every project whose retention end has passed (today in
   * its own time zone), with how many participants' personal data is still to be erased
   * (`pathway retention` does it). Projects without a retention end are not listed.
   */
  @Get('admin/retention')
  @Access('retention.read')
  @ApiOkResponse({ type: RetentionWorklistDto })
  async passed(): Promise<RetentionWorklistDto> {
    const { deps, readModels } = this.dataProtection;
    const passed = (await projectRetentions(deps, readModels)).filter((p) => p.passed);
    const projects = [];
    for (const project of passed) projects.push({ ...project, participantsToErase: (await participantsNotErased(deps, readModels, project.projectId)).length });
    return { projects };
  }
}
