import { Kysely, sql } from 'kysely';
import { ReadModelSchema } from './read-model-schema';

/** Columns added after the first release; an older database gets them in place (the data in them is operational, not derived). */
const ADDED_COLUMNS: { table: 'rebuild_jobs' | 'checkpoints'; column: string }[] = [
  { table: 'rebuild_jobs', column: 'owner' },
  { table: 'rebuild_jobs', column: 'lease_until' },
  { table: 'rebuild_jobs', column: 'slot' },
  { table: 'checkpoints', column: 'event_id' },
];

/**
 * The tables that say how projection is going (rebuild jobs with their owner and lease,
 * projection failures) and the checkpoint's event id. Safe to run at every start.
 */
export async function ensureOperationalTables(db: Kysely<ReadModelSchema>): Promise<void> {
  const tables = await db.introspection.getTables();
  for (const { table, column } of ADDED_COLUMNS) {
    const existing = tables.find((t) => t.name === table);
    if (existing && !existing.columns.some((c) => c.name === column)) {
      await db.schema.alterTable(table).addColumn(column, 'text').execute();
      if (column === 'slot') {
        // Jobs from before leases cannot be told from dead ones: close them, a new request starts afresh.
        await db
          .updateTable('rebuild_jobs')
          .set({ status: 'failed', error: 'interrupted before job leases existed; request a new rebuild', finished_at: new Date().toISOString() })
          .where('status', 'in', ['requested', 'running'])
          .execute();
      }
    }
  }
  // At most one rebuild requested or running, whichever replica asks: the second insert fails.
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS rebuild_jobs_one_active ON rebuild_jobs (slot)`.execute(db);
  await db.schema
    .createTable('projection_failures')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
}
