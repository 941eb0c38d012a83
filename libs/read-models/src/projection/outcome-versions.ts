import { currentEntry, deriveOutcome, EnrolmentFact } from '@pathway/indicators';
import { Selectable } from 'kysely';
import { milestoneFact, outcomeColumns } from './rows';
import { MilestonesTable, OutcomeColumns, ParticipantVersionsTable } from '../schema/read-model-schema';

export type OutcomeVersion = Selectable<ParticipantVersionsTable>;

/**
 * One participant's outcome versions (`participant_versions` rows): its outcome at every log
 * position from its enrolment on, as spans `[from_position, to_position)` (`to_position` null for
 * the one that still holds), in position order. The outcome at position p is what a report as
 * known on p counts: derived (`deriveOutcome`, `currentEntry`) from the enrolment and the timeline
 * rows recorded at or before p and not retracted at or before p. It can only change where an
 * event of the participant's sits (the enrolment, a fact, a retraction): those positions are the
 * boundaries, and consecutive boundaries with equal outcome columns make one version.
 *
 * - `enrolment`: as recorded (before any correction).
 * - `timeline`: every timeline row recorded for the participant, retracted ones too with their
 *   `retracted_position`, in any order (as the `milestones` table holds them).
 * - `previous`, `since` (the live projection, for a batch whose first event of the participant is
 *   at `since`): only boundaries at or after `since` are derived, so a batch costs one derivation
 *   per new boundary, not one per boundary of a long stream; `previous` is the stored version
 *   holding just before `since`, which is returned first, ended where the next begins, or
 *   extended when the outcome at `since` equals it. Without them: every boundary from the enrolment on.
 *
 * Pure. Cost: one derivation, over all of `timeline`, per boundary derived.
 */
export function outcomeVersions(
  enrolment: EnrolmentFact,
  timeline: Selectable<MilestonesTable>[],
  previous: OutcomeVersion | null = null,
  since: number = enrolment.position,
): OutcomeVersion[] {
  const rows = timeline.map((row) => ({ position: Number(row.position), retracted: row.retracted_position === null ? null : Number(row.retracted_position), fact: milestoneFact(row) }));
  const first = Math.max(since, Number(enrolment.position));
  const boundaries = [...new Set([Number(enrolment.position), ...rows.flatMap((r) => (r.retracted === null ? [r.position] : [r.position, r.retracted]))])]
    .filter((at) => at >= first)
    .sort((a, b) => a - b);
  const versions: OutcomeVersion[] = previous ? [{ ...previous, to_position: null }] : [];
  for (const at of boundaries) {
    const counting = rows.filter((r) => r.position <= at && !(r.retracted !== null && r.retracted <= at)).map((r) => r.fact);
    const outcome = outcomeColumns(enrolment, currentEntry(enrolment, counting), deriveOutcome(enrolment, counting));
    const last = versions.at(-1);
    if (last && sameOutcome(last, outcome)) continue;
    if (last) last.to_position = at;
    // The code is stored after the rows are written (`storeOutcomeCodes`), as for participants.
    versions.push({ ...outcome, from_position: at, to_position: null, outcome_code: null });
  }
  return versions;
}

const sameOutcome = (version: OutcomeVersion, outcome: OutcomeColumns): boolean =>
  (Object.keys(outcome) as Array<keyof OutcomeColumns>).every((column) => version[column] === outcome[column]);

/** Rows grouped by participant, in the order they come. */
export function byParticipant<T extends { participant_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.participant_id);
    if (group) group.push(row);
    else groups.set(row.participant_id, [row]);
  }
  return groups;
}
