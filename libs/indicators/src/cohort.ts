import { Gender, IsoDate, LabourMarketStatus } from '@pathway/domain';
import { ParticipantOutcome } from './participant-outcome';

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

export interface Cohort {
  populations: Record<Population, ParticipantOutcome[]>;
  to: IsoDate;
  plannedParticipants: number;
}

/** A withdrawn participant (an enrolment made in error) is in no population. */
export function cohortOf(all: ParticipantOutcome[], period: ReportPeriod, plannedParticipants: number): Cohort {
  const outcomes = all.filter((o) => o.status !== 'withdrawn');
  const within = (date: IsoDate) => (period.from === null || date >= period.from) && date <= period.to;
  const results = outcomes.filter((o) => o.lastExitOn !== null && within(o.lastExitOn));
  const followUpDueOrDone = (o: ParticipantOutcome) =>
    o.followUpSituation !== null || (o.sixMonthPointOn !== null && o.sixMonthPointOn <= period.to);
  const followUp = results.filter(followUpDueOrDone);
  return {
    populations: {
      outputs: outcomes.filter((o) => within(o.firstEnrolledOn)),
      results,
      'follow-up': followUp,
      'follow-up-employed-at-entry': followUp.filter((o) => EMPLOYED_AT_ENTRY.has(o.labourMarketStatus)),
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
    for (const o of cohort.populations[population]) split[genderGroupOf(o.gender)].populations[population].push(o);
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
