import { EntryProfile, IsoDate, Milestone } from '@pathway/domain';

/**
 * One thing a caseworker will record for a participant, before it is given a recording
 * instant. `on` is the day the caseworker learns of it: the milestone's date for most,
 * a later day for corrections.
 */
export type PlannedStep =
  | { kind: 'enrol'; on: IsoDate; enrolledOn: IsoDate; profile: EntryProfile }
  | { kind: 'record'; on: IsoDate; milestone: Milestone }
  | { kind: 'retract'; on: IsoDate; target: PlannedStep; reason: string };

/**
 * Order of steps on the same day, so the sequence obeys the participant rules: enrolled first,
 * an intervention started before it ends and ended before the exit, a follow-up after the exit.
 */
export function sameDayRank(step: PlannedStep): number {
  if (step.kind === 'enrol') return 0;
  if (step.kind === 'retract') return 1;
  switch (step.milestone.type) {
    case 're-entered':
      return 2;
    case 'intervention-started':
      return 3;
    case 'intervention-ended':
      return 4;
    case 'exited':
      return 6;
    case 'follow-up-recorded':
      return 7;
    default:
      return 5;
  }
}

/** Steps in the order a caseworker records them; the sort is stable, so ties keep plan order. */
export function inRecordingOrder(steps: PlannedStep[]): PlannedStep[] {
  return [...steps].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : sameDayRank(a) - sameDayRank(b)));
}

export const record = (milestone: Milestone, on: IsoDate = milestone.occurredOn): PlannedStep => ({
  kind: 'record',
  on,
  milestone,
});
