import { Gender, IsoDate, LabourMarketStatus } from '@pathway/domain';
import { OutcomeField, ParticipantOutcome } from './participant-outcome';

/** Both ends inclusive; `from: null` is "since the start of the project" (ESF+ figures are cumulative). */
export interface ReportPeriod {
  from: IsoDate | null;
  to: IsoDate;
}

/**
 * Who each indicator looks at:
 * - outputs: first enrolled within the period (one row per participant, however often they re-entered);
 * - results: last exited within the period (re-entered and not exited again: not here);
 * - follow-up: of the results population, those whose six-month point has come by `to` or whose
 *   follow-up is already recorded; a follow-up not yet due is neither counted nor missing;
 * - follow-up-employed-at-entry: of the follow-up population, those employed or self-employed at
 *   first entry (EECR06, whose "improved labour-market situation" is a change from a job).
 */
export type Population = 'outputs' | 'results' | 'follow-up' | 'follow-up-employed-at-entry';

const EMPLOYED_AT_ENTRY: ReadonlySet<LabourMarketStatus> = new Set(['employed', 'self-employed']);

/**
 * The outcome fields `cohortOf` reads to place a participant in each population (besides
 * `gender`, which every figure is broken down by): what a grouped count must keep of each cell.
 */
export const POPULATION_READS: Readonly<Record<Population, readonly OutcomeField[]>> = {
  outputs: ['status', 'firstEnrolledOn'],
  results: ['status', 'lastExitOn'],
  'follow-up': ['status', 'lastExitOn', 'followUpSituation', 'sixMonthPointOn'],
  'follow-up-employed-at-entry': ['status', 'lastExitOn', 'followUpSituation', 'sixMonthPointOn', 'labourMarketStatus'],
};

/**
 * `participants` participants alike in every field the figures counted from this cell read: one
 * participant (the row path), or a group the read-model database counted (the grouped path).
 */
export interface OutcomeCell {
  outcome: ParticipantOutcome;
  participants: number;
}

export const participantsIn = (cells: ReadonlyArray<{ participants: number }>): number =>
  cells.reduce((sum, c) => sum + c.participants, 0);

export interface Cohort {
  populations: Record<Population, OutcomeCell[]>;
  to: IsoDate;
  plannedParticipants: number;
}

/** A withdrawn participant (an enrolment made in error) is in no population. */
export function cohortOf(all: readonly OutcomeCell[], period: ReportPeriod, plannedParticipants: number): Cohort {
  const cells = all.filter((c) => c.outcome.status !== 'withdrawn');
  const within = (date: IsoDate) => (period.from === null || date >= period.from) && date <= period.to;
  const results = cells.filter(({ outcome: o }) => o.lastExitOn !== null && within(o.lastExitOn));
  const followUpDueOrDone = ({ outcome: o }: OutcomeCell) =>
    o.followUpSituation !== null || (o.sixMonthPointOn !== null && o.sixMonthPointOn <= period.to);
  const followUp = results.filter(followUpDueOrDone);
  return {
    populations: {
      outputs: cells.filter((c) => within(c.outcome.firstEnrolledOn)),
      results,
      'follow-up': followUp,
      'follow-up-employed-at-entry': followUp.filter((c) => EMPLOYED_AT_ENTRY.has(c.outcome.labourMarketStatus)),
    },
    to: period.to,
    plannedParticipants,
  };
}

/** The cohort split by gender group in one pass over each population; the plan stays whole in each. */
export function byGenderGroup(cohort: Cohort): ByGender<Cohort> {
  const empty = (): Cohort => ({
    ...cohort,
    populations: { outputs: [], results: [], 'follow-up': [], 'follow-up-employed-at-entry': [] },
  });
  const split: ByGender<Cohort> = { women: empty(), men: empty(), nonBinary: empty(), genderNotDisclosed: empty() };
  for (const population of Object.keys(cohort.populations) as Population[]) {
    for (const c of cohort.populations[population]) split[genderGroupOf(c.outcome.gender)].populations[population].push(c);
  }
  return split;
}

/** The gender breakdown ESF+ asks for, plus those who did not disclose a gender (never dropped). */
export const GENDER_GROUPS = ['women', 'men', 'nonBinary', 'genderNotDisclosed'] as const;
export type GenderGroup = (typeof GENDER_GROUPS)[number];
export type ByGender<T> = Record<GenderGroup, T>;

const GROUP_OF: Record<Gender, GenderGroup> = { woman: 'women', man: 'men', 'non-binary': 'nonBinary' };

export function genderGroupOf(gender: Gender | null): GenderGroup {
  return gender === null ? 'genderNotDisclosed' : GROUP_OF[gender];
}
