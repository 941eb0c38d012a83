import { Kysely } from 'kysely';
import { ReadModelSchema } from '../schema/read-model-schema';

export interface ParticipantsPage {
  items: Array<{ participantId: string; status: string; enrolledOn: string; lastEntryOn: string; lastExitOn: string | null }>;
  total: number;
  limit: number;
  offset: number;
}

/** A project's participants by pseudonymous id, oldest enrolment first. */
export async function projectParticipants(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  page: { status?: 'active' | 'exited' | 'withdrawn'; limit: number; offset: number },
): Promise<ParticipantsPage> {
  let query = db.selectFrom('participants').where('project_id', '=', projectId);
  if (page.status) query = query.where('status', '=', page.status);
  const [rows, total] = await Promise.all([
    query
      .select(['participant_id', 'status', 'enrolled_on', 'last_entry_on', 'last_exit_on'])
      .orderBy('enrolled_on')
      .orderBy('participant_id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      participantId: r.participant_id,
      status: r.status,
      enrolledOn: r.enrolled_on,
      lastEntryOn: r.last_entry_on,
      lastExitOn: r.last_exit_on,
    })),
    total: Number(total.n),
    limit: page.limit,
    offset: page.offset,
  };
}
