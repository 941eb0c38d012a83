import { applyEntryCorrection, CorrectedEntry, EntryCorrection, EntryProfile, IsoDate, MilestoneEvent } from '@pathway/domain';

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

/**
 * The events of a participant's timeline besides the enrolment: milestones, and corrections of the
 * entry and a withdrawal (whose `occurredOn` is the project's date they were made on, and whose
 * details are the corrected fields, or the ground and `duplicateOf`).
 */
export type TimelineEventType = MilestoneEvent['type'] | 'EntryProfileCorrected' | 'EnrolmentWithdrawn';

export interface MilestoneFact {
  eventId: string;
  participantId: string;
  projectId: string;
  position: number;
  /** The event type, e.g. `JobPlaced`. */
  type: TimelineEventType;
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

/**
 * The enrolment date and entry profile as they stand after the corrections among `facts` (those
 * that count: retracted ones left out, and for a report as known on an instant, only those known
 * by then), applied in log order by the domain's one rule (`applyEntryCorrection`).
 */
export function currentEntry(enrolment: EnrolmentFact, facts: MilestoneFact[]): CorrectedEntry {
  return facts
    .filter((f) => f.type === 'EntryProfileCorrected')
    .sort((a, b) => a.position - b.position)
    .reduce((entry, f) => applyEntryCorrection(entry, f.details.corrected as EntryCorrection), { enrolledOn: enrolment.enrolledOn, profile: enrolment.profile });
}

/** Whether `facts` hold a withdrawal of the enrolment (made in error): such a participant counts nowhere. */
export const isWithdrawn = (facts: MilestoneFact[]): boolean => facts.some((f) => f.type === 'EnrolmentWithdrawn');
