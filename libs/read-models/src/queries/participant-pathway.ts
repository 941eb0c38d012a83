import { Kysely } from 'kysely';
import { EntryProfile } from '@pathway/domain';
import { enrolmentFact } from '../projection/rows';
import { ReadModelSchema } from '../schema/read-model-schema';

export interface PathwayView {
  participantId: string;
  projectId: string;
  status: string;
  enrolledOn: string;
  lastEntryOn: string;
  lastExitOn: string | null;
  exit: { reason: string; situation: string } | null;
  profile: EntryProfile;
  /** Every milestone as recorded; a retracted one stays, marked with who retracted it, when and why. */
  timeline: Array<{
    eventId: string;
    type: string;
    occurredOn: string;
    recordedAt: string;
    recordedBy: string;
    details: Record<string, unknown>;
    retracted: { by: string; at: string; reason: string } | null;
  }>;
  /** The last log position reflected here. */
  position: number;
}

export async function participantPathway(db: Kysely<ReadModelSchema>, participantId: string): Promise<PathwayView | null> {
  const row = await db.selectFrom('participants').selectAll().where('participant_id', '=', participantId).executeTakeFirst();
  if (!row) return null;
  const milestones = await db
    .selectFrom('milestones')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('position')
    .execute();
  return {
    participantId,
    projectId: row.project_id,
    status: row.status,
    enrolledOn: row.enrolled_on,
    lastEntryOn: row.last_entry_on,
    lastExitOn: row.last_exit_on,
    exit: row.exit_reason ? { reason: row.exit_reason, situation: row.exit_situation! } : null,
    profile: enrolmentFact(row).profile,
    timeline: milestones.map((m) => ({
      eventId: m.event_id,
      type: m.type,
      occurredOn: m.occurred_on,
      recordedAt: m.recorded_at,
      recordedBy: m.recorded_by,
      details: JSON.parse(m.details),
      retracted: m.retracted_by ? { by: m.retracted_by, at: m.retracted_at!, reason: m.retraction_reason! } : null,
    })),
    position: Number(row.last_position),
  };
}
