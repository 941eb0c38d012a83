import { Kysely } from 'kysely';
import { ParticipantOutcome } from '@pathway/indicators';
import { outcomeOf } from '../projection/rows';
import { ReadModelSchema } from '../schema/read-model-schema';

/** One participant's outcome as the projection keeps it (what the project's report counts now); null if unknown. */
export async function participantOutcome(db: Kysely<ReadModelSchema>, participantId: string): Promise<ParticipantOutcome | null> {
  const row = await db.selectFrom('participants').selectAll().where('participant_id', '=', participantId).executeTakeFirst();
  return row ? outcomeOf(row) : null;
}
