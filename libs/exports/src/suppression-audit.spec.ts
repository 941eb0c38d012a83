import { CATALOGUE_VERSION, computeIndicatorReport, ParticipantOutcome } from '@pathway/indicators';
import type { IndicatorReportDocument } from '@pathway/read-models';
import { ExportRow, GENDER_BREAKDOWNS, SUPPRESSED } from './export-row';
import { buildFunderExport } from './funder-export';
import { auditIntervals, Interval } from './testing/lp-audit';
import { prng, randomCohort } from './testing/random-cohort';
import { FRAMTID } from './testing/report-fixture';

/** The report of a cohort for #framtid's whole period, as the read model gives it. */
function reportOf(outcomes: ParticipantOutcome[]): IndicatorReportDocument {
  const { indicators, rates } = computeIndicatorReport(outcomes, { from: null, to: '2025-12-31' }, 80);
  return { projectId: FRAMTID.projectId, period: { from: null, to: '2025-12-31' }, asKnownOn: null, position: 1, cutOffPosition: null, catalogueVersion: CATALOGUE_VERSION, indicators, rates };
}

/** Every count's true value under the audit's cell names. */
function truthOf(report: IndicatorReportDocument): Map<string, number> {
  const truth = new Map<string, number>();
  for (const f of report.indicators) {
    GENDER_BREAKDOWNS.forEach(([group, b]) => truth.set(`${f.code}|${b}`, f[group]));
    truth.set(`${f.code}|total`, f.total).set(`${f.code}|data-missing`, f.dataMissing);
  }
  for (const r of report.rates) {
    truth.set(`${r.code}|total|n`, r.numerator).set(`${r.code}|total|d`, r.denominator);
    GENDER_BREAKDOWNS.forEach(([group, b]) =>
      truth.set(`${r.code}|${b}|n`, r.byGenderMeasures[group].numerator).set(`${r.code}|${b}|d`, r.byGenderMeasures[group].denominator));
  }
  return truth;
}

const line = (rows: ExportRow[], code: string) => rows.filter((r) => r.code === code).map((r) => r.value);
const S = SUPPRESSED;

/** Women and men with the given labour-market statuses at entry, everything else alike. */
function labourCohort(counts: Record<'woman' | 'man', [unemployed: number, inactive: number, employed: number]>): ParticipantOutcome[] {
  const base = randomCohort(prng(1), 1)[0]!;
  const plain: ParticipantOutcome = {
    ...base, labourMarketStatus: 'unemployed', educationLevel: 'isced-3-4', ageAtEntry: 40, inEducationOrTraining: false,
    disability: false, thirdCountryNational: false, foreignBackground: false, minority: false, homeless: false, ruralArea: false,
    status: 'active', lastExitOn: null, exitReason: null, exitSituation: null, leavingJobSearching: null, leavingInEducation: null,
    leavingEmployed: null, leavingQualified: null, sixMonthPointOn: null, followUpSituation: null, followUpImproved: null,
    schoolCompleted: false, firstPlacementOn: null, daysToFirstPlacement: null,
  };
  return (['woman', 'man'] as const).flatMap((gender) => {
    const [unemployed, inactive, employed] = counts[gender];
    return [
      ...Array.from({ length: unemployed }, () => ({ ...plain, gender, labourMarketStatus: 'unemployed' as const })),
      ...Array.from({ length: inactive }, () => ({ ...plain, gender, labourMarketStatus: 'inactive' as const })),
      ...Array.from({ length: employed }, () => ({ ...plain, gender, labourMarketStatus: 'employed' as const })),
    ];
  }).map((o, i) => ({ ...o, participantId: `p-${i}` }));
}

describe('suppression across the relations an export publishes', () => {
  it('no longer gives away 2 inactive women as EECO01 18 - EECO02 10 - EECO05 6', async () => {
    // Women 18 = 10 unemployed + 2 inactive + 6 employed; men 20 = 12 + 3 + 5. Row by row, EECO04's
    // 2 and 3 hid each other and EECO05 was shown whole, so 18 - 10 - 6 gave the 2 away.
    const report = reportOf(labourCohort({ woman: [10, 2, 6], man: [12, 3, 5] }));
    const { rows } = await buildFunderExport(report, FRAMTID);
    expect(line(rows, 'EECO01')).toEqual([18, 20, 0, 0, 0, 38]);
    expect(line(rows, 'EECO02')).toEqual([10, 12, 0, 0, 0, 22]);
    expect(line(rows, 'EECO04')).toEqual([S, S, 0, 0, 0, 5]);
    // The labour-market lines take the employed women (6) and men (5) with them.
    expect(line(rows, 'EECO05')).toEqual([S, S, 0, 0, 0, 11]);
    // By hand: 04W + 04M = 5, 05W + 05M = 11, 04W + 05W = 8, 04M + 05M = 8, each at least 1:
    // the inactive women are 1 to 4, the employed women 4 to 7.
    const intervals = await auditIntervals(rows, truthOf(report));
    expect(intervals.map(({ cell, min, max }) => [cell, min, max])).toEqual([
      ['EECO04|women', 1, 4], ['EECO04|men', 1, 4], ['EECO05|women', 4, 7], ['EECO05|men', 4, 7],
    ]);
  });

  it('leaves no hidden non-zero cell determined, by linear programming over 60 random cohorts (seeded)', async () => {
    const random = prng(20261129);
    const widths: number[] = [];
    const exposed: string[] = [];
    const wrong: string[] = [];
    const took: number[] = [];
    let wideAsThreshold = 0;
    for (let n = 0; n < 60; n++) {
      const size = 3 + Math.floor(random() * (n % 3 === 0 ? 25 : 120));
      const report = reportOf(randomCohort(random, size));
      const threshold = [5, 5, 3, 10][n % 4]!;
      const started = performance.now();
      const { rows } = await buildFunderExport(report, FRAMTID, { suppressionThreshold: threshold });
      took.push(performance.now() - started);
      const intervals: Interval[] = await auditIntervals(rows, truthOf(report));
      for (const { cell, truth, min, max } of intervals) {
        // The relations are true: the true value is always feasible.
        if (truth < min - 1e-6 || truth > max + 1e-6) wrong.push(`cohort ${n}: ${cell} = ${truth} outside [${min}, ${max}]`);
        // A zero pinned at zero names no one; a pinned count of one or more is a disclosure.
        if (truth > 0 && max - min < 1 - 1e-6) exposed.push(`cohort ${n} (size ${size}, threshold ${threshold}): ${cell} = ${truth} in [${min}, ${max}]`);
        if (truth > 0) widths.push(max - min);
        if (truth > 0 && max - min >= threshold - 1e-6) wideAsThreshold++;
      }
    }
    const finite = widths.filter(Number.isFinite).sort((a, b) => a - b);
    const at = (q: number) => finite[Math.floor(q * (finite.length - 1))];
    console.log(`Suppression audit: ${widths.length} hidden non-zero cells, ${wideAsThreshold} of them with an interval at least as wide as the threshold; width min ${finite[0]}, `
      + `10th percentile ${at(0.1)}, median ${at(0.5)}; unbounded ${widths.length - finite.length}; `
      + `suppression took ${Math.max(...took).toFixed(0)} ms at most, ${(took.reduce((s, t) => s + t, 0) / took.length).toFixed(0)} ms on average`);
    expect(wrong).toEqual([]);
    expect(exposed).toEqual([]);
    expect(widths.length).toBeGreaterThan(1000);
  });
});
