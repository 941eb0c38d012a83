import { Kysely } from 'kysely';
import { applyEntryCorrection, EntryCorrection, EntryProfile, IsoDate } from '@pathway/domain';
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
 * it, and not retracted by then). The enrolment is dated as corrected by then
 * (`applyEntryCorrection`); a participant whose enrolment was withdrawn by then has no movements
 * (an enrolment made in error counts nowhere, so a month sent with it reads as changed). What the
 * monthly participant file is made from.
 */
export async function participantMovements(db: Kysely<ReadModelSchema>, projectId: string, cutOff: number | null): Promise<Movement[]> {
  let enrolments = db.selectFrom('participants').select(['participant_id', 'recorded_entry', 'enrolment_position']).where('project_id', '=', projectId);
  let moves = db
    .selectFrom('milestones')
    .select(['participant_id', 'type', 'occurred_on', 'position', 'details'])
    .where('project_id', '=', projectId)
    .where('type', 'in', ['ParticipantReEntered', 'ParticipantExited', 'EntryProfileCorrected', 'EnrolmentWithdrawn']);
  if (cutOff === null) {
    moves = moves.where('retracted_position', 'is', null);
  } else {
    enrolments = enrolments.where('enrolment_position', '<=', cutOff);
    moves = moves.where('position', '<=', cutOff).where((eb) => eb.or([eb('retracted_position', 'is', null), eb('retracted_position', '>', cutOff)]));
  }
  const [entered, recorded] = await Promise.all([enrolments.execute(), moves.execute()]);
  recorded.sort((a, b) => Number(a.position) - Number(b.position));
  const withdrawn = new Set(recorded.filter((m) => m.type === 'EnrolmentWithdrawn').map((m) => m.participant_id));
  const entries = new Map(entered.map((e) => [e.participant_id, JSON.parse(e.recorded_entry) as { enrolledOn: IsoDate; profile: EntryProfile }]));
  for (const m of recorded.filter((r) => r.type === 'EntryProfileCorrected')) {
    const entry = entries.get(m.participant_id);
    if (entry) entries.set(m.participant_id, applyEntryCorrection(entry, (JSON.parse(m.details) as { corrected: EntryCorrection }).corrected));
  }
  const moved = recorded.filter((m) => m.type === 'ParticipantReEntered' || m.type === 'ParticipantExited');
  return [
    ...entered.map((e) => ({ position: Number(e.enrolment_position), movement: { participantId: e.participant_id, kind: 'entry' as const, occurredOn: entries.get(e.participant_id)!.enrolledOn } })),
    ...moved.map((m) => ({
      position: Number(m.position),
      movement: { participantId: m.participant_id, kind: m.type === 'ParticipantExited' ? ('exit' as const) : ('entry' as const), occurredOn: m.occurred_on },
    })),
  ]
    .filter((m) => !withdrawn.has(m.movement.participantId))
    .sort((a, b) => a.position - b.position)
    .map((m) => m.movement);
}
