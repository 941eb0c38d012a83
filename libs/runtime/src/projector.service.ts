import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@pathway/config';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { LIVE_PROJECTION, LIVE_TABLES, LiveFollower, ProjectionRunner, ReadModelDb, rebuildReadModels } from '@pathway/read-models';
import { READ_MODELS } from './read-models.module';
import { RebuildJobs } from './rebuild-jobs';

const PROGRESS_EVERY_MS = 250;

/**
 * Runs the projections off the global log: the live one, and rebuilds when one is requested.
 * In embedded mode it runs inside the API; in production, in apps/projector (one per database).
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private live: LiveFollower | null = null;
  private jobsLoop: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('RUN_PROJECTOR')) return;
    const runner = new ProjectionRunner(this.store, this.readModels.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES });
    this.live = new LiveFollower(runner, {
      pollIntervalMs: this.config.get('PROJECTION_POLL_MS'),
      onError: (error) => this.logger.error(`Projection failed, retrying from its checkpoint: ${(error as Error).message}`),
    });
    this.live.start();
    this.jobsLoop = this.runRequestedRebuilds();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.live?.stop();
    await this.jobsLoop;
  }

  private async runRequestedRebuilds(): Promise<void> {
    const jobs = new RebuildJobs(this.readModels.db);
    while (!this.stopped) {
      const job = await jobs.next().catch(() => null);
      if (!job) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      await jobs.update(job.jobId, { status: 'running', startedAt: new Date().toISOString() });
      let reported = 0;
      try {
        const { position } = await rebuildReadModels(this.store, this.readModels.db, ({ processed, total }) => {
          if (Date.now() - reported < PROGRESS_EVERY_MS) return;
          reported = Date.now();
          void jobs.update(job.jobId, { processed, total });
        });
        await jobs.update(job.jobId, { status: 'succeeded', processed: position, total: position, finishedAt: new Date().toISOString() });
        this.logger.log(`Rebuild ${job.jobId} done at position ${position}`);
      } catch (error) {
        await jobs.update(job.jobId, { status: 'failed', error: (error as Error).message, finishedAt: new Date().toISOString() });
        this.logger.error(`Rebuild ${job.jobId} failed: ${(error as Error).message}`);
      }
    }
  }
}
