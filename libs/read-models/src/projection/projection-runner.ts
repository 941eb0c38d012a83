import { Kysely } from 'kysely';
import { classifyStorageError, EventStore, RecordedEvent } from '@pathway/event-store';
import { applyEvents } from './apply-events';
import { collectChanges } from './batch-changes';
import { BulkLoad } from './bulk-load';
import { advanceCheckpoint, CheckpointMovedError, readCheckpoint } from './checkpoints';
import { clearProjectionFailure, recordProjectionFailure } from './projection-failure';
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
  /** Building from scratch: batches written in bulk, outcomes derived once at the end (see bulk-load.ts). */
  bulk?: BulkLoad;
}

/**
 * Reads the global log in order from the checkpoint and applies it in batches; each batch and
 * the checkpoint commit in one transaction, so a crash never skips or double-counts.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  /** After a batch failed: single events up to this position, to find the one at fault. */
  private isolateUntil: number | null = null;
  /** A failure row may be there (from this run or a process before): cleared after the next good batch. */
  private mayHaveFailure = true;

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
    const isolating = this.isolateUntil !== null && from < this.isolateUntil;
    const events = (await this.store.readAll(from, isolating ? 1 : this.batchSize)).filter((e) => e.position <= until);
    if (events.length === 0) return 0;
    const include = this.options.include ?? (() => true);
    const last = events.at(-1)!;
    try {
      await this.db.transaction().execute(async (trx) => {
        const { tables, bulk } = this.options;
        if (bulk) await bulk.load(trx, tables, collectChanges(events.filter(include)));
        else await applyEvents(trx, tables, events.filter(include));
        await advanceCheckpoint(trx, this.options.name, from, last.position, last.eventId);
      });
    } catch (error) {
      if (error instanceof CheckpointMovedError) return this.step();
      // A locked, full or lost store is no event's fault: the caller retries the same batch.
      if (classifyStorageError(error)) throw error;
      if (events.length > 1) {
        this.isolateUntil = last.position;
        return this.step();
      }
      this.mayHaveFailure = true;
      throw await recordProjectionFailure(this.db, this.options.name, events[0]!, error);
    }
    if (this.mayHaveFailure) {
      await clearProjectionFailure(this.db, this.options.name);
      this.mayHaveFailure = false;
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
