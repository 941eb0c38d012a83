import { Kysely } from 'kysely';
import { LIVE_PROJECTION, NEXT_PROJECTION } from '../schema/ensure-schema';
import { ReadModelSchema } from '../schema/read-model-schema';

export interface ProjectionStatus {
  name: string;
  position: number;
  headPosition: number;
  /** Events in the log not yet applied. */
  lag: number;
  state: 'caught-up' | 'catching-up' | 'rebuilding';
  updatedAt: string;
}

export async function projectionStatus(db: Kysely<ReadModelSchema>, headPosition: number): Promise<ProjectionStatus[]> {
  const rows = await db.selectFrom('checkpoints').selectAll().orderBy('name').execute();
  return rows.map((row) => {
    const position = Number(row.position);
    const lag = Math.max(0, headPosition - position);
    const state = row.name === NEXT_PROJECTION ? 'rebuilding' : lag === 0 ? 'caught-up' : 'catching-up';
    return { name: row.name === LIVE_PROJECTION ? 'outcomes' : row.name, position, headPosition, lag, state, updatedAt: row.updated_at };
  });
}
