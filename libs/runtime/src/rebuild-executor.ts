import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely } from 'kysely';
import { ReadModelSchema } from '@pathway/read-models';
import { newOwnerId, RebuildJobs } from './rebuild-jobs';
import { RebuildWorkerSettings, RunningRebuild, startRebuildWorker } from './rebuild-worker';

/**
 * Takes requested rebuilds (and rebuilds whose owner died) and runs each in a worker thread,
 * renewing the job's lease while it works. Runs in the process that runs the projector.
 */
export class RebuildExecutor {
  private readonly logger = new Logger('Rebuild');
  private readonly owner = newOwnerId();
  private readonly jobs: RebuildJobs;
  private running: RunningRebuild | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    db: Kysely<ReadModelSchema>,
    private readonly settings: RebuildWorkerSettings,
    private readonly leaseMs: number,
    private readonly pollMs = 500,
  ) {
    this.jobs = new RebuildJobs(db);
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops the worker and gives the lease back at once, so the next start resumes without waiting. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const job = await this.jobs.claim(this.owner, this.leaseMs).catch(() => null);
      if (job) await this.execute(job.jobId);
      else await sleep(this.pollMs);
    }
  }

  private async execute(jobId: string): Promise<void> {
    this.logger.log(`Rebuild ${jobId} started by ${this.owner}`);
    let progress = { processed: 0, total: 0 };
    this.running = startRebuildWorker(this.settings, (p) => (progress = { processed: p.processed, total: p.total }));
    const heartbeat = setInterval(() => {
      void this.jobs.renew(jobId, this.owner, this.leaseMs, progress).catch(() => undefined);
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    try {
      const { position } = await this.running.result;
      await this.jobs.finish(jobId, this.owner, { status: 'succeeded', position });
      this.logger.log(`Rebuild ${jobId} done at position ${position}`);
    } catch (error) {
      if (this.stopped) {
        // Shut down mid-rebuild: the lease ends now and the next start resumes from the checkpoint.
        await this.jobs.renew(jobId, this.owner, 0).catch(() => undefined);
      } else {
        const reason = (error as Error).message; // the worker's words are already free of data
        await this.jobs.finish(jobId, this.owner, { status: 'failed', error: reason }).catch(() => undefined);
        this.logger.error(`Rebuild ${jobId} failed: ${reason}`);
      }
    } finally {
      clearInterval(heartbeat);
      this.running = null;
    }
  }
}
