import { addDays, addMonths, calendarDateIn, daysBetween, followUpWindow, InterventionKind, IsoDate, TimeZone } from '@pathway/domain';
import { FOLLOW_UP_MONTHS } from './derive-outcome';
import { ParticipantOutcome } from './participant-outcome';
import { LEAVING_WINDOW_DAYS, leavingWindowEnd } from './situation-upon-leaving';

/**
 * An intervention (IPS, a work practice, a course) open this long is probably over and its end not
 * recorded: completion and drop-out rates and the EECR results read whether it was completed or
 * discontinued. 90 days is about one ESF+ reporting quarter; most interventions in the catalogue
 * (career guidance, a course, a work practice) run shorter, and long ones (IPS) are worth a check
 * each quarter. This product's convention, not an ESF+ rule.
 */
export const INTERVENTION_OPEN_DAYS = 90;

/**
 * An active participant with nothing recorded for this long has either stopped coming (an exit to
 * record: ESF+ counts the situation within four weeks of leaving, so a late exit loses it) or has
 * milestones not yet recorded. About two months: long enough for a quiet stretch in a pathway,
 * short enough that a leaver's four-week window is still open when asked about. This product's
 * convention, not an ESF+ rule.
 */
export const NO_MILESTONE_DAYS = 60;

/**
 * Rows of the milestone record that are not news about the person's pathway and so do not end a
 * quiet stretch (`no-recent-milestone`): a correction of the entry profile or enrolment date and
 * a withdrawal are made at a desk, not with the person. Contact-details changes and retractions
 * are not milestone rows at all, so they count as nothing either.
 */
export const NOT_CONTACT_TYPES: readonly string[] = ['EntryProfileCorrected', 'EnrolmentWithdrawn'];

/**
 * How long a closed window stays on the list. A late recording dated inside the window still
 * counts, so a missed deadline is worth a look for a while; after a quarter the chance of finding
 * the answer is small and the list would only grow. The report's "data missing" lines keep them.
 */
export const MISSED_LOOKBACK_DAYS = 90;

/**
 * What a caseworker should do, most urgent first: the order of this list is the order of the
 * worklist. A deadline that can still be met comes before one already missed.
 */
export const WORKLIST_KINDS = [
  'situation-upon-leaving-due',
  'follow-up-overdue',
  'follow-up-due',
  'intervention-open-long',
  'no-recent-milestone',
  'situation-upon-leaving-missed',
  'follow-up-missed',
] as const;
export type WorklistKind = (typeof WORKLIST_KINDS)[number];

/**
 * The rule behind each kind, as a stable id (answered with each item, so a client can explain it):
 * - `ESF+.EECR01-04.UPON_LEAVING`: the immediate results (Regulation (EU) 2021/1057, Annex I)
 *   describe the situation "upon leaving", which the SFC2021 guidance reads as within four weeks
 *   after the exit; outcome milestones dated up to 28 days after the last exit count
 *   (`settleSituationUponLeaving`).
 * - `ESF+.EECR05-06.SIX_MONTH_FOLLOW_UP`: the longer-term results describe the situation six
 *   months after leaving; a follow-up counts when dated within `followUpWindow` (5 to 9 months
 *   after the last exit, this product's window around the ESF+ six-month point, FOLLOW_UP.OUTSIDE_WINDOW).
 * - `PATHWAY.INTERVENTION_OPEN_LONG` and `PATHWAY.NO_RECENT_MILESTONE`: this product's
 *   conventions (`INTERVENTION_OPEN_DAYS`, `NO_MILESTONE_DAYS`), for the completion and drop-out rates.
 */
export const WORKLIST_RULES: Readonly<Record<WorklistKind, string>> = {
  'situation-upon-leaving-due': 'ESF+.EECR01-04.UPON_LEAVING',
  'situation-upon-leaving-missed': 'ESF+.EECR01-04.UPON_LEAVING',
  'follow-up-due': 'ESF+.EECR05-06.SIX_MONTH_FOLLOW_UP',
  'follow-up-overdue': 'ESF+.EECR05-06.SIX_MONTH_FOLLOW_UP',
  'follow-up-missed': 'ESF+.EECR05-06.SIX_MONTH_FOLLOW_UP',
  'intervention-open-long': 'PATHWAY.INTERVENTION_OPEN_LONG',
  'no-recent-milestone': 'PATHWAY.NO_RECENT_MILESTONE',
};

