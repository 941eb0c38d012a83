import { IndicatorFigure, RateFigure, RateMeasure } from '@pathway/indicators';
import { GENDER_BREAKDOWNS, IndicatorBreakdown, RateBreakdown } from './export-row';
import { Line, LinkedTable } from './linked-table';

/** The columns every indicator and rate is published in: the gender groups, then the total. */
const COLUMNS = [...GENDER_BREAKDOWNS.map(([, breakdown]) => breakdown), 'total'] as const;
const GENDERS = GENDER_BREAKDOWNS.map(([, breakdown]) => breakdown);

/** How a rate's numerator and denominator count people (see rate-rows.ts). */
export type Counting = 'share' | 'median' | 'against-plan';
const COUNTING: Readonly<Record<string, Counting>> = {
  MEDIAN_DAYS_TO_PLACEMENT: 'median',
  TARGET_ACHIEVEMENT: 'against-plan',
};
export const countingOf = (code: string): Counting => COUNTING[code] ?? 'share';

/** Cell ids: `EECO01:women`, `EECO09:data-missing`, `COMPLETION_RATE:total:denominator`. */
export const indicatorCell = (code: string, breakdown: IndicatorBreakdown): string => `${code}:${breakdown}`;
export const rateCell = (code: string, breakdown: RateBreakdown, part: 'numerator' | 'denominator'): string =>
  `${code}:${breakdown}:${part}`;
const educationMissing = (breakdown: string) => `education-missing:${breakdown}`;

/** Labour-market status at entry is a required answer, so EECO02 + EECO04 + EECO05 = EECO01 (EECO03 is inside EECO02). */
const LABOUR_MARKET = ['EECO02', 'EECO04', 'EECO05'];
/** ISCED 0-2, 3-4, 5-8 and "not disclosed" (their shared data-missing count) partition EECO01. */
const EDUCATION = ['EECO09', 'EECO10', 'EECO11'];
/**
 * One figure published under two names, from the catalogue's definitions: participants against plan
 * count EECO01; the placement rate's numerator is EECR04; the school completion rate's denominator is
 * EECO09; four rates share the leavers as denominator; indicators over one profile answer share
 * their data-missing count.
 */
const SAME_NUMERATOR_AS: Array<[string, string]> = [['TARGET_ACHIEVEMENT', 'EECO01'], ['PLACEMENT_RATE', 'EECR04']];
const SAME_DENOMINATOR_AS: Array<[string, string]> = [['SCHOOL_COMPLETION_RATE', 'EECO09']];
const LEAVERS = ['COMPLETION_RATE', 'DROP_OUT_RATE', 'PLACEMENT_RATE', 'EDUCATION_OR_WORK_RATE'];
const AGE_BANDS = ['EECO06', 'EECO07', 'EECO08'];
const YES_NO = ['EECO12', 'EECO13', 'EECO14', 'EECO15', 'EECO16', 'EECO17'];
const RESULTS = ['EECR01', 'EECR02', 'EECR03', 'EECR04'];
const SAME_DATA_MISSING = [['EECO01', 'EECO02', 'EECO03', 'EECO04', 'EECO05'], EDUCATION, ['EECO06', 'EECO07', 'EECO08']];

/**
 * Every count a funder export publishes, and every additive relation between them that a reader can
 * use: each figure's gender cells add up to its total; the labour-market partition; the education
 * partition with its data-missing cells (the per-gender "not disclosed" counts are never published,
 * but bound: they add up to the data-missing cell); rate numerators and denominators that are other
 * published figures. Relations that only bound a cell (EECO03 <= EECO02, an age band <= EECO01, a
 * numerator <= its denominator) cannot pin a hidden cell on their own and are left to the audit.
 */
export function exportRelations(indicators: readonly IndicatorFigure[], rates: readonly RateFigure[]): LinkedTable {
  const counts = new Map<string, number>();
  const unpublished = new Map<string, number>();
  const lines: Line[] = [];
  const follows: Array<[string, string]> = [];

  for (const figure of indicators) {
    GENDER_BREAKDOWNS.forEach(([group, breakdown]) => counts.set(indicatorCell(figure.code, breakdown), figure[group]));
    counts.set(indicatorCell(figure.code, 'data-missing'), figure.dataMissing);
    counts.set(indicatorCell(figure.code, 'total'), figure.total);
    lines.push({ total: indicatorCell(figure.code, 'total'), parts: GENDERS.map((g) => indicatorCell(figure.code, g)) });
  }
  for (const rate of rates) {
    const counting = countingOf(rate.code);
    const measures: Array<[RateBreakdown, RateMeasure]> =
      [['total', rate], ...GENDER_BREAKDOWNS.map(([group, b]): [RateBreakdown, RateMeasure] => [b, rate.byGenderMeasures[group]])];
    const parts = (['numerator', 'denominator'] as const).filter((part) =>
      counting === 'share' || (counting === 'median' ? part === 'denominator' : part === 'numerator'));
    for (const part of parts) {
      for (const [breakdown, measure] of measures) counts.set(rateCell(rate.code, breakdown, part), measure[part]);
      lines.push({ total: rateCell(rate.code, 'total', part), parts: GENDERS.map((g) => rateCell(rate.code, g, part)) });
    }
    if (counting === 'share') {
      for (const b of COLUMNS) follows.push([rateCell(rate.code, b, 'denominator'), rateCell(rate.code, b, 'numerator')]);
    }
  }

  const has = (code: string) => counts.has(indicatorCell(code, 'total'));
  if (['EECO01', ...LABOUR_MARKET].every(has)) {
    for (const b of COLUMNS) lines.push({ total: indicatorCell('EECO01', b), parts: LABOUR_MARKET.map((code) => indicatorCell(code, b)) });
  }
  if (['EECO01', ...EDUCATION].every(has)) lines.push(...educationLines(counts, unpublished));

  const same = [
    ...COLUMNS.flatMap((b) => [
      ...SAME_NUMERATOR_AS.map(([rate, code]) => [rateCell(rate, b, 'numerator'), indicatorCell(code, b)]),
      ...SAME_DENOMINATOR_AS.map(([rate, code]) => [rateCell(rate, b, 'denominator'), indicatorCell(code, b)]),
      LEAVERS.map((rate) => rateCell(rate, b, 'denominator')),
    ]),
    ...SAME_DATA_MISSING.map((codes) => codes.map((code) => indicatorCell(code, 'data-missing'))),
  ].map((group) => group.filter((cell) => counts.has(cell))).filter((group) => group.length > 1);

  return { counts, unpublished, lines, same, follows, bounds: boundLines(counts, unpublished) };
}

