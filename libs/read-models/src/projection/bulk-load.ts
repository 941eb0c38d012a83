import { Kysely } from 'kysely';
import { currentEntry, deriveOutcome } from '@pathway/indicators';
import { BatchChanges, retractWithinBatch } from './batch-changes';
import { BulkWriter, bulkWriter } from './bulk-writers';
import { enrolmentFact, outcomeRows, participantRow } from './rows';
import { readModelDriver } from '../schema/open-read-model-db';
import { ReadModelSchema } from '../schema/read-model-schema';
import { TableSet } from '../schema/table-set';

/** Participants derived per round at the end of a rebuild (their timeline rows, about 5 each in the demo log, are read with them). */
const DERIVE_CHUNK = 1_000;

/**
 * A rebuild from position 0, written in bulk (rebuild.ts). Per batch, the timeline rows go in
 * once, those retracted within the batch already marked, and each enrolment as its participant's
 * row; outcomes wait. At the end every participant is derived once from all its timeline rows
 * (`deriveAll`), instead of once per batch that touches it: a participant's events are spread
 * over the whole log, and memory stays bounded by the batch, not the log. The rows equal the live
 * projection's (apply-events.ts), which the live-equals-replay tests check on both engines.
 */
export class BulkLoad {
  private constructor(private readonly writer: BulkWriter) {}

  /** For a database opened by `openReadModelDb` (which knows its engine and driver). */
  static for(db: Kysely<ReadModelSchema>): BulkLoad {
    const driver = readModelDriver(db);
    if (!driver) throw new Error('A rebuild needs a read-model database opened by openReadModelDb');
    return new BulkLoad(bulkWriter(driver));
  }

  /** Writes one batch's changes in the caller's transaction (with its checkpoint). */
  async load(trx: Kysely<ReadModelSchema>, tables: TableSet, changes: BatchChanges): Promise<void> {
    const { projects, enrolments, facts, touched } = changes;
    const earlier = retractWithinBatch(changes);
    await this.writer.insert(trx, tables.projects, 'project_id', projects, 'skip');
    await this.writer.insert(trx, tables.milestones, 'event_id', facts, 'skip');
    await this.writer.retract(trx, tables.milestones, earlier);
    // The participant's row is there from enrolment; its outcome columns are filled in by `deriveAll`.
    const participants = [...enrolments.values()].map((e) => participantRow(e, currentEntry(e, []), deriveOutcome(e, []), touched.get(e.participantId)!));
    await this.writer.insert(trx, tables.participants, 'participant_id', participants, 'skip');
  }

  /**
   * Derives every participant's row from its enrolment and all its timeline rows, in rounds of
   * participants taken in key order, each round's timeline rows read by key range (the
   * `(participant_id, position)` index is created before this runs).
   */
  async deriveAll(trx: Kysely<ReadModelSchema>, tables: TableSet): Promise<void> {
    await this.writer.analyze(trx, [tables.participants, tables.milestones]);
    for (let after = ''; ; ) {
      const stored = await trx.selectFrom(tables.participants).selectAll().where('participant_id', '>', after).orderBy('participant_id').limit(DERIVE_CHUNK).execute();
      if (stored.length === 0) return;
      const last = stored.at(-1)!.participant_id;
      const recorded = await trx
        .selectFrom(tables.milestones)
        .selectAll()
        .where('participant_id', '>', after)
        .where('participant_id', '<=', last)
        .orderBy('participant_id')
        .orderBy('position')
        .execute();
      const enrolments = new Map(stored.map((row) => [row.participant_id, enrolmentFact(row)]));
      await this.writer.insert(trx, tables.participants, 'participant_id', outcomeRows([...enrolments.keys()], enrolments, recorded), 'replace');
      after = last;
    }
  }
}
