import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CommandResult, RequestContext } from '@pathway/application';
import { Environment } from '@pathway/config';
import { ParticipantsPage, ProjectSummary } from '@pathway/read-models';
import { ParticipantsPageDto, ProjectParticipantsQuery } from './project-participants.query';
import { ProjectListQuery, ProjectSummaryQuery } from './project-summary.query';
import { RegisterProjectCommand } from './register-project.command';
import { RegisterProjectDto } from './register-project.dto';
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

  /** The project's participants by pseudonymous id, a page at a time. */
  @Get(':projectId/participants')
  @Access('projects.read')
  participants(@Param('projectId', ParseIdPipe) projectId: string, @Query() page: ParticipantsPageDto): Promise<ParticipantsPage> {
    return this.queries.execute(new ProjectParticipantsQuery(projectId, page));
  }
}