/**
 * The inequalities a reader knows from the catalogue, each as total = parts + a slack of its own
 * (unpublished, at least 0), kept only where the figures satisfy them: EECO03 within EECO02; the age
 * bands, each yes/no answer and those placed within EECO01 (with data missing, in total); results
 * within the leavers; completed and dropped out within the leavers; a share's numerator within its
 * denominator; education-or-work at least EECR02 and EECR04 and at most their sum.
 */
function boundLines(counts: Map<string, number>, unpublished: Map<string, number>): Line[] {
  const lines: Line[] = [];
  const value = (cell: string) => counts.get(cell) ?? unpublished.get(cell);
  const within = (total: string, parts: string[]) => {
    const values = [total, ...parts].map(value);
    if (values.some((v) => v === undefined)) return;
    const slack = values[0]! - values.slice(1).reduce((s, v) => s! + v!, 0)!;
    if (slack < 0) return;
    const name = `slack:${lines.length}`;
    unpublished.set(name, slack);
    lines.push({ total, parts: [...parts, name] });
  };
  const leavers = (b: string) => rateCell(LEAVERS[0]!, b as RateBreakdown, 'denominator');
  for (const b of COLUMNS) {
    const inTotal = (code: string) => (b === 'total' ? [indicatorCell(code, 'data-missing')] : []);
    within(indicatorCell('EECO02', b), [indicatorCell('EECO03', b)]);
    within(indicatorCell('EECO01', b), [...AGE_BANDS.map((code) => indicatorCell(code, b)), ...inTotal(AGE_BANDS[0]!)]);
    for (const flag of YES_NO) within(indicatorCell('EECO01', b), [indicatorCell(flag, b), ...inTotal(flag)]);
    within(indicatorCell('EECO01', b), [rateCell('MEDIAN_DAYS_TO_PLACEMENT', b, 'denominator')]);
    for (const result of RESULTS) within(leavers(b), [indicatorCell(result, b), ...inTotal(result)]);
    within(leavers(b), [rateCell('COMPLETION_RATE', b, 'numerator'), rateCell('DROP_OUT_RATE', b, 'numerator')]);
    for (const rate of [...LEAVERS, 'SCHOOL_COMPLETION_RATE']) within(rateCell(rate, b, 'denominator'), [rateCell(rate, b, 'numerator')]);
    // EOW = EECR02 + (in work, not in education); EECR04 = that + (in both): both unpublished, at least 0.
    const educationOrWork = rateCell('EDUCATION_OR_WORK_RATE', b, 'numerator');
    const [inEducation, inWork] = [indicatorCell('EECR02', b), indicatorCell('EECR04', b)];
    within(educationOrWork, [inWork]);
    if ([educationOrWork, inEducation, inWork].every((c) => counts.has(c))) {
      const workOnly = counts.get(educationOrWork)! - counts.get(inEducation)!;
      const both = counts.get(inWork)! - workOnly;
      if (workOnly >= 0 && both >= 0) {
        unpublished.set(`work-only:${b}`, workOnly).set(`work-and-education:${b}`, both);
        lines.push({ total: educationOrWork, parts: [inEducation, `work-only:${b}`] }, { total: inWork, parts: [`work-only:${b}`, `work-and-education:${b}`] });
      }
    }
  }
  return lines;
}

/**
 * Per gender: EECO01 = EECO09 + EECO10 + EECO11 + those whose education is not disclosed (unpublished);
 * in total the last is the published data-missing cell, which the unpublished ones add up to.
 * Left out when the figures do not form that partition (then it is no relation a reader can use).
 */
function educationLines(counts: Map<string, number>, unpublished: Map<string, number>): Line[] {
  const missing = GENDERS.map((g) =>
    counts.get(indicatorCell('EECO01', g))! - EDUCATION.reduce((s, code) => s + counts.get(indicatorCell(code, g))!, 0));
  if (missing.some((m) => m < 0)) return [];
  GENDERS.forEach((g, i) => unpublished.set(educationMissing(g), missing[i]!));
  const dataMissing = indicatorCell(EDUCATION[0]!, 'data-missing');
  return [
    ...GENDERS.map((g) => ({ total: indicatorCell('EECO01', g), parts: [...EDUCATION.map((code) => indicatorCell(code, g)), educationMissing(g)] })),
    { total: indicatorCell('EECO01', 'total'), parts: [...EDUCATION.map((code) => indicatorCell(code, 'total')), dataMissing] },
    { total: dataMissing, parts: GENDERS.map(educationMissing) },
  ];
}

