import { Kysely } from 'kysely';
import { createProjectedTables, dropProjectedTables } from './create-tables';
import { OUTCOME_CODE_LAYOUT, storeOutcomeCodes } from '../queries/report-cells';
import { ensureOperationalTables } from './operational-tables';
import { ReadModelSchema } from './read-model-schema';
import { LIVE_TABLES, NEXT_TABLES } from './table-set';

/**
 * Bump when a projected table or the meaning of a column changes. Read models are derived, so
 * the migration for a new version is to drop them and replay the log: no ALTER scripts to keep.
 */
// 2: participants.leaving_* hold the one settled situation upon leaving (catalogue r2).
// 3: free text (a qualification, a retraction's reason) is no longer projected.
// 4: projects.time_zone, the project's IANA zone.
// 5: participants.age_at_entry is null for an implausible birth date recorded before the rule.
// 6: corrections of the entry and withdrawals: participants.recorded_entry, status `withdrawn`, timeline rows.
// 7: participant_versions, each participant's outcome by span of the log (reports as known on an instant);
//    outcome_code, the report's stored classes, in both outcome tables, and indexes covering what the report reads.
export const READ_MODEL_SCHEMA_VERSION = '7';

export const LIVE_PROJECTION = 'outcomes';
export const NEXT_PROJECTION = 'outcomes:next';

/** Run at start: creates the tables on a new database; on a changed schema, recreates them from position 0. */
export async function ensureSchema(db: Kysely<ReadModelSchema>): Promise<{ recreated: boolean }> {
  await db.schema
    .createTable('read_model_meta')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('checkpoints')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .execute();
  await db.schema
    .createTable('rebuild_jobs')
    .ifNotExists()
    .addColumn('job_id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('processed', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('slot', 'text')
    .execute();
  await ensureOperationalTables(db);

  const current = await db.selectFrom('read_model_meta').select('value').where('key', '=', 'schema_version').executeTakeFirst();
  const recreated = current?.value !== READ_MODEL_SCHEMA_VERSION;
  if (recreated) await startProjectionsAfresh(db);
  await ensureOutcomeCodeLayout(db);
  return { recreated };
}

/**
 * Stores every participant's report code again when the classes it holds have changed since
 * they were stored (a catalogue that reads another field, a closed list with another value): a
 * code is only ever read by the layout that wrote it. One statement, no replay.
 */
async function ensureOutcomeCodeLayout(db: Kysely<ReadModelSchema>): Promise<void> {
  const stored = await db.selectFrom('read_model_meta').select('value').where('key', '=', 'outcome_code_layout').executeTakeFirst();
  if (stored?.value === OUTCOME_CODE_LAYOUT) return;
  await db.transaction().execute(async (trx) => {
    await storeOutcomeCodes(trx, 'participants', 'all');
    await storeOutcomeCodes(trx, 'participant_versions', 'all');
    await trx
      .insertInto('read_model_meta')
      .values({ key: 'outcome_code_layout', value: OUTCOME_CODE_LAYOUT })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: OUTCOME_CODE_LAYOUT }))
      .execute();
  });
}

/**
 * Drops the projected tables and starts the projection from position 0, in one transaction:
 * for a new schema version, or read models that no longer match the log (see checkpoint-check).
 */
export async function startProjectionsAfresh(db: Kysely<ReadModelSchema>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await dropProjectedTables(trx, LIVE_TABLES);
    await dropProjectedTables(trx, NEXT_TABLES);
    await createProjectedTables(trx, LIVE_TABLES, `v${READ_MODEL_SCHEMA_VERSION}_${Date.now().toString(36)}`);
    // Only the projections start again; other readers of the log (the Kafka relay) keep their place.
    await trx.deleteFrom('checkpoints').where('name', 'in', [LIVE_PROJECTION, NEXT_PROJECTION]).execute();
    await trx
      .insertInto('checkpoints')
      .values({ name: LIVE_PROJECTION, position: 0, updated_at: new Date().toISOString(), event_id: null })
      .execute();
    await trx
      .insertInto('read_model_meta')
      .values({ key: 'schema_version', value: READ_MODEL_SCHEMA_VERSION })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: READ_MODEL_SCHEMA_VERSION }))
      .execute();
  });
}
