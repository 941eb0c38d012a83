import { EntryProfile, IsoDate, MilestoneEvent } from '@pathway/domain';

/**
 * What the read models keep of a participant's events: enough to derive outcomes as known
 * now or as known on any earlier instant (each fact has its recording time, each retraction too).
 */
export interface EnrolmentFact {
  participantId: string;
  projectId: string;
  enrolledOn: IsoDate;
  profile: EntryProfile;
  recordedAt: string;
  position: number;
}

export interface MilestoneFact {
  eventId: string;
  participantId: string;
  projectId: string;
  position: number;
  /** The event type, e.g. `JobPlaced`. */
  type: MilestoneEvent['type'];
  occurredOn: IsoDate;
  recordedAt: string;
  /** The milestone's own fields (for `JobPlaced`: employment, contract, hoursPerWeek). */
  details: Record<string, unknown>;
  retractedBy: string | null;
  retractedAt: string | null;
}

/** Facts as they stood at instant K: recorded by then, and not retracted by then. */
export function knownAt(facts: MilestoneFact[], instant: string): MilestoneFact[] {
  return facts.filter((f) => f.recordedAt <= instant && !(f.retractedAt !== null && f.retractedAt <= instant));
}