/**
 * What the worklist needs of one participant, all of it already in the read models: the derived
 * outcome (retracted milestones left out, the last exit after the last re-entry) and the
 * milestones that count.
 */
export interface WorklistParticipant {
  participantId: string;
  status: 'active' | 'exited';
  /** The last exit; null while active (also after a re-entry). */
  lastExitOn: IsoDate | null;
  /** False while the settled situation upon leaving is "data missing" (nothing known). */
  situationUponLeavingKnown: boolean;
  /** A six-month follow-up after the last exit is recorded. */
  followUpRecorded: boolean;
  /** The latest date anything happened: the last (re-)entry or the latest-dated milestone that counts. */
  lastActivityOn: IsoDate;
  /** Interventions started and not ended (neither retracted). */
  openInterventions: ReadonlyArray<{ interventionId: string; kind: InterventionKind; startedOn: IsoDate }>;
}

/** One thing to do. Dates are the project's calendar dates; no personal data, only the pseudonymous id. */
export interface WorklistItem {
  participantId: string;
  kind: WorklistKind;
  /** The rule's id (`WORKLIST_RULES`). */
  rule: string;
  /** What the item counts from: the exit, the intervention's start, the last activity. */
  since: IsoDate;
  /** When it should be done by (the end of the four weeks, the six-month point, the threshold reached). */
  dueOn: IsoDate;
  /** The last day it can be dated and still count in the ESF+ results; null without such a window. */
  closesOn: IsoDate | null;
  /** Whole days from today to `dueOn`: 0 on the day itself and after. */
  daysLeft: number;
  /** Whole days `dueOn` is past: 0 until the day after it. */
  daysOverdue: number;
  /** For `intervention-open-long`: which one (ids are pseudonymous, kinds from the catalogue). */
  intervention?: { interventionId: string; kind: InterventionKind };
}

/** Between the parts of a sort key: below every character an id or a date can hold. */
const SEPARATOR = '\u0000';

/**
 * The worklist of a project on `today` (a calendar date in the project's zone; see
 * `worklistToday`), most urgent kind first (`WORKLIST_KINDS`), then the earliest deadline (the
 * window's last day, else `dueOn`), then id.
 * Windows are inclusive at both ends: on day 28 after the exit the situation upon leaving is still
 * due, on day 29 it is missed.
 */
export function buildWorklist(participants: Iterable<WorklistParticipant>, today: IsoDate): WorklistItem[] {
  const items: WorklistItem[] = [];
  const add = (p: WorklistParticipant, kind: WorklistKind, since: IsoDate, dueOn: IsoDate, closesOn: IsoDate | null, extra: Partial<WorklistItem> = {}) => {
    const left = daysBetween(today, dueOn);
    items.push({ participantId: p.participantId, kind, rule: WORKLIST_RULES[kind], since, dueOn, closesOn, daysLeft: Math.max(0, left), daysOverdue: Math.max(0, -left), ...extra });
  };
  const recentlyClosed = (closesOn: IsoDate) => today > closesOn && daysBetween(closesOn, today) <= MISSED_LOOKBACK_DAYS;

  for (const p of participants) {
    if (p.status === 'exited' && p.lastExitOn !== null) {
      const exitOn = p.lastExitOn;
      if (!p.situationUponLeavingKnown) {
        const end = leavingWindowEnd(exitOn);
        if (today >= exitOn && today <= end) add(p, 'situation-upon-leaving-due', exitOn, end, end);
        else if (recentlyClosed(end)) add(p, 'situation-upon-leaving-missed', exitOn, end, end);
      }
      if (!p.followUpRecorded) {
        const window = followUpWindow(exitOn, FOLLOW_UP_MONTHS);
        const point = followUpPoint(exitOn);
        if (today >= window.from && today <= point) add(p, 'follow-up-due', exitOn, point, window.to);
        else if (today > point && today <= window.to) add(p, 'follow-up-overdue', exitOn, point, window.to);
        else if (recentlyClosed(window.to)) add(p, 'follow-up-missed', exitOn, point, window.to);
      }
      continue;
    }
    // An exited participant's interventions can no longer be ended (the decider wants an active
    // participant), and a leaver is not expected to have news: both only for those taking part.
    for (const { interventionId, kind, startedOn } of p.openInterventions) {
      const dueOn = addDays(startedOn, INTERVENTION_OPEN_DAYS);
      if (today >= dueOn) add(p, 'intervention-open-long', startedOn, dueOn, null, { intervention: { interventionId, kind } });
    }
    const quietUntil = addDays(p.lastActivityOn, NO_MILESTONE_DAYS);
    if (today >= quietUntil) add(p, 'no-recent-milestone', p.lastActivityOn, quietUntil, null);
  }

  // One key per item, compared as a string (NUL between the parts keeps `p-1` before `p-10`).
  const rank = new Map(WORKLIST_KINDS.map((kind, i) => [kind, String(i)]));
  const keyed = items.map((item) => ({
    key: [rank.get(item.kind), item.closesOn ?? item.dueOn, item.dueOn, item.participantId, item.intervention?.interventionId ?? ''].join(SEPARATOR),
    item,
  }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ item }) => item);
}

