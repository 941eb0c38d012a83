import { Kysely } from 'kysely';
import { ReadModelSchema } from '../schema/read-model-schema';

/** The IANA zone a project's dates are read in (e.g. `Europe/Stockholm`); null for an unknown project. */
export async function projectTimeZone(db: Kysely<ReadModelSchema>, projectId: string): Promise<string | null> {
  const project = await db.selectFrom('projects').select('time_zone').where('project_id', '=', projectId).executeTakeFirst();
  return project?.time_zone ?? null;
}
