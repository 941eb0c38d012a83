import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@pathway/config';
import { classifyStorageError, EVENT_STORE, EventStore } from '@pathway/event-store';
import {
  checkCheckpointAgainstLog,
  describeProjectionError,
  ensureSchema,
  LIVE_PROJECTION,
  LIVE_TABLES,
  LiveFollower,
  ProjectionFailedError,
  ProjectionRunner,
  ReadModelDb,
  startProjectionsAfresh,
} from '@pathway/read-models';
import { READ_MODELS } from './read-models.module';
import { RebuildExecutor } from './rebuild-executor';

/**
 * Runs the projections off the global log: the live one, and rebuilds when one is requested
 * (in a worker thread, see RebuildExecutor). In embedded mode it runs inside the API; in
 * production, in apps/projector (one per database).
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private live: LiveFollower | null = null;
  private rebuilds: RebuildExecutor | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('RUN_PROJECTOR')) return;
    await this.matchReadModelsToLog();
    const runner = new ProjectionRunner(this.store, this.readModels.db, { name: LIVE_PROJECTION, tables: LIVE_TABLES });
    this.live = new LiveFollower(runner, {
      pollIntervalMs: this.config.get('PROJECTION_POLL_MS'),
      onError: (error) => void this.onProjectionError(error),
    });
    this.live.start();
    this.rebuilds = new RebuildExecutor(
      this.readModels.db,
      {
        EVENT_STORE: this.config.get('EVENT_STORE'),
        DATA_DIR: this.config.get('DATA_DIR'),
        EVENTSTORE_CONNECTION_STRING: this.config.get('EVENTSTORE_CONNECTION_STRING'),
        READ_MODEL_DB: this.config.get('READ_MODEL_DB'),
        DATABASE_URL: this.config.get('DATABASE_URL'),
      },
      this.config.get('REBUILD_LEASE_MS'),
    );
    this.rebuilds.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.live?.stop();
    await this.rebuilds?.stop();
  }

  /**
   * Read models ahead of the log (events.db restored from a backup older than the read models)
   * would skip every new event up to the old position and show milestones the log no longer
   * has: they are dropped and projected again from position 0.
   */
  private async matchReadModelsToLog(): Promise<void> {
    const check = await checkCheckpointAgainstLog(this.store, this.readModels.db, LIVE_PROJECTION);
    if (check.status === 'consistent') return;
    this.logger.warn(
      check.status === 'ahead-of-log'
        ? `The read models are at position ${check.position} but the event log ends at ${check.headPosition} (was events.db restored from an older backup?): projecting again from position 0`
        : `The event log holds another event at position ${check.position} than the read models saw (a different or restored log): projecting again from position 0`,
    );
    await startProjectionsAfresh(this.readModels.db);
  }

  private async onProjectionError(error: unknown): Promise<void> {
    if (error instanceof ProjectionFailedError) {
      this.logger.error(`${error.message}; retrying with backoff (see GET /api/v1/projections and docs/operations.md)`);
      return;
    }
    const storage = classifyStorageError(error);
    this.logger.error(`Projection stopped by ${describeProjectionError(error)}; retrying from its checkpoint`);
    if (storage?.code === 'STORAGE.UNAVAILABLE' || /No checkpoint/.test((error as Error)?.message ?? '')) {
      // A PostgreSQL database dropped and created again has no tables: set them up and carry on.
      const recovered = await ensureSchema(this.readModels.db).catch(() => null);
      if (recovered?.recreated) this.logger.warn('The read-model schema was missing and is set up again; projecting from position 0');
    }
  }
}
