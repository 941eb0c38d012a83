import { performance } from 'node:perf_hooks';
import { computeIndicatorReport } from '@pathway/indicators';
import { exportRelations, suppressLinked, suppressRow } from '@pathway/exports';
import { lpSolver } from '../libs/exports/src/feasible-intervals';
import { prng, randomCohort } from '../libs/exports/src/testing/random-cohort';
import { latencies, progress } from './measure';
import { Measurement } from './report';

const COHORTS = 60;

/**
 * Small-count suppression of one funder export (about 230 count cells) over seeded random cohorts
 * of 3 to 120 participants, thresholds 3, 5 and 10, as the suppression audit draws them. The export's
 * size does not grow with the project: only the figures change. Baselines in the same run: the
 * row-by-row suppression that was there before (each gender row alone), and the linked rules without
 * the exact linear-programming check.
 */
export async function suppressionTimes(): Promise<Measurement[]> {
  const solver = await lpSolver();
  const random = prng(20261129);
  const ms = { rowByRow: [] as number[], linked: [] as number[], exact: [] as number[] };
  progress(`${COHORTS} exports: row by row, linked rules, linked rules + LP check`);
  for (let n = 0; n <= COHORTS; n++) {
    const size = 3 + Math.floor(random() * (n % 3 === 0 ? 25 : 120));
    const { indicators, rates } = computeIndicatorReport(randomCohort(random, size), { from: null, to: '2025-12-31' }, 80);
    const threshold = [5, 5, 3, 10][n % 4]!;
    const timed = (fn: () => unknown) => { const start = performance.now(); fn(); return performance.now() - start; };
    const rowByRow = timed(() => indicators.forEach((f) => suppressRow(f.total, [f.women, f.men, f.nonBinary, f.genderNotDisclosed], threshold)));
    const linked = timed(() => suppressLinked(exportRelations(indicators, rates), threshold));
    const exact = timed(() => suppressLinked(exportRelations(indicators, rates), threshold, solver));
    if (n === 0) continue; // warm-up: JIT and the solver's first model
    ms.rowByRow.push(rowByRow);
    ms.linked.push(linked);
    ms.exact.push(exact);
  }
  const baseline = { label: 'row by row (before)', value: latencies(ms.rowByRow).p50 };
  return [
    {
      name: 'suppression: one export, linked + LP check, p50', value: latencies(ms.exact).p50, unit: 'ms', baseline,
      note: `information, no target; p99 ${latencies(ms.exact).p99.toFixed(0)} ms; linked rules without the LP check p50 ${latencies(ms.linked).p50.toFixed(1)} ms`,
      details: { cohorts: COHORTS, p99: latencies(ms.exact).p99 },
    },
    { name: 'suppression: one export, linked rules only, p50', value: latencies(ms.linked).p50, unit: 'ms', baseline },
  ];
}
