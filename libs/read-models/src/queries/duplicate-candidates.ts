import { Kysely } from 'kysely';
import { ReadModelSchema } from '../schema/read-model-schema';

/** What the likely-duplicates check needs of a project, without opening anyone's personal data. */
export interface DuplicateCandidates {
  /** The project's participants not withdrawn: only they can be a likely duplicate. */
  participantIds: Set<string>;
  /**
   * Those of them who share their birth date (the entry profile's, as corrected) with another of
   * them: the only ones whose names are worth opening. In birth-date then id order.
   */
  sharingBirthDate: Array<{ participantId: string; birthDate: string }>;
}

/**
 * The project's participants who may be duplicates, in two queries whatever its size: all that
 * are not withdrawn, and those among them whose birth date another shares (a GROUP BY; a project
 * of a few thousand has a few hundred at most, usually far fewer).
 */
export async function duplicateCandidates(db: Kysely<ReadModelSchema>, projectId: string): Promise<DuplicateCandidates> {
  const current = db.selectFrom('participants').where('project_id', '=', projectId).where('status', '!=', 'withdrawn');
  const [all, sharing] = await Promise.all([
    current.select('participant_id').execute(),
    current
      .select(['participant_id', 'birth_date'])
      .where('birth_date', 'is not', null)
      .where('birth_date', 'in', current.select('birth_date').where('birth_date', 'is not', null).groupBy('birth_date').having((eb) => eb.fn.countAll(), '>', 1))
      .orderBy('birth_date')
      .orderBy('participant_id')
      .execute(),
  ]);
  return {
    participantIds: new Set(all.map((row) => row.participant_id)),
    sharingBirthDate: sharing.map((row) => ({ participantId: row.participant_id, birthDate: row.birth_date! })),
  };
}
