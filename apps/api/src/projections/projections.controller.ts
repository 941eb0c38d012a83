import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { join } from 'node:path';
import { Environment } from '@pathway/config';
import { ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Principal } from '@pathway/auth';
import { conflict, cutOffFor, isIsoDate, notFound } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { projectionStatus, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS, RebuildAlreadyActiveError, RebuildJob, RebuildJobs } from '@pathway/runtime';
import { Problem, problemType, RequestValidationError } from '../http/problem';
import { EvaluatorCopyDto } from './evaluator-copy.dto';
import { EvaluatorCopyJob, EvaluatorCopyJobs } from './evaluator-copy-jobs';
import { Access } from '../auth/access.decorator';
import { AccessDeniedError } from '../auth/auth-errors';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

const JOB_ID = new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: 'jobId', reason: 'jobId must be a UUID' }]) });

/** Where each projection stands against the log, and rebuilds from position 0. */
@ApiTags('projections')
@Controller('projections')
export class ProjectionsController {
  private readonly jobs: RebuildJobs;
  private readonly copies: EvaluatorCopyJobs;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    config: ConfigService<Environment, true>,
  ) {
    this.jobs = new RebuildJobs(readModels.db);
    this.copies = new EvaluatorCopyJobs(store, join(config.get('DATA_DIR'), 'evaluator-copies'));
  }

  /**
   * Each projection against the log's head; `mayRebuild` says whether this caller may start a
   * rebuild or build an evaluator's copy (an admin, or an evaluator whose token names every
   * project), so the web app offers only what will work.
   */
  @Get()
  @Access('projections.read')
  async status(@CurrentPrincipal() principal: Principal) {
    const mayRebuild = principal.role === 'admin' || (await this.coversEveryProject(principal));
    return { projections: await projectionStatus(this.readModels.db, await this.store.headPosition()), mayRebuild };
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

  /**
   * Starts building an evaluator's copy: every read model as known on `asKnownOn` (a date: the
   * end of that day in each project's zone; an instant: what the log had committed by then),
   * replayed into an SQLite file of its own; the live read models are left alone. 202 with the
   * job; follow it at `GET evaluator-copies/{jobId}`, then download `…/file`. The copy holds every
   * project, so an evaluator may build one only if their token names every project. A cut-off
   * after now is refused (400 `REPORT.AS_KNOWN_ON_IN_FUTURE`): it would not stay the same.
   */
  @Post('evaluator-copies')
  @HttpCode(202)
  @Access('projections.copy')
  async startCopy(@CurrentPrincipal() principal: Principal, @Body() body: EvaluatorCopyDto): Promise<EvaluatorCopyJob> {
    await this.mayCopy(principal);
    let instant: string;
    try {
      instant = cutOffFor(body.asKnownOn, 'Europe/Stockholm');
    } catch {
      throw new RequestValidationError([{ field: 'asKnownOn', reason: 'asKnownOn is not a real date or instant' }]);
    }
    // A date is judged by its end in Stockholm, the zone of projects registered before zones were recorded.
    if (Date.parse(instant) > Date.now()) {
      throw new RequestValidationError([{ field: 'asKnownOn', reason: 'asKnownOn must not be after now: a copy holds what is known by a moment that has passed' }], 'REPORT.AS_KNOWN_ON_IN_FUTURE');
    }
    return this.copies.start(body.asKnownOn, isIsoDate(body.asKnownOn) ? { date: body.asKnownOn } : { instant: new Date(body.asKnownOn).toISOString() });
  }

  /** An evaluator's copy job: `running` with `processed` of `total` events, then `succeeded` with `download`, or `failed`. Kept an hour after it ends. */
  @Get('evaluator-copies/:jobId')
  @Access('projections.copy')
  async copy(@CurrentPrincipal() principal: Principal, @Param('jobId', JOB_ID) jobId: string): Promise<EvaluatorCopyJob> {
    await this.mayCopy(principal);
    const job = this.copies.find(jobId);
    if (!job) throw notFound('EVALUATOR_COPY.NOT_FOUND', 'No such evaluator copy (they are kept an hour after they are built)');
    return job;
  }

  /** The built copy, an SQLite database (`application/vnd.sqlite3`); 409 `EVALUATOR_COPY.NOT_READY` while it is being built or if it failed. */
  @Get('evaluator-copies/:jobId/file')
  @Access('projections.copy')
  async copyFile(@CurrentPrincipal() principal: Principal, @Param('jobId', JOB_ID) jobId: string, @Res() response: Response): Promise<void> {
    const job = await this.copy(principal, jobId);
    if (job.status !== 'succeeded') throw conflict('EVALUATOR_COPY.NOT_READY', `The copy is ${job.status}, not ready to download`);
    const day = job.asKnownOn.slice(0, 10);
    response
      .status(200)
      .type('application/vnd.sqlite3')
      .setHeader('Content-Disposition', `attachment; filename="pathway-as-known-on-${day}.sqlite"`)
      .sendFile(this.copies.fileOf(jobId));
  }

  private async mayCopy(principal: Principal): Promise<void> {
    if (principal.role !== 'admin' && !(await this.coversEveryProject(principal))) throw new AccessDeniedError();
  }

  private async coversEveryProject({ projects }: Principal): Promise<boolean> {
    const registered = await this.readModels.db.selectFrom('projects').select('project_id').execute();
    return registered.length > 0 && registered.every((p) => projects.includes(p.project_id));
  }
}
