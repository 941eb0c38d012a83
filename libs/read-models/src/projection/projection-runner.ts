import { Kysely } from 'kysely';
import { EventStore, RecordedEvent } from '@pathway/event-store';
import { applyEvents } from './apply-events';
import { advanceCheckpoint, CheckpointMovedError, readCheckpoint } from './checkpoints';
import { ReadModelSchema } from '../schema/read-model-schema';
import { TableSet } from '../schema/table-set';

export interface ProjectionRunnerOptions {
  /** The checkpoint's name. */
  name: string;
  tables: TableSet;
  batchSize?: number;
  /** Events left out (an evaluator's copy as known at a cut-off); the checkpoint still passes them. */
  include?: (event: RecordedEvent) => boolean;
  /** Last position to apply (an evaluator's copy up to a position). */
  until?: number;
  /** Building from scratch: outcomes are derived once at the end (see `deriveAllOutcomes`). */
  deferOutcomes?: boolean;
}

/**
 * Reads the global log in order from the checkpoint and applies it in batches; each batch and
 * the checkpoint commit in one transaction, so a crash never skips or double-counts.
 */
export class ProjectionRunner {
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<ReadModelSchema>,
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.batchSize = options.batchSize ?? 1000;
  }

  /** Applies one batch; answers how many log events it covered (0 when caught up). */
  async step(): Promise<number> {
    const from = await readCheckpoint(this.db, this.options.name);
    if (from === null) throw new Error(`No checkpoint ${this.options.name}: the read-model schema is not set up`);
    const until = this.options.until ?? Number.MAX_SAFE_INTEGER;
    const events = (await this.store.readAll(from, this.batchSize)).filter((e) => e.position <= until);
    if (events.length === 0) return 0;
    const include = this.options.include ?? (() => true);
    try {
      await this.db.transaction().execute(async (trx) => {
        await applyEvents(trx, this.options.tables, events.filter(include), { deferOutcomes: this.options.deferOutcomes });
        await advanceCheckpoint(trx, this.options.name, from, events.at(-1)!.position);
      });
    } catch (error) {
      if (error instanceof CheckpointMovedError) return this.step();
      throw error;
    }
    return events.length;
  }

  /** Applies batches until the log has nothing more; answers how many events that was. */
  async catchUp(onProgress?: (applied: number) => void): Promise<number> {
    let applied = 0;
    for (let n = await this.step(); n > 0; n = await this.step()) {
      applied += n;
      onProgress?.(applied);
    }
    return applied;
  }
}
