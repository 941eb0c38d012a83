import { Kysely } from 'kysely';
import { FreeTextView, SEALED_TEXT } from '@pathway/application';
import { EntryProfile, FREE_TEXT_FIELDS } from '@pathway/domain';
import { currentProfile } from '../projection/rows';
import { ReadModelSchema } from '../schema/read-model-schema';

export interface PathwayView {
  participantId: string;
  projectId: string;
  status: string;
  enrolledOn: string;
  lastEntryOn: string;
  lastExitOn: string | null;
  exit: { reason: string; situation: string } | null;
  /** The entry profile as corrected; `enrolledOn` too. Each correction is on the timeline (`EntryProfileCorrected`). */
  profile: EntryProfile;
  /**
   * Set when the enrolment was withdrawn as made in error (status `withdrawn`): on what ground,
   * for a duplicate the participant who stays (`duplicateOf`), and who withdrew it when.
   */
  withdrawal: { ground: string; duplicateOf: string | null; withdrawnOn: string; recordedAt: string; recordedBy: string } | null;
  /**
   * Every milestone as recorded; a retracted one stays, marked with who retracted it, when and
   * why. Free text (a qualification's `details.qualification`, a retraction's `reason`) is not in
   * the read models: here it is `{status: 'sealed'}`, which the API opens from the log for whom
   * it is meant.
   */
  timeline: Array<{
    eventId: string;
    type: string;
    occurredOn: string;
    recordedAt: string;
    recordedBy: string;
    details: Record<string, unknown>;
    retracted: { by: string; at: string; reason: FreeTextView } | null;
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
    profile: currentProfile(row),
    withdrawal: withdrawalOf(milestones),
    timeline: milestones.map((m) => ({
      eventId: m.event_id,
      type: m.type,
      occurredOn: m.occurred_on,
      recordedAt: m.recorded_at,
      recordedBy: m.recorded_by,
      details: withSealedText(m.type, JSON.parse(m.details)),
      retracted: m.retracted_by ? { by: m.retracted_by, at: m.retracted_at!, reason: SEALED_TEXT } : null,
    })),
    position: Number(row.last_position),
  };
}

function withdrawalOf(timeline: Array<{ type: string; details: string; occurred_on: string; recorded_at: string; recorded_by: string; retracted_by: string | null }>): PathwayView['withdrawal'] {
  const row = timeline.find((m) => m.type === 'EnrolmentWithdrawn' && m.retracted_by === null);
  if (!row) return null;
  const { ground, duplicateOf } = JSON.parse(row.details) as { ground: string; duplicateOf: string | null };
  return { ground, duplicateOf, withdrawnOn: row.occurred_on, recordedAt: row.recorded_at, recordedBy: row.recorded_by };
}

/** Marks where free text was left out of the details, so every reader sees the same shape. */
function withSealedText(type: string, details: Record<string, unknown>): Record<string, unknown> {
  const fields = FREE_TEXT_FIELDS[type] ?? [];
  return { ...details, ...Object.fromEntries(fields.map((field) => [field, SEALED_TEXT])) };
}
