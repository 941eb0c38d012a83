import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { notFound } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { projectionStatus, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS, RebuildJob, RebuildJobs } from '@pathway/runtime';
import { RequestValidationError } from '../http/problem';
import { Access } from '../auth/access.decorator';

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

  /** Rebuilds every read model into fresh tables and swaps them in; readers are served throughout. */
  @Post('rebuild')
  @HttpCode(202)
  @Access('projections.rebuild')
  rebuild(): Promise<RebuildJob> {
    return this.jobs.request();
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
}
