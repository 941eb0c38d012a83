import { CreateTableBuilder, Kysely, sql } from 'kysely';
import { ReadModelSchema } from './read-model-schema';
import { TableSet, tableNames } from './table-set';

/**
 * Creates one set of projected tables. Index names carry a tag unique to this creation, because
 * a rebuilt set is renamed into place and index names must stay unique in the database.
 * `withIndexes: false` (a rebuild's load) leaves out the indexes and the timeline's key too:
 * inserting a million random event ids into a key index missed SQLite's page cache on nearly
 * every row. The rebuild adds the key after the load (bulk-writers.ts, `addKey`).
 */
export async function createProjectedTables(
  db: Kysely<ReadModelSchema>,
  set: TableSet,
  tag: string,
  { withIndexes = true } = {},
): Promise<void> {
  await db.schema
    .createTable(set.projects)
    .addColumn('project_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('fund', 'text', (c) => c.notNull())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('specific_objective', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('planned_participants', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .execute();

  await outcomeColumns(db.schema.createTable(set.participants), { participantKey: true })
    .addColumn('recorded_entry', 'text', (c) => c.notNull())
    .addColumn('enrolment_recorded_at', 'text', (c) => c.notNull())
    .addColumn('enrolment_position', 'bigint', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .addColumn('outcome_code', 'bigint')
    .execute();

  // Written in key order by a rebuild (participant by participant, position by position), so the key costs it little.
  // Its name is unique, as index names must be: a rebuild's set is created beside the live one, which an earlier rebuild created.
  await outcomeColumns(db.schema.createTable(set.versions), { participantKey: false })
    .addColumn('from_position', 'bigint', (c) => c.notNull())
    .addColumn('to_position', 'bigint')
    .addColumn('outcome_code', 'bigint')
    .addPrimaryKeyConstraint(`pk_${tag}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}_versions`, ['participant_id', 'from_position'])
    .execute();

  await db.schema
    .createTable(set.milestones)
    .addColumn('event_id', 'text', (c) => (withIndexes ? c.primaryKey() : c))
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('retracted_by', 'text')
    .addColumn('retracted_at', 'text')
    .addColumn('retracted_position', 'bigint')
    .execute();

  if (withIndexes) await createIndexes(db, set, tag);
}

/**
 * The participant, its project, entry profile and outcome columns `participants` and
 * `participant_versions` share (`OutcomeColumns`); `participantKey`: the participant's id is the key.
 */
function outcomeColumns(table: CreateTableBuilder<string, never>, { participantKey }: { participantKey: boolean }): CreateTableBuilder<string, string> {
  let t = (table as CreateTableBuilder<string, string>)
    .addColumn('participant_id', 'text', (c) => (participantKey ? c.primaryKey() : c.notNull()))
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('enrolled_on', 'text', (c) => c.notNull());
  for (const column of ['birth_date', 'gender']) t = t.addColumn(column, 'text');
  t = t.addColumn('labour_market_status', 'text', (c) => c.notNull());
  for (const column of [
    'in_education_or_training',
    'disability',
    'third_country_national',
    'foreign_background',
    'minority',
    'homeless',
    'rural_area',
    'age_at_entry',
    'leaving_job_searching',
    'leaving_in_education',
    'leaving_employed',
    'leaving_qualified',
    'follow_up_improved',
    'days_to_first_placement',
  ]) {
    t = t.addColumn(column, 'integer');
  }
  for (const column of ['education_level', 'last_exit_on', 'exit_reason', 'exit_situation', 'six_month_point_on', 'follow_up_situation', 'first_placement_on']) {
    t = t.addColumn(column, 'text');
  }
  return t
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_entry_on', 'text', (c) => c.notNull())
    .addColumn('school_completed', 'integer', (c) => c.notNull());
}

const INDEXES = {
  participants_project: { table: 'participants', columns: ['project_id', 'status'] },
  /**
   * Covers what the indicator report reads of a project's rows (report-cells.ts): the stored code,
   * the dates it places against the period, the median's days and the position, so the report
   * reads this index alone, densely, not every row's page.
   */
  participants_report: {
    table: 'participants',
    columns: ['project_id', 'outcome_code', 'enrolled_on', 'last_exit_on', 'six_month_point_on', 'first_placement_on', 'days_to_first_placement', 'last_position'],
  },
  /** The timeline of one participant, and the rebuild's derivation of outcomes by key range. */
  milestones_participant: { table: 'milestones', columns: ['participant_id', 'position'] },
  milestones_project: { table: 'milestones', columns: ['project_id', 'recorded_at'] },
  /** A report as known on a position: the last fact recorded, and the last retraction, at or before it (`knownPosition`). */
  milestones_position: { table: 'milestones', columns: ['project_id', 'position'] },
  milestones_retracted: { table: 'milestones', columns: ['project_id', 'retracted_position'] },
  /**
   * A report as known on a position: the versions begun at or before it, covering what the
   * report reads of them (as `participants_report` does of the rows).
   */
  versions_report: {
    table: 'versions',
    columns: ['project_id', 'from_position', 'to_position', 'outcome_code', 'enrolled_on', 'last_exit_on', 'six_month_point_on', 'first_placement_on', 'days_to_first_placement'],
  },
} as const;

export type IndexName = keyof typeof INDEXES;

/** The index a rebuild's derivation of outcomes reads by (`BulkLoad.deriveAll`). */
const DERIVATION_INDEX: IndexName = 'milestones_participant';

/**
 * A rebuild loads its tables first and indexes them after: much faster than keeping indexes up
 * to date row by row. It creates the one its derivation reads by first (`'derivation'`), the rest
 * after the derivation has rewritten every participant row (`'rest'`); a new schema, all at once.
 */
export async function createIndexes(db: Kysely<ReadModelSchema>, set: TableSet, tag: string, which: 'all' | 'derivation' | 'rest' = 'all'): Promise<void> {
  for (const [name, { table, columns }] of Object.entries(INDEXES)) {
    if (which !== 'all' && (name === DERIVATION_INDEX) !== (which === 'derivation')) continue;
    await db.schema.createIndex(`ix_${tag}_${name}`).on(set[table]).columns([...columns]).execute();
  }
}

export async function dropProjectedTables(db: Kysely<ReadModelSchema>, set: TableSet): Promise<void> {
  for (const table of tableNames(set)) await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
}
