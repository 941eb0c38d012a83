import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { Environment, openEventStore, readModelDbConfig } from '@pathway/config';
import { isIsoDate } from '@pathway/domain';
import { ensureSchema, openReadModelDb, rebuildReadModels } from '@pathway/read-models';
import { buildEvaluatorCopy, EvaluatorCopyCutoff, newOwnerId, RebuildAlreadyActiveError, RebuildJob, RebuildJobs } from '@pathway/runtime';
import { Kysely } from 'kysely';
import { ReadModelSchema } from '@pathway/read-models';
import { progressBar } from '../progress-bar';

type Cutoff = EvaluatorCopyCutoff;

/**
 * `pathway replay`: rebuild every read model from position 0 and swap them in.
 * `pathway replay --until <date|instant|position> --out <file>`: an evaluator's copy as known at
 * that cut-off, in an SQLite file of its own; the live read models are left alone.
 */
export function replayCommand(env: Environment): Command {
  return new Command('replay')
    .description('rebuild the read models from the event log, or build an evaluator copy as known at a cut-off')
    .option('--until <cutoff>', 'a date (the end of that day in each project\'s time zone), an ISO instant, or a log position', parseCutoff)
    .option('--out <file>', 'the SQLite file for the evaluator copy (with --until)')
    .action(async (options: { until?: Cutoff; out?: string }) => {
      if (Boolean(options.until) !== Boolean(options.out)) throw new Error('--until and --out go together');
      if (options.until && options.out) await writeEvaluatorCopy(env, options.until, options.out);
      else await rebuildLiveReadModels(env);
    });
}

/**
 * Rebuilds the configured read models from position 0 and swaps them in, with a progress bar,
 * as a rebuild job (see `asRebuildJob`). Also what `pathway restore` ends with.
 */
export async function rebuildLiveReadModels(env: Environment): Promise<void> {
  const store = openEventStore(env);
  const { db } = openReadModelDb(readModelDbConfig(env));
  const bar = progressBar('rebuild');
  try {
    await ensureSchema(db);
    const position = await asRebuildJob(db, env.REBUILD_LEASE_MS, (onProgress) =>
      rebuildReadModels(store, db, (progress) => {
        bar.update(progress.processed, progress.total);
        onProgress(progress);
      }),
    );
    bar.update(position, position, true);
    console.log(`Read models rebuilt up to position ${position}`);
  } finally {
    bar.done();
    await db.destroy();
    await store.close();
  }
}

/** The read models as known at a cut-off, in a new SQLite file; the live read models are left alone. */
async function writeEvaluatorCopy(env: Environment, cutoff: Cutoff, out: string): Promise<void> {
  if (existsSync(out)) throw new Error(`${out} already exists: an evaluator copy is written to a new file`);
  const store = openEventStore(env);
  const bar = progressBar('evaluator copy');
  try {
    const { total } = await buildEvaluatorCopy(store, cutoff, out, (processed, of) => bar.update(processed, of));
    bar.update(total, total, true);
    console.log(`Evaluator copy as known at ${describe(cutoff)} written to ${out}`);
  } finally {
    bar.done();
    await store.close();
  }
}

/**
 * The rebuild as a job like the API's: one at a time (a rebuild the projector runs is not run a
 * second time beside it), under a lease renewed while it works. A job whose owner died (this
 * command killed before) is taken over and resumed from its checkpoint.
 */
async function asRebuildJob(
  db: Kysely<ReadModelSchema>,
  leaseMs: number,
  rebuild: (onProgress: (progress: { processed: number; total: number }) => void) => Promise<{ position: number }>,
): Promise<number> {
  const jobs = new RebuildJobs(db);
  const owner = newOwnerId();
  let job: RebuildJob;
  try {
    job = await jobs.request();
  } catch (error) {
    if (!(error instanceof RebuildAlreadyActiveError)) throw error;
    job = error.job;
  }
  if (!(await jobs.claim(owner, leaseMs))) {
    throw new Error(`A rebuild is already ${job.status} (job ${job.jobId}, at ${job.processed} of ${job.total}): follow it with GET /api/v1/projections/rebuild/${job.jobId}`);
  }
  let progress = { processed: 0, total: 0 };
  const heartbeat = setInterval(() => void jobs.renew(job.jobId, owner, leaseMs, progress).catch(() => undefined), Math.max(50, Math.floor(leaseMs / 3)));
  try {
    const { position } = await rebuild((p) => (progress = { processed: p.processed, total: p.total }));
    await jobs.finish(job.jobId, owner, { status: 'succeeded', position });
    return position;
  } catch (error) {
    await jobs.finish(job.jobId, owner, { status: 'failed', error: 'the replay command failed; see its output' }).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

function parseCutoff(value: string): Cutoff {
  if (/^\d+$/.test(value)) return { position: Number(value) };
  if (isIsoDate(value)) return { date: value };
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant.getTime())) {
    throw new InvalidArgumentError('give a date (YYYY-MM-DD), an ISO 8601 instant or a log position');
  }
  return { instant: instant.toISOString() };
}

const describe = (cutoff: Cutoff) =>
  'position' in cutoff ? `position ${cutoff.position}` : 'instant' in cutoff ? cutoff.instant : `the end of ${cutoff.date} in each project's time zone`;
