import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Principal } from '@pathway/auth';
import { notFound } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { projectionStatus, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS, RebuildAlreadyActiveError, RebuildJob, RebuildJobs } from '@pathway/runtime';
import { Problem, problemType, RequestValidationError } from '../http/problem';
import { Access } from '../auth/access.decorator';
import { AccessDeniedError } from '../auth/auth-errors';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

/** Where each projection stands against the log, and rebuilds from position 0. */
@ApiTags('projections')
@Controller('projections')
export class ProjectionsController {
  private readonly jobs: RebuildJobs;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
  ) {
    this.jobs = new RebuildJobs(readModels.db);
  }

  @Get()
  @Access('projections.read')
  async status() {
    return { projections: await projectionStatus(this.readModels.db, await this.store.headPosition()) };
  }

  /**
   * Rebuilds every read model into fresh tables and swaps them in, in the projector's worker
   * thread; readers are served throughout. One at a time: while one is requested or running,
   * the answer is 409 `REBUILD.ALREADY_RUNNING` with that job. A rebuild touches every
   * project, so an evaluator may start one only if their token names every project.
   */
  @Post('rebuild')
  @HttpCode(202)
  @Access('projections.rebuild')
  async rebuild(@CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<RebuildJob | Problem> {
    if (principal.role !== 'admin' && !(await this.coversEveryProject(principal))) throw new AccessDeniedError();
    try {
      return await this.jobs.request();
    } catch (error) {
      if (!(error instanceof RebuildAlreadyActiveError)) throw error;
      response.status(409).type('application/problem+json');
      return {
        type: problemType('REBUILD.ALREADY_RUNNING'),
        title: `A rebuild is already ${error.job.status}; follow it at /api/v1/projections/rebuild/${error.job.jobId}`,
        status: 409,
        code: 'REBUILD.ALREADY_RUNNING',
        instance: request.path,
        job: error.job,
      } as Problem;
    }
  }

  @Get('rebuild/:jobId')
  @Access('projections.read')
  async job(
    @Param('jobId', new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: 'jobId', reason: 'jobId must be a UUID' }]) }))
    jobId: string,
  ): Promise<RebuildJob> {
    const job = await this.jobs.find(jobId);
    if (!job) throw notFound('REBUILD.NOT_FOUND', 'No such rebuild job');
    return job;
  }

  private async coversEveryProject({ projects }: Principal): Promise<boolean> {
    const registered = await this.readModels.db.selectFrom('projects').select('project_id').execute();
    return registered.length > 0 && registered.every((p) => projects.includes(p.project_id));
  }
}
