import { Kysely, sql } from 'kysely';
import { currentEntry, deriveOutcome } from '@pathway/indicators';
import { applyDetailChanges } from './apply-events';
import { BatchChanges, retractWithinBatch } from './batch-changes';
import { BulkWriter, bulkWriter } from './bulk-writers';
import { byParticipant, outcomeVersions } from './outcome-versions';
import { ENROLMENT_COLUMNS, enrolmentFact, outcomeRows, participantRow } from './rows';
import { storeOutcomeCodes } from '../queries/report-cells';
import { readModelDriver } from '../schema/open-read-model-db';
import { ReadModelSchema } from '../schema/read-model-schema';
import { TableSet } from '../schema/table-set';

/** Participants derived per round at the end of a rebuild (their timeline rows, about 5 each in the demo log, are read with them). */
const DERIVE_CHUNK = 500;
/**
 * Retractions of timeline rows loaded by earlier batches, kept until the timeline has its key:
 * without it, marking each would scan the table. A table, not memory, so a resumed rebuild has
 * them too; the latest per target, as the live projection's updates leave it.
 */
const PENDING_RETRACTIONS = 'next_pending_retractions';

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
    const earlier = retractWithinBatch(changes).map((r) => ({ target: r.target, retracted_by: r.by, retracted_at: r.at, retracted_position: r.position }));
    await this.writer.insert(trx, tables.projects, 'project_id', projects, 'skip');
    await applyDetailChanges(trx, tables, changes);
    // No key yet (see `finishLoad`): each event is loaded once, its batch and the checkpoint in one transaction.
    await this.writer.insert(trx, tables.milestones, 'event_id', facts, 'none');
    await this.writer.insert(trx, PENDING_RETRACTIONS, 'target', earlier, 'replace');
    // The participant's row is there from enrolment; its outcome columns are filled in by `deriveAll`.
    const participants = [...enrolments.values()].map((e) => participantRow(e, currentEntry(e, []), deriveOutcome(e, []), touched.get(e.participantId)!));
    await this.writer.insert(trx, tables.participants, 'participant_id', participants, 'skip');
  }

  /** Whether an interrupted load can go on: its table of pending retractions is there. */
  async canResume(db: Kysely<ReadModelSchema>): Promise<boolean> {
    return (await db.introspection.getTables()).some((t) => t.name === PENDING_RETRACTIONS);
  }

  /** Before the first batch, in the transaction that creates the `next_` tables. */
  async startLoad(trx: Kysely<ReadModelSchema>): Promise<void> {
    await sql`DROP TABLE IF EXISTS ${sql.table(PENDING_RETRACTIONS)}`.execute(trx);
    await trx.schema
      .createTable(PENDING_RETRACTIONS)
      .addColumn('target', 'text', (c) => c.primaryKey())
      .addColumn('retracted_by', 'text', (c) => c.notNull())
      .addColumn('retracted_at', 'text', (c) => c.notNull())
      .addColumn('retracted_position', 'bigint', (c) => c.notNull())
      .execute();
  }

  /** After the last batch: the timeline's key (left out for the load, create-tables.ts), then the retractions kept for it. */
  async finishLoad(trx: Kysely<ReadModelSchema>, tables: TableSet, tag: string): Promise<void> {
    await this.writer.addKey(trx, tables.milestones, 'event_id', tag);
    const [timeline, pending] = [sql.table(tables.milestones), sql.table(PENDING_RETRACTIONS)];
    await sql`UPDATE ${timeline} SET retracted_by = r.retracted_by, retracted_at = r.retracted_at, retracted_position = r.retracted_position
      FROM ${pending} AS r WHERE ${timeline}.event_id = r.target`.execute(trx);
    await sql`DROP TABLE ${pending}`.execute(trx);
  }

  /**
   * Derives every participant's row and outcome versions from its enrolment and all its timeline rows, in rounds of
   * participants taken in key order, each round's timeline rows read by key range (the
   * `(participant_id, position)` index is created before this runs); then every row's report
   * code in one statement.
   */
  async deriveAll(trx: Kysely<ReadModelSchema>, tables: TableSet): Promise<void> {
    await this.writer.analyze(trx, [tables.participants, tables.milestones]);
    for (let after = ''; ; ) {
      const stored = await trx
        .selectFrom(tables.participants)
        .select(ENROLMENT_COLUMNS)
        .where('participant_id', '>', after)
        .orderBy('participant_id')
        .limit(DERIVE_CHUNK)
        .execute();
      if (stored.length === 0) break;
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
      // In key order: participants in id order, each one's versions in position order.
      const timelines = byParticipant(recorded);
      const versions = stored.flatMap((row) => outcomeVersions(enrolments.get(row.participant_id)!, timelines.get(row.participant_id) ?? []));
      await this.writer.insert(trx, tables.versions, 'participant_id', versions, 'none');
      after = last;
    }
    await storeOutcomeCodes(trx, tables.participants, 'all');
    await storeOutcomeCodes(trx, tables.versions, 'all');
  }
}
