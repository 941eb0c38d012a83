import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore } from '@pathway/event-store';
import { buildEvaluatorCopy, EvaluatorCopyCutoff } from '@pathway/runtime';

/** One evaluator's copy being built or built: progress in events, and whether its file can be downloaded. */
export interface EvaluatorCopyJob {
  jobId: string;
  /** As the request gave it: a date or an instant. */
  asKnownOn: string;
  status: 'running' | 'succeeded' | 'failed';
  requestedAt: string;
  finishedAt: string | null;
  /** Events applied so far, of `total` (the log's head, or the cut-off's position if lower). */
  processed: number;
  total: number;
  /** Why it failed, without personal data. */
  error: string | null;
  /** Where to download the SQLite file, once succeeded. */
  download: string | null;
}

/** How long a built copy stays to be downloaded: one hour, then its file is removed. */
export const EVALUATOR_COPY_KEPT_MS = 60 * 60 * 1000;

/**
 * The evaluator's copies this API process builds, each into `<dir>/<jobId>.sqlite`, in the
 * background (the event loop is yielded between batches, so requests are served meanwhile).
 * Jobs live in this process's memory: a restart forgets them (and removes their files), so
 * behind several API replicas a job is found only on the replica that started it.
 */
export class EvaluatorCopyJobs {
  private readonly jobs = new Map<string, EvaluatorCopyJob>();

  constructor(
    private readonly store: EventStore,
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    rmSync(dir, { recursive: true, force: true });
  }

  /** Starts building a copy as known at `cutoff`; answers the job at once (status `running`). */
  start(asKnownOn: string, cutoff: EvaluatorCopyCutoff): EvaluatorCopyJob {
    this.sweep();
    mkdirSync(this.dir, { recursive: true });
    const job: EvaluatorCopyJob = {
      jobId: randomUUID(),
      asKnownOn,
      status: 'running',
      requestedAt: this.now().toISOString(),
      finishedAt: null,
      processed: 0,
      total: 0,
      error: null,
      download: null,
    };
    this.jobs.set(job.jobId, job);
    void buildEvaluatorCopy(this.store, cutoff, this.fileOf(job.jobId), (processed, total) => Object.assign(job, { processed, total })).then(
      () => Object.assign(job, { status: 'succeeded', finishedAt: this.now().toISOString(), download: `/api/v1/projections/evaluator-copies/${job.jobId}/file` }),
      (error: unknown) => {
        new Logger('EvaluatorCopyJobs').error(`Evaluator copy ${job.jobId} failed: ${error instanceof Error ? error.message : String(error)}`);
        rmSync(this.fileOf(job.jobId), { force: true });
        Object.assign(job, { status: 'failed', finishedAt: this.now().toISOString(), error: 'the copy could not be built; the API log says why' });
      },
    );
    return { ...job };
  }

  /** The job as it stands, or undefined if unknown or expired. */
  find(jobId: string): EvaluatorCopyJob | undefined {
    this.sweep();
    const job = this.jobs.get(jobId);
    return job && { ...job };
  }

  /** The SQLite file of a succeeded job. */
  fileOf(jobId: string): string {
    return join(this.dir, `${jobId}.sqlite`);
  }

  /** Forgets finished jobs older than EVALUATOR_COPY_KEPT_MS and removes their files. */
  private sweep(): void {
    const before = this.now().getTime() - EVALUATOR_COPY_KEPT_MS;
    for (const job of this.jobs.values()) {
      if (job.finishedAt && Date.parse(job.finishedAt) < before) {
        rmSync(this.fileOf(job.jobId), { force: true });
        this.jobs.delete(job.jobId);
      }
    }
  }
}
