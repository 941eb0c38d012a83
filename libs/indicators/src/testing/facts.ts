import { EntryProfile, ExitReason, IsoDate, Situation } from '@pathway/domain';
import { deriveOutcome } from '../derive-outcome';
import { EnrolmentFact, MilestoneFact } from '../participant-facts';
import { ParticipantOutcome } from '../participant-outcome';

/**
 * Fact builders for tests. Each fact takes the next log position when built, so facts are
 * "recorded" in the order a test writes them; by default each is recorded at noon on its own date.
 */
let position = 0;

const PROFILE: EntryProfile = {
  birthDate: '2000-06-15',
  gender: 'woman',
  labourMarketStatus: 'unemployed',
  inEducationOrTraining: false,
  educationLevel: 'isced-3-4',
  disability: false,
  thirdCountryNational: false,
  foreignBackground: false,
  minority: false,
  homeless: false,
  ruralArea: false,
};

export function enrolment(enrolledOn: IsoDate, profile: Partial<EntryProfile> = {}): EnrolmentFact {
  position += 1;
  return {
    participantId: `p-${position}`,
    projectId: '22-015-S01',
    enrolledOn,
    profile: { ...PROFILE, ...profile },
    recordedAt: `${enrolledOn}T12:00:00.000Z`,
    position,
  };
}

/** When a fact was recorded and, if it was, when it was retracted (instants). */
export interface Recording {
  recordedAt?: string;
  retractedAt?: string;
}

function milestone(
  type: MilestoneFact['type'],
  occurredOn: IsoDate,
  details: Record<string, unknown>,
  recording: Recording = {},
): MilestoneFact {
  position += 1;
  return {
    eventId: `e-${position}`,
    participantId: 'set-by-outcomeOf',
    projectId: '22-015-S01',
    position,
    type,
    occurredOn,
    recordedAt: recording.recordedAt ?? `${occurredOn}T12:00:00.000Z`,
    details,
    retractedBy: recording.retractedAt === undefined ? null : `retraction-of-e-${position}`,
    retractedAt: recording.retractedAt ?? null,
  };
}

export const exited = (on: IsoDate, reason: ExitReason = 'completed', situation: Situation = 'unknown', r?: Recording) =>
  milestone('ParticipantExited', on, { reason, situation }, r);
export const reEntered = (on: IsoDate, r?: Recording) => milestone('ParticipantReEntered', on, {}, r);
export const placed = (on: IsoDate, r?: Recording) =>
  milestone('JobPlaced', on, { employment: 'employee', contract: 'permanent', hoursPerWeek: 40 }, r);
export const jobSearchStarted = (on: IsoDate, r?: Recording) => milestone('JobSearchStarted', on, {}, r);
export const educationEntered = (on: IsoDate, r?: Recording) =>
  milestone('EducationEntered', on, { programme: 'vocational' }, r);
export const qualificationGained = (on: IsoDate, r?: Recording) =>
  milestone('QualificationGained', on, { qualification: 'forklift licence', iscedLevel: null }, r);
export const schoolCompleted = (on: IsoDate, r?: Recording) =>
  milestone('SchoolCompleted', on, { level: 'compulsory', fullGrades: true }, r);
export const followUp = (on: IsoDate, situation: Situation, improvedSituation: boolean | null, monthsAfterExit = 6) =>
  milestone('FollowUpRecorded', on, { monthsAfterExit, situation, improvedSituation });

/** The outcome of a participant given their enrolment and the milestones that count. */
export function outcomeOf(enrolled: EnrolmentFact, ...facts: MilestoneFact[]): ParticipantOutcome {
  return deriveOutcome(enrolled, facts.map((f) => ({ ...f, participantId: enrolled.participantId })));
}
