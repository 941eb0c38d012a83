import { Kysely } from 'kysely';
import { EnrolmentSpan } from '@pathway/domain';
import { ReadModelSchema } from '../schema/read-model-schema';

/**
 * How many participants the project has enrolled (withdrawn duplicates too: their dates were
 * recorded all the same) and its earliest and latest enrolment dates as corrected, for the rules
 * on changing its period and zone. Only as current as the read models: the caller waits for them.
 */
export async function projectEnrolmentSpan(db: Kysely<ReadModelSchema>, projectId: string): Promise<EnrolmentSpan> {
  const row = await db
    .selectFrom('participants')
    .where('project_id', '=', projectId)
    .select((eb) => [eb.fn.countAll<number | string>().as('enrolled'), eb.fn.min('enrolled_on').as('earliest'), eb.fn.max('enrolled_on').as('latest')])
    .executeTakeFirstOrThrow();
  return { enrolled: Number(row.enrolled), earliest: row.earliest ?? null, latest: row.latest ?? null };
}
