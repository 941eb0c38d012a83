import { Kysely, sql } from 'kysely';
import { ReadModelSchema } from '../schema/read-model-schema';

/** Every projected row, in key order, with numbers as numbers: to compare builds and engines row for row. */
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
  };
}
