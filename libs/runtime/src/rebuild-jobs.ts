import { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { ReadModelSchema } from '@pathway/read-models';

export interface RebuildJob {
  jobId: string;
  status: 'requested' | 'running' | 'succeeded' | 'failed';
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  processed: number;
  total: number;
  error: string | null;
}

/**
 * Rebuild requests live in the read-model database, so an API replica can ask and the one
 * process that runs the projector does the work, wherever it runs.
 */
export class RebuildJobs {
  constructor(private readonly db: Kysely<ReadModelSchema>) {}

  async request(now = new Date()): Promise<RebuildJob> {
    const pending = await this.db.selectFrom('rebuild_jobs').selectAll().where('status', 'in', ['requested', 'running']).executeTakeFirst();
    if (pending) return toJob(pending);
    const jobId = randomUUID();
    await this.db
      .insertInto('rebuild_jobs')
      .values({ job_id: jobId, status: 'requested', requested_at: now.toISOString(), started_at: null, finished_at: null, processed: 0, total: 0, error: null })
      .execute();
    return (await this.find(jobId))!;
  }

  async find(jobId: string): Promise<RebuildJob | null> {
    const row = await this.db.selectFrom('rebuild_jobs').selectAll().where('job_id', '=', jobId).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async next(): Promise<RebuildJob | null> {
    const row = await this.db.selectFrom('rebuild_jobs').selectAll().where('status', '=', 'requested').orderBy('requested_at').executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async update(jobId: string, change: Partial<Omit<RebuildJob, 'jobId' | 'requestedAt'>>): Promise<void> {
    await this.db
      .updateTable('rebuild_jobs')
      .set({
        ...(change.status && { status: change.status }),
        ...(change.startedAt !== undefined && { started_at: change.startedAt }),
        ...(change.finishedAt !== undefined && { finished_at: change.finishedAt }),
        ...(change.processed !== undefined && { processed: change.processed }),
        ...(change.total !== undefined && { total: change.total }),
        ...(change.error !== undefined && { error: change.error }),
      })
      .where('job_id', '=', jobId)
      .execute();
  }
}

function toJob(row: ReadModelSchema['rebuild_jobs']): RebuildJob {
  return {
    jobId: row.job_id,
    status: row.status as RebuildJob['status'],
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    processed: Number(row.processed),
    total: Number(row.total),
    error: row.error,
  };
}
