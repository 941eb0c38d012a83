import { Kysely } from 'kysely';
import { IsoDate } from '@pathway/domain';
import { buildWorklist, NOT_CONTACT_TYPES, WorklistItem, worklistParticipant } from '@pathway/indicators';
import { ReadModelSchema } from '../schema/read-model-schema';

const INTERVENTION_TYPES = ['InterventionStarted', 'InterventionEnded'];

/**
 * A project's worklist on `today` (a date in the project's zone), from the read models as they
 * stand: three queries for the whole project whatever its size (the participants, the latest
 * date of a milestone about the pathway that counts of each (corrections are not contact), and the intervention milestones that count), then
 * `buildWorklist`. Retracted milestones are left out here as in every outcome column.
 */
export async function projectWorklist(db: Kysely<ReadModelSchema>, projectId: string, today: IsoDate): Promise<WorklistItem[]> {
  // Three reads of the whole project, merged here: a join on the grouped milestones made SQLite
  // scan the groups once per participant.
  const [participants, latest, interventions] = await Promise.all([
    db
      .selectFrom('participants')
      .select(['participant_id', 'status', 'last_entry_on', 'last_exit_on', 'leaving_employed', 'follow_up_situation'])
      .where('project_id', '=', projectId)
      // An enrolment withdrawn as made in error leaves nothing to do.
      .where('status', '!=', 'withdrawn')
      .execute(),
    db
      .selectFrom('milestones')
      .select('participant_id')
      .select((eb) => eb.fn.max('occurred_on').as('last_on'))
      .where('project_id', '=', projectId)
      .where('retracted_by', 'is', null)
      // A correction made today is not contact with the person (NOT_CONTACT_TYPES).
      .where('type', 'not in', NOT_CONTACT_TYPES)
      .groupBy('participant_id')
      .execute(),
    db
      .selectFrom('milestones')
      .select(['participant_id', 'type', 'occurred_on', 'details'])
      .where('project_id', '=', projectId)
      .where('retracted_by', 'is', null)
      .where('type', 'in', INTERVENTION_TYPES)
      .execute(),
  ]);
  const lastOn = new Map(latest.map((row) => [row.participant_id, row.last_on as IsoDate]));

  const interventionsOf = new Map<string, Array<{ type: string; occurredOn: IsoDate; details: Record<string, unknown> }>>();
  for (const row of interventions) {
    const list = interventionsOf.get(row.participant_id) ?? [];
    list.push({ type: row.type, occurredOn: row.occurred_on, details: JSON.parse(row.details) });
    interventionsOf.set(row.participant_id, list);
  }
  return buildWorklist(
    participants.map((row) =>
      worklistParticipant(
        {
          participantId: row.participant_id,
          status: row.status as 'active' | 'exited' | 'withdrawn',
          lastEntryOn: row.last_entry_on,
          lastExitOn: row.last_exit_on,
          leavingEmployed: row.leaving_employed === null ? null : row.leaving_employed === 1,
          followUpSituation: row.follow_up_situation as never,
        },
        lastOn.get(row.participant_id) ?? null,
        interventionsOf.get(row.participant_id) ?? [],
      ),
    ),
    today,
  );
}
