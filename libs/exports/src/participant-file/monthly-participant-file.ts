import { createHash } from 'node:crypto';
import { addDays, IsoDate, lastDayOf, Month, monthOf } from '@pathway/domain';

/**
 * The monthly participant file Swedish ESF projects send to Statistics Sweden (SCB). SCB's
 * instructions for ESF projects (scb.se, "Europeiska socialfonden", Lämna uppgifter): new
 * participants are reported in the month they start, end dates in the month the participant
 * ends; the file for a month opens on the first day of the next month and is due within four
 * weeks after the month ends; when a file already sent must change, the files of every later
 * month must be read in again. Pure functions over pseudonymous facts: the identity numbers are
 * joined in only when a file is written (see the API), never here.
 */

/** An entry (first enrolment or a re-entry) or an exit, as the pathway counts it (not retracted). */
export interface Movement {
  participantId: string;
  kind: 'entry' | 'exit';
  occurredOn: IsoDate;
}

/** One stay in the project: from an entry to the exit that follows it, if any yet. */
export interface Stay {
  participantId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/** A row of a month's file, pseudonymous: the identity number is looked up by `participantId`. */
export interface ParticipantFileRow {
  participantId: string;
  startDate: IsoDate;
  /** The stay's end when it fell in or before the month, else empty (reported in its own month). */
  endDate: IsoDate | null;
}

/** How a sent month stands against what is known now. */
export type SentMonthStatus =
  | { month: Month; status: 'current' }
  /** The month's rows differ from those sent: `added` are rows to send that were not sent, `removed` rows sent that no longer hold. */
  | { month: Month; status: 'changed'; added: ParticipantFileRow[]; removed: ParticipantFileRow[] }
  /** Unchanged itself, but an earlier sent month changed, and SCB reads every later month again. */
  | { month: Month; status: 'follows'; after: Month };

/** The day the month's file is due: four weeks (28 days) after the month ends (SCB's timetable). */
export const dueBy = (month: Month): IsoDate => addDays(lastDayOf(month), 28);

/**
 * The stays of each participant from their movements, given in the order they were recorded
 * (the decider only accepts an exit while active and a re-entry after an exit, so that order
 * alternates). An exit without an open stay or an entry during one cannot be recorded; they are
 * skipped rather than invented into a stay.
 */
export function staysOf(movements: readonly Movement[]): Stay[] {
  const open = new Map<string, Stay>();
  const stays: Stay[] = [];
  for (const { participantId, kind, occurredOn } of movements) {
    const current = open.get(participantId);
    if (kind === 'entry' && !current) {
      const stay = { participantId, startDate: occurredOn, endDate: null };
      open.set(participantId, stay);
      stays.push(stay);
    } else if (kind === 'exit' && current) {
      current.endDate = occurredOn;
      open.delete(participantId);
    }
  }
  return stays;
}

/**
 * The rows of a month's file: the stays that started in the month (the new participants, and
 * re-entries) or ended in it (the end dates). A stay both starting and ending in the month is one
 * row with both dates; an end after the month is left empty, to be reported in its own month.
 * Ordered by start date, then participant id, so the same facts always give the same file.
 */
export function participantFileRows(stays: readonly Stay[], month: Month): ParticipantFileRow[] {
  const last = lastDayOf(month);
  return stays
    .filter((s) => monthOf(s.startDate) === month || (s.endDate !== null && monthOf(s.endDate) === month))
    .map((s) => ({ participantId: s.participantId, startDate: s.startDate, endDate: s.endDate !== null && s.endDate <= last ? s.endDate : null }))
    .sort((a, b) => (a.startDate === b.startDate ? a.participantId.localeCompare(b.participantId) : a.startDate < b.startDate ? -1 : 1));
}

/** `sha-256=<base64>` of a month's rows (pseudonymous), to tell later whether they changed. */
export function rowsDigest(rows: readonly ParticipantFileRow[]): string {
  const canonical = JSON.stringify(rows.map((r) => [r.participantId, r.startDate, r.endDate]));
  return `sha-256=${createHash('sha256').update(canonical).digest('base64')}`;
}

/**
 * Whether each sent month must be sent again, by SCB's rule: a month whose rows as known now
 * differ from the rows it was sent with is `changed` (with the rows added and removed), and
 * every sent month after the earliest changed one `follows` it, changed or not. A month also
 * `follows` an earlier month sent again after it was last sent (SCB reads every later month in
 * again after a corrected file, even once the corrected month itself is current). `sent` gives,
 * per month, the rows as sent (derived again at the cut-off it was sent at), and optionally
 * `order` (when its last sending was recorded, in any increasing measure) and `resent` (whether
 * it was sent more than once); `now` the rows as known now. Months are answered in calendar order.
 */
export function sentMonthStatuses(
  sent: ReadonlyArray<{ month: Month; rows: readonly ParticipantFileRow[]; order?: number; resent?: boolean }>,
  now: (month: Month) => readonly ParticipantFileRow[],
): SentMonthStatus[] {
  const key = (r: ParticipantFileRow) => `${r.participantId}\u0000${r.startDate}\u0000${r.endDate ?? ''}`;
  let firstChanged: Month | null = null;
  const earlier: Array<{ month: Month; order?: number; resent?: boolean }> = [];
  return [...sent]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map(({ month, rows, order, resent }): SentMonthStatus => {
      const current = now(month);
      const before = new Set(rows.map(key));
      const after = new Set(current.map(key));
      const added = current.filter((r) => !before.has(key(r)));
      const removed = rows.filter((r) => !after.has(key(r)));
      const resentSince = earlier.find((e) => e.resent === true && e.order !== undefined && order !== undefined && e.order > order);
      earlier.push({ month, order, resent });
      if (added.length > 0 || removed.length > 0) {
        firstChanged ??= month;
        return { month, status: 'changed', added, removed };
      }
      if (firstChanged !== null) return { month, status: 'follows', after: firstChanged };
      return resentSince ? { month, status: 'follows', after: resentSince.month } : { month, status: 'current' };
    });
}
