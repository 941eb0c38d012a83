import { Kysely } from 'kysely';
import { IsoDate } from '@pathway/domain';
import { ReadModelSchema } from '../schema/read-model-schema';

/** An entry (first enrolment or re-entry) or an exit; the shape libs/exports' participant file takes. */
export interface Movement {
  participantId: string;
  kind: 'entry' | 'exit';
  occurredOn: IsoDate;
}

/**
 * A project's entries (enrolments, re-entries) and exits that count, in the order they were
 * recorded: as known now (`cutOff` null), or as known at a log position (recorded at or before
 * it, and not retracted by then). What the monthly participant file is made from.
 */
export async function participantMovements(db: Kysely<ReadModelSchema>, projectId: string, cutOff: number | null): Promise<Movement[]> {
  let enrolments = db.selectFrom('participants').select(['participant_id', 'enrolled_on', 'enrolment_position']).where('project_id', '=', projectId);
  let moves = db
    .selectFrom('milestones')
    .select(['participant_id', 'type', 'occurred_on', 'position'])
    .where('project_id', '=', projectId)
    .where('type', 'in', ['ParticipantReEntered', 'ParticipantExited']);
  if (cutOff === null) {
    moves = moves.where('retracted_position', 'is', null);
  } else {
    enrolments = enrolments.where('enrolment_position', '<=', cutOff);
    moves = moves.where('position', '<=', cutOff).where((eb) => eb.or([eb('retracted_position', 'is', null), eb('retracted_position', '>', cutOff)]));
  }
  const [entered, moved] = await Promise.all([enrolments.execute(), moves.execute()]);
  return [
    ...entered.map((e) => ({ position: Number(e.enrolment_position), movement: { participantId: e.participant_id, kind: 'entry' as const, occurredOn: e.enrolled_on } })),
    ...moved.map((m) => ({
      position: Number(m.position),
      movement: { participantId: m.participant_id, kind: m.type === 'ParticipantExited' ? ('exit' as const) : ('entry' as const), occurredOn: m.occurred_on },
    })),
  ]
    .sort((a, b) => a.position - b.position)
    .map((m) => m.movement);
}
