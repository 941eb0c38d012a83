import { Kysely, sql } from 'kysely';
import { ReadModelSchema } from '../schema/read-model-schema';

export interface ParticipantsPage {
  items: Array<{ participantId: string; status: string; enrolledOn: string; lastEntryOn: string; lastExitOn: string | null }>;
  total: number;
  limit: number;
  offset: number;
}

/**
 * Which participants a search keeps: those whose pseudonymous id starts with `idPrefix`, or whose
 * id is in `ids` (found by a blind index or a name); either one. Left out: everyone.
 */
export interface ParticipantMatch {
  idPrefix?: string;
  ids?: readonly string[];
}

/** A project's participants by pseudonymous id, oldest enrolment first. */
export async function projectParticipants(
  db: Kysely<ReadModelSchema>,
  projectId: string,
  page: { status?: 'active' | 'exited' | 'withdrawn'; limit: number; offset: number; match?: ParticipantMatch },
): Promise<ParticipantsPage> {
  let query = db.selectFrom('participants').where('project_id', '=', projectId);
  if (page.status) query = query.where('status', '=', page.status);
  const { match } = page;
  if (match) {
    // substr, not LIKE: no wildcards to escape, and the same (case-blind) answer on SQLite and PostgreSQL.
    const prefix = match.idPrefix?.toLowerCase();
    const ids = match.ids ?? [];
    query = query.where((eb) =>
      eb.or([
        ...(prefix ? [eb(sql<string>`lower(substr(participant_id, 1, ${sql.lit(prefix.length)}))`, '=', prefix)] : []),
        ...(ids.length > 0 ? [eb('participant_id', 'in', ids)] : []),
        ...(!prefix && ids.length === 0 ? [sql<boolean>`1 = 0`] : []),
      ]),
    );
  }
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
