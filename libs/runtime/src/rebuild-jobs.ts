import { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
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

/** A rebuild is requested or running already: the caller gets that one (409), not a second. */
export class RebuildAlreadyActiveError extends Error {
  constructor(readonly job: RebuildJob) {
    super(`Rebuild ${job.jobId} is ${job.status}`);
    this.name = 'RebuildAlreadyActiveError';
  }
}

type Row = ReadModelSchema['rebuild_jobs'];

/**
 * Rebuild requests live in the read-model database, so an API replica can ask and the process
 * that runs the projector does the work, wherever it runs. A running job has an owner (the
 * process) and a lease it renews while working: a process killed mid-rebuild stops renewing,
 * and once the lease runs out the next projector takes the job over and resumes it from the
 * rebuild's checkpoint.
 */
export class RebuildJobs {
  constructor(private readonly db: Kysely<ReadModelSchema>) {}

  /** A new job in state `requested`; RebuildAlreadyActiveError when one is requested or running. */
  async request(now = new Date()): Promise<RebuildJob> {
    const active = await this.active();
    if (active) throw new RebuildAlreadyActiveError(active);
    const jobId = randomUUID();
    try {
      await this.db
        .insertInto('rebuild_jobs')
        .values({ job_id: jobId, status: 'requested', requested_at: now.toISOString(), started_at: null, finished_at: null, processed: 0, total: 0, error: null, owner: null, lease_until: null, slot: 'active' })
        .execute();
    } catch (error) {
      // Another replica asked at the same moment: the unique slot let only one in.
      const winner = await this.active();
      if (winner) throw new RebuildAlreadyActiveError(winner);
      throw error;
    }
    return (await this.find(jobId))!;
  }

  async find(jobId: string): Promise<RebuildJob | null> {
    const row = await this.db.selectFrom('rebuild_jobs').selectAll().where('job_id', '=', jobId).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /** The job requested or running, if any. */
  async active(): Promise<RebuildJob | null> {
    const row = await this.db.selectFrom('rebuild_jobs').selectAll().where('slot', '=', 'active').executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /**
   * Takes the active job for `owner` if it is waiting, or running under a lease that ran out
   * (its process died); answers it, or null when there is nothing to take. An owner on this
   * machine whose process is gone is known dead at once, without waiting for its lease.
   */
  async claim(owner: string, leaseMs: number, now = new Date()): Promise<RebuildJob | null> {
    const job = await this.active();
    if (!job) return null;
    const row = await this.db.selectFrom('rebuild_jobs').select('owner').where('job_id', '=', job.jobId).executeTakeFirst();
    const nowIso = now.toISOString();
    if (row?.owner && deadLocalOwner(row.owner)) {
      await this.db.updateTable('rebuild_jobs').set({ lease_until: nowIso }).where('job_id', '=', job.jobId).where('owner', '=', row.owner).execute();
      now = new Date(now.getTime() + 1);
    }
    const claimedAt = now.toISOString();
    const result = await this.db
      .updateTable('rebuild_jobs')
      .set({ status: 'running', owner, lease_until: new Date(now.getTime() + leaseMs).toISOString(), started_at: job.startedAt ?? nowIso })
      .where('job_id', '=', job.jobId)
      .where('slot', '=', 'active')
      .where((eb) => eb.or([eb('status', '=', 'requested'), eb('lease_until', '<', claimedAt), eb('lease_until', 'is', null)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? this.find(job.jobId) : null;
  }

  /** Extends the owner's lease and records progress; false when the job is no longer the owner's. */
  async renew(jobId: string, owner: string, leaseMs: number, progress?: { processed: number; total: number }, now = new Date()): Promise<boolean> {
    const result = await this.db
      .updateTable('rebuild_jobs')
      .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString(), ...progress })
      .where('job_id', '=', jobId)
      .where('owner', '=', owner)
      .where('slot', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends the owner's job; the slot is free for the next request. */
  async finish(jobId: string, owner: string, outcome: { status: 'succeeded'; position: number } | { status: 'failed'; error: string }, now = new Date()): Promise<void> {
    await this.db
      .updateTable('rebuild_jobs')
      .set({
        status: outcome.status,
        finished_at: now.toISOString(),
        slot: null,
        lease_until: null,
        ...(outcome.status === 'succeeded' ? { processed: outcome.position, total: outcome.position } : { error: outcome.error }),
      })
      .where('job_id', '=', jobId)
      .where('owner', '=', owner)
      .execute();
  }
}

/** Who a job's owner is: `host:pid:nonce`, so a successor on the same machine can see the process is gone. */
export function newOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function deadLocalOwner(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'ESRCH';
  }
}

function toJob(row: Row): RebuildJob {
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