/** The six-month point after the last exit (the date ESF+ EECR05/06 describe). */
export function followUpPoint(lastExitOn: IsoDate): IsoDate {
  return addMonths(lastExitOn, FOLLOW_UP_MONTHS);
}

/** "Today" for the worklist: the calendar date of `now` in the project's zone (summer time included). */
export function worklistToday(now: Date, zone: TimeZone): IsoDate {
  return calendarDateIn(now, zone);
}

/**
 * A participant as the worklist sees them, from their derived outcome (`deriveOutcome`, retracted
 * milestones already left out), the latest date of a milestone that counts (null for none) and
 * their intervention milestones that count (`InterventionStarted` details carry `interventionId`
 * and `kind`, `InterventionEnded` the `interventionId`). Throws a RangeError for a withdrawn enrolment.
 */
export function worklistParticipant(
  outcome: Pick<ParticipantOutcome, 'participantId' | 'status' | 'lastEntryOn' | 'lastExitOn' | 'leavingEmployed' | 'followUpSituation'>,
  lastMilestoneOn: IsoDate | null,
  interventionMilestones: Iterable<{ type: string; occurredOn: IsoDate; details: Record<string, unknown> }>,
): WorklistParticipant {
  // An enrolment withdrawn as made in error leaves nothing to do: callers leave it out.
  if (outcome.status === 'withdrawn') throw new RangeError(`${outcome.participantId} is withdrawn: it has no worklist`);
  return {
    participantId: outcome.participantId,
    status: outcome.status,
    lastExitOn: outcome.status === 'exited' ? outcome.lastExitOn : null,
    // The three settled flags are null together, and only, when nothing is known (`SituationUponLeaving`).
    situationUponLeavingKnown: outcome.leavingEmployed !== null,
    followUpRecorded: outcome.followUpSituation !== null,
    lastActivityOn: lastMilestoneOn !== null && lastMilestoneOn > outcome.lastEntryOn ? lastMilestoneOn : outcome.lastEntryOn,
    openInterventions: openInterventions(
      [...interventionMilestones].map((m) => ({
        type: m.type,
        occurredOn: m.occurredOn,
        interventionId: String(m.details.interventionId),
        kind: m.details.kind as InterventionKind | undefined,
      })),
    ),
  };
}

/**
 * The interventions still open, from a participant's intervention milestones that count (retracted
 * ones already left out): started and never ended. An end whose start was retracted opens nothing.
 */
export function openInterventions(
  milestones: Iterable<{ type: string; occurredOn: IsoDate; interventionId: string; kind?: InterventionKind }>,
): WorklistParticipant['openInterventions'] {
  const started = new Map<string, { interventionId: string; kind: InterventionKind; startedOn: IsoDate }>();
  const ended = new Set<string>();
  for (const m of milestones) {
    if (m.type === 'InterventionStarted' && m.kind) started.set(m.interventionId, { interventionId: m.interventionId, kind: m.kind, startedOn: m.occurredOn });
    else if (m.type === 'InterventionEnded') ended.add(m.interventionId);
  }
  return [...started.values()].filter((i) => !ended.has(i.interventionId));
}

/** The thresholds the items were judged by, for a client's explanations. */
export const WORKLIST_THRESHOLDS = {
  leavingWindowDays: LEAVING_WINDOW_DAYS,
  followUpMonths: FOLLOW_UP_MONTHS,
  interventionOpenDays: INTERVENTION_OPEN_DAYS,
  noMilestoneDays: NO_MILESTONE_DAYS,
  missedLookbackDays: MISSED_LOOKBACK_DAYS,
} as const;
