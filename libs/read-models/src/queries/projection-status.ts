import { Kysely } from 'kysely';
import { LIVE_PROJECTION, NEXT_PROJECTION } from '../schema/ensure-schema';
import { ReadModelSchema } from '../schema/read-model-schema';

export interface ProjectionStatus {
  name: string;
  position: number;
  headPosition: number;
  /** Events in the log not yet applied. */
  lag: number;
  /** `failed`: stopped at an event it cannot apply (see `failure`); it retries, and moves on once that works. */
  state: 'caught-up' | 'catching-up' | 'rebuilding' | 'failed';
  updatedAt: string;
  /** Where and why it stopped, without personal data: "failed at position N, because …". */
  failure?: { position: number; reason: string; failedAt: string; detail: string };
}

export async function projectionStatus(db: Kysely<ReadModelSchema>, headPosition: number): Promise<ProjectionStatus[]> {
  const rows = await db.selectFrom('checkpoints').selectAll().orderBy('name').execute();
  const failures = await db.selectFrom('projection_failures').selectAll().execute();
  return rows.map((row) => {
    const position = Number(row.position);
    const lag = Math.max(0, headPosition - position);
    const failed = failures.find((f) => f.name === row.name);
    const state = failed ? 'failed' : row.name === NEXT_PROJECTION ? 'rebuilding' : lag === 0 ? 'caught-up' : 'catching-up';
    const status: ProjectionStatus = { name: row.name === LIVE_PROJECTION ? 'outcomes' : row.name, position, headPosition, lag, state, updatedAt: row.updated_at };
    if (failed) {
      const at = Number(failed.position);
      status.failure = { position: at, reason: failed.reason, failedAt: failed.failed_at, detail: `failed at position ${at}, because ${failed.reason}` };
    }
    return status;
  });
}
