import { ByGender, CATALOGUE_VERSION, GENDER_GROUPS, IndicatorFigure, INDICATORS, RateFigure, RateMeasure, RATES } from '@pathway/indicators';
import type { IndicatorReportDocument, ProjectSummary } from '@pathway/read-models';

/** #framtid as a project summary gives it; `owner` and `participants` must not reach an export. */
export const FRAMTID: ProjectSummary = {
  projectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  name: '22-015-S01 #framtid',
  owner: 'Stiftelsen Activa, Örebro',
  fund: 'ESF+',
  programme: 'CCI 2021SE05SFPR',
  specificObjective: 'A2A',
  region: 'SE12 Östra Mellansverige',
  startDate: '2023-03-31',
  endDate: '2026-03-30',
  plannedParticipants: 80,
  timeZone: 'Europe/Stockholm',
  participants: { enrolled: 64, active: 28, exited: 36 },
  targetAchievement: 0.8,
};

/** [women, men, non-binary, not disclosed, data missing]; the total is their gender sum. */
const FIGURES: Record<string, [number, number, number, number, number]> = {
  EECO01: [30, 28, 2, 4, 0], EECO02: [18, 17, 1, 2, 0], EECO03: [9, 11, 0, 1, 0], EECO04: [7, 6, 1, 1, 0],
  EECO05: [5, 5, 0, 1, 0], EECO06: [3, 4, 0, 0, 2], EECO07: [20, 18, 2, 3, 2], EECO08: [2, 1, 0, 0, 2],
  EECO09: [12, 14, 1, 2, 3], EECO10: [12, 10, 1, 1, 3], EECO11: [6, 4, 0, 1, 3], EECO12: [8, 9, 1, 0, 6],
  EECO13: [10, 8, 0, 1, 5], EECO14: [16, 15, 1, 2, 5], EECO15: [3, 2, 0, 0, 9], EECO16: [2, 4, 0, 1, 7],
  EECO17: [7, 5, 0, 0, 4], EECR01: [6, 5, 0, 1, 4], EECR02: [5, 3, 1, 0, 4], EECR03: [7, 6, 0, 1, 0],
  EECR04: [9, 8, 1, 1, 4], EECR05: [6, 7, 0, 1, 10], EECR06: [4, 5, 0, 0, 12],
};

/** [numerator, denominator] per gender group, in GENDER_GROUPS order. */
type Pairs = [[number, number], [number, number], [number, number], [number, number]];
const RATE_COUNTS: Record<string, Pairs> = {
  COMPLETION_RATE: [[12, 17], [10, 15], [1, 2], [1, 2]],
  DROP_OUT_RATE: [[3, 17], [4, 15], [1, 2], [0, 2]],
  PLACEMENT_RATE: [[9, 17], [8, 15], [1, 2], [1, 2]],
  EDUCATION_OR_WORK_RATE: [[13, 17], [10, 15], [2, 2], [1, 2]],
  SCHOOL_COMPLETION_RATE: [[5, 12], [6, 14], [0, 1], [1, 2]],
  MEDIAN_DAYS_TO_PLACEMENT: [[84, 10], [97, 9], [120, 1], [45, 1]],
  TARGET_ACHIEVEMENT: [[30, 80], [28, 80], [2, 80], [4, 80]],
};
const MEDIAN_OF_ALL_PLACED = 90;

function figure(code: string, name: string): IndicatorFigure {
  const [women, men, nonBinary, genderNotDisclosed, dataMissing] = FIGURES[code]!;
  return { code, name, total: women + men + nonBinary + genderNotDisclosed, women, men, nonBinary, genderNotDisclosed, dataMissing };
}

const measure = (numerator: number, denominator: number): RateMeasure =>
  ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

function rate(code: string, name: string): RateFigure {
  const pairs = RATE_COUNTS[code]!;
  const median = code === 'MEDIAN_DAYS_TO_PLACEMENT';
  // A median's numerator is the median itself, and so is its value.
  const groupMeasure = ([n, d]: [number, number]) => (median ? { numerator: n, denominator: d, value: d === 0 ? null : n } : measure(n, d));
  const groups = Object.fromEntries(GENDER_GROUPS.map((g, i) => [g, groupMeasure(pairs[i]!)])) as ByGender<RateMeasure>;
  const sum = (k: 0 | 1) => pairs.reduce((s, p) => s + p[k], 0);
  const total = median ? { numerator: MEDIAN_OF_ALL_PLACED, denominator: sum(1), value: MEDIAN_OF_ALL_PLACED }
    : code === 'TARGET_ACHIEVEMENT' ? measure(sum(0), 80)
      : measure(sum(0), sum(1));
  const byGender = Object.fromEntries(GENDER_GROUPS.map((g) => [g, groups[g].value])) as ByGender<number | null>;
  return { code, name, ...total, byGender, byGenderMeasures: groups };
}

/** A hand-made report for #framtid, for the period to the end of 2025 as known on 15 January 2026. */
export function framtidReport(): IndicatorReportDocument {
  return {
    projectId: FRAMTID.projectId,
    period: { from: '2023-03-31', to: '2025-12-31' },
    asKnownOn: '2026-01-15T12:00:00.000Z',
    position: 4711,
    cutOffPosition: 4800,
    catalogueVersion: CATALOGUE_VERSION,
    indicators: INDICATORS.map(({ code, name }) => figure(code, name)),
    rates: RATES.map(({ code, name }) => rate(code, name)),
  };
}
