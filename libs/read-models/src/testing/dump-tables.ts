import { Kysely, PostgresAdapter, sql } from 'kysely';
import { ReadModelSchema } from '../schema/read-model-schema';

/**
 * Every projected row, in key order, with numbers as numbers, and the projected tables' indexes:
 * to compare builds and engines row for row (a rebuild creates its indexes itself, after its load).
 */
export async function dumpTables(db: Kysely<ReadModelSchema>) {
  const all = async (table: string, ...key: string[]) =>
    (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.join(key.map((k) => sql.ref(k)))}`.execute(db)).rows.map(
      (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    );
  return {
    projects: await all('projects', 'project_id'),
    participants: await all('participants', 'participant_id'),
    milestones: await all('milestones', 'event_id'),
    participant_versions: await all('participant_versions', 'participant_id', 'from_position'),
    indexes: await indexes(db),
  };
}

/** Each projected index as `table (columns)`, sorted: its name carries the tag of the build that made it. */
async function indexes(db: Kysely<ReadModelSchema>): Promise<string[]> {
  const { rows } = db.getExecutor().adapter instanceof PostgresAdapter
    ? await sql<{ t: string; d: string }>`SELECT tablename AS t, indexdef AS d FROM pg_indexes WHERE indexname LIKE 'ix%'`.execute(db)
    : await sql<{ t: string; d: string }>`SELECT tbl_name AS t, sql AS d FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix%'`.execute(db);
  return rows.map(({ t, d }) => `${t} ${d.slice(d.lastIndexOf('(')).replace(/["\s]/g, '')}`).sort();
}
