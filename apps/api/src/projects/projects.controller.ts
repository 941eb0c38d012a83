import { Body, Controller, Inject, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CommandDependencies, CommandResult, loadProjectState, RequestContext } from '@pathway/application';
import { notFound } from '@pathway/domain';
import { COMMAND_DEPENDENCIES } from '@pathway/runtime';
import { Environment } from '@pathway/config';
import { ProjectSummary } from '@pathway/read-models';
import { ParticipantsPageDto, ParticipantsSearchPage, ProjectParticipantsQuery } from './project-participants.query';
import { ProjectListQuery, ProjectSummaryQuery } from './project-summary.query';
import { RegisterProjectCommand } from './register-project.command';
import { RegisterProjectDto } from './register-project.dto';
import { ChangeProjectDetailsCommand } from './change-project-details.command';
import { ChangeProjectDetailsDto, ProjectDetailsDto } from './change-project-details.dto';
import { setVersion } from '../http/etag';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { Caller } from '../http/request-context.decorator';
import { EnrolParticipantCommand } from '../participants/enrol-participant.command';
import { EnrolParticipantDto } from '../participants/enrol-participant.dto';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '@pathway/auth';

@ApiTags('projects')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A random UUID per request: the same key and request give the same answer and one event; the same key with another request is refused (422 IDEMPOTENCY.KEY_REUSED)' })
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly config: ConfigService<Environment, true>,
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('projects.register')
  async register(
    @Body() body: RegisterProjectDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result: CommandResult = await this.commands.execute(new RegisterProjectCommand(body.toDetails(this.config.get('DEFAULT_TIME_ZONE')), caller));
    setVersion(response, result.streamVersion);
    return { projectId: body.id, version: result.streamVersion };
  }

  /**
   * The project's details as the log holds them now (registration and every change since), with
   * the stream version as ETag: what the change form starts from and sends back in If-Match.
   */
  @Get(':projectId/details')
  @Access('projects.read')
  @ApiOkResponse({ type: ProjectDetailsDto })
  async details(@Param('projectId', ParseIdPipe) projectId: string, @Res({ passthrough: true }) response: Response): Promise<ProjectDetailsDto> {
    const state = await loadProjectState(this.deps, projectId);
    if (state.status !== 'registered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
    setVersion(response, state.version);
    return { ...state.details, version: state.version };
  }

  /**
   * Changes the name, period, planned participants and time zone, with the reason: one
   * `ProjectDetailsChanged` event, none when nothing changes; answers the details as they now are. If-Match with the version last seen
   * (409 `CONCURRENCY.VERSION_MISMATCH` when stale). 422 `PROJECT.INVALID_PERIOD`,
   * `PROJECT.INVALID_PLANNED_PARTICIPANTS`, `PROJECT.PERIOD_EXCLUDES_ENROLMENTS` (a recorded
   * enrolment would fall outside), `PROJECT.TIME_ZONE_FIXED` (participants are enrolled),
   * `PROJECT.RETENTION_BEFORE_PROJECT_END`, `PROJECT.CHANGE_REASON_REQUIRED`; 404 `PROJECT.NOT_FOUND`.
   */
  @Put(':projectId/details')
  @Access('projects.change')
  @ApiHeader({ name: 'If-Match', required: false, description: "The project's version last seen; a stale one is answered 409" })
  @ApiOkResponse({ type: ProjectDetailsDto })
  async changeDetails(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Body() body: ChangeProjectDetailsDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProjectDetailsDto> {
    await this.commands.execute(new ChangeProjectDetailsCommand(body.toChange(projectId), caller));
    return this.details(projectId, response);
  }

  @Post(':projectId/participants')
  @HttpCode(201)
  @Access('participants.enrol')
  async enrol(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Body() body: EnrolParticipantDto,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result: CommandResult & { participantId: string } = await this.commands.execute(
      new EnrolParticipantCommand(
        { projectId, participantId: body.participantId, enrolledOn: body.enrolledOn, profile: body.profile.toProfile() },
        body.personal?.toPersonalData(),
        caller,
      ),
    );
    setVersion(response, result.streamVersion);
    return { participantId: result.participantId, version: result.streamVersion };
  }

  /** The projects the caller may see (an admin: all), ordered by name, each as `GET /projects/{id}` gives it. */
  @Get()
  @Access('projects.read')
  list(@CurrentPrincipal() principal: Principal): Promise<ProjectSummary[]> {
    return this.queries.execute(new ProjectListQuery(principal));
  }

  /** The project with its participant counts against the planned number. */
  @Get(':projectId')
  @Access('projects.read')
  summary(@Param('projectId', ParseIdPipe) projectId: string): Promise<ProjectSummary> {
    return this.queries.execute(new ProjectSummaryQuery(projectId));
  }

  /**
   * The project's participants by pseudonymous id, a page at a time; searched by id prefix (`q`),
   * and for the project's caseworkers also by name (`q`) and identity number (`identityNumber`,
   * through the blind index), with names (`names=true`). Personal-data searches and names are
   * audited; other roles asking for them get 403.
   */
  @Get(':projectId/participants')
  @Access('projects.read')
  participants(
    @Param('projectId', ParseIdPipe) projectId: string,
    @Query() page: ParticipantsPageDto,
    @CurrentPrincipal() principal: Principal,
    @Caller() caller: RequestContext,
  ): Promise<ParticipantsSearchPage> {
    return this.queries.execute(new ProjectParticipantsQuery(projectId, page, principal, caller.correlationId));
  }
}
